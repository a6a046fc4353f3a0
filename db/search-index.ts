// Keeps the people search index (migration 3) in step with the people table, and turns a
// clerk's search text into FTS5 queries.
import { sql } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { first, run, transaction } from './exec.js';

/** Above this share of changed people, one bulk rebuild is cheaper than row-by-row updates. */
const REBUILD_SHARE = 0.3;

export interface RefreshResult {
  changed: number;
  mode: 'none' | 'incremental' | 'rebuild';
  ms: number;
}

/**
 * Folds the people changed since the last search into the index. Cheap when nothing changed
 * (one count on a small table); after a state-size import, one bulk rebuild (~2 s for
 * 2,60,000 people on the reference machine) that the first search pays once.
 */
export function refreshSearchIndex(db: RegisterDb): RefreshResult {
  const t0 = performance.now();
  const dirty = Number(
    first(
      db,
      db.k.selectFrom('peopleSearchDirty').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  if (dirty === 0) return { changed: 0, mode: 'none', ms: 0 };
  const people = Number(
    first(
      db,
      db.k.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  const rebuild = dirty > 1000 && dirty >= people * REBUILD_SHARE;
  transaction(db, () => {
    if (rebuild) {
      run(db, sql`INSERT INTO people_search (people_search) VALUES ('delete-all')`.compile(db.k));
      run(
        db,
        sql`INSERT INTO people_search (rowid, name, locality, phone_digits)
        SELECT id, name, locality, substr(phone, 2) FROM people`.compile(db.k),
      );
    } else {
      run(db, sql`DELETE FROM people_search WHERE rowid IN (SELECT id FROM people_search_dirty)`.compile(db.k));
      run(
        db,
        sql`INSERT INTO people_search (rowid, name, locality, phone_digits)
        SELECT p.id, p.name, p.locality, substr(p.phone, 2)
        FROM people_search_dirty d JOIN people p ON p.id = d.id`.compile(db.k),
      );
    }
    run(db, db.k.deleteFrom('peopleSearchDirty'));
  });
  return { changed: dirty, mode: rebuild ? 'rebuild' : 'incremental', ms: Math.round(performance.now() - t0) };
}

/** Digits of a search text in Latin digits, so "९८३५०" and "98350 12345" find phone numbers. */
export function searchDigits(text: string): string {
  return text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966)).replace(/\D/g, '');
}

/**
 * The digits to look for when the text is a phone number in any form the import accepts:
 * `09835012345` (trunk 0), `009198…` / `+91 98350 12345` (international), spaces, dashes,
 * brackets, Devanagari digits. A stored phone is E.164 (`+919835012345`), so a leading trunk
 * `0` or international `00` is dropped; what remains is a substring of the stored digits.
 * Text that is not phone-like gives its digits unchanged.
 */
export function phoneSearchDigits(text: string): string {
  const digits = searchDigits(text);
  if (!/^[\d\s+\-०-९().]+$/.test(text.trim())) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0')) return digits.slice(1);
  return digits;
}

/**
 * An FTS5 trigram query for a clerk's text: each word (3+ characters) must appear somewhere
 * in the name, locality or phone. Words are quoted, so FTS syntax in the input is inert.
 * Returns null when no word is long enough for the trigram index.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => [...w].length >= 3);
  const digits = phoneSearchDigits(text);
  // "98350 12345" is one phone number, not two words; "098350 12345" is the same number.
  if (digits.length >= 3 && /^[\d\s+\-०-९().]+$/.test(text.trim())) return `"${digits}"`;
  if (words.length === 0) return null;
  return words.map((w) => `"${/^[\d०-९]+$/.test(w) ? searchDigits(w) : w}"`).join(' AND ');
}
