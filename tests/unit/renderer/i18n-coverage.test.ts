// Every message in both languages (issue #11): each error code, each reason a backend error can
// carry and each import issue code has its words in English and Hindi, and the Hindi UI has no
// English words outside quoted values, placeholders and a few names (WhatsApp, HQ, CSV …).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../fixtures/cli.js';
import { ERROR_REASONS, type ErrorCode } from '../../../electron/contract/errors.js';
import type { IssueCode } from '../../../electron/contract/sheets.js';
import type { BadCellWhy } from '../../../electron/contract/values/cells.js';
import { namespaces } from '../../../renderer/i18n/index.js';

type Table = { [k: string]: string | Table };

function flatten(t: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Written out, so that a code added to the contract without words fails here (the `satisfies`
// makes the compiler refuse a list that misses one).
const ERROR_CODES = {
  BAD_INPUT: 1,
  NOT_FOUND: 1,
  CONFLICT: 1,
  NO_REGISTER: 1,
  DB_TOO_NEW: 1,
  DB_OPEN_FAILED: 1,
  IMPORT_REJECTED: 1,
  BAD_FILE: 1,
  CANCELLED: 1,
  KEY_LOCKED: 1,
  BUNDLE_INVALID: 1,
  FORBIDDEN: 1,
  INTERNAL: 1,
} satisfies Record<ErrorCode, 1>;

const ISSUE_CODES = {
  NO_HEADER: 1,
  MISSING_COLUMN: 1,
  UNKNOWN_COLUMN: 1,
  DUPLICATE_COLUMN: 1,
  IGNORED_SHEET: 1,
  SHEET_BY_COLUMNS: 1,
  REQUIRED: 1,
  TOO_LONG: 1,
  BAD_CELL: 1,
  BAD_TEXT: 1,
  BAD_PHONE: 1,
  PHONE_DESTROYED: 1,
  PHONE_NOT_MOBILE: 1,
  BAD_DATE: 1,
  FUTURE_DATE: 1,
  DATE_ORDER: 1,
  BAD_GENDER: 1,
  UNKNOWN_RANK: 1,
  BAD_UNIT_TYPE: 1,
  BAD_GROUP_KIND: 1,
  BAD_CATEGORY: 1,
  BAD_STATUS: 1,
  BAD_LINK: 1,
  UNKNOWN_UNIT: 1,
  UNKNOWN_GROUP: 1,
  UNKNOWN_STAFF: 1,
  REF_REJECTED: 1,
  PARENT_NOT_THANA: 1,
  PARENT_SELF: 1,
  DUPLICATE_CONFLICT: 1,
  CODE_CASE_CONFLICT: 1,
  STAFF_CATEGORY: 1,
  DUPLICATE_ROW: 1,
  DUPLICATE_MEMBERSHIP: 1,
  NAME_CONFLICT: 1,
  FIELD_CONFLICT: 1,
  ALREADY_ACTIVE: 1,
} satisfies Record<IssueCode, 1>;

/** Latin words the Hindi UI may keep: names of products, formats, codes and abbreviations. */
const ALLOWED_LATIN = new Set(
  [
    'WhatsApp',
    'HQ',
    'CSV',
    'XLSX',
    'xlsx',
    'csv',
    'PDF',
    'BagIt',
    'minisign',
    'Samooh',
    'SP',
    'DGP',
    'OP',
    'ID',
    'E.164',
    'SHA-256',
    'USB',
    'Excel',
    'English',
    'Alt',
    'Ctrl',
    'Ctrl+K',
    'Enter',
    'Esc',
    'Tab',
    'Shift',
    'F1',
    'eml',
    'zip',
    'txt',
    'pub',
    'https',
    'chat.whatsapp.com',
    'dd-mm-yyyy',
    'dd',
    'mm',
    'yyyy',
    'R1',
    'R2',
    'R3',
    'R4',
    'R5',
    'R6',
    'R7',
    'AM',
    'PM',
    'PgUp',
    'PgDn',
    'Delete',
    'samooh-register',
  ].map((w) => w.toLowerCase()),
);

/** Latin words of a Hindi string, leaving out {{placeholders}}, “quoted values” and `code`. */
function strayLatin(s: string): string[] {
  const bare = s
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // Example codes (PAT-T-KOTWALI, BSAP-1) and a number as Excel mangles it (9.19835E+11) are values.
    .replace(/\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g, ' ')
    .replace(/[0-9.]+E\+[0-9]+/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ');
  const words = bare.match(/[A-Za-z][A-Za-z0-9.+\-/]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  return words.filter((w) => !ALLOWED_LATIN.has(w.toLowerCase()) && !/^[A-Z0-9]{1,5}$/.test(w));
}

describe('every message in both languages', () => {
  const errors = { en: flatten(namespaces.errors.en as Table), hi: flatten(namespaces.errors.hi as Table) };
  const imp = { en: flatten(namespaces.import.en as Table), hi: flatten(namespaces.import.hi as Table) };

  it('each error code has a headline in English and Hindi', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      for (const lang of ['en', 'hi'] as const)
        expect(errors[lang].get(`code.${code}`), `${lang} code.${code}`).toBeTruthy();
    }
  });

  it('each error reason is worded in English and Hindi, naming the same values', () => {
    for (const reason of ERROR_REASONS) {
      const en = errors.en.get(`reason.${reason}`);
      const hi = errors.hi.get(`reason.${reason}`);
      expect(en, `en reason.${reason}`).toBeTruthy();
      expect(hi, `hi reason.${reason}`).toBeTruthy();
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
      expect(vars(hi!), reason).toEqual(vars(en!));
    }
  });

  it('each reason db/ puts on a DbError is a contract reason (db/ cannot import the list)', () => {
    const used = new Set<string>();
    for (const file of readdirSync(path.join(ROOT, 'db'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      for (const m of readFileSync(path.join(ROOT, 'db', file), 'utf8').matchAll(/dbReason\('(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(3);
    for (const r of used) expect(ERROR_REASONS as readonly string[], r).toContain(r);
  });

  it('the field names a form can be refused on are worded in both languages', () => {
    for (const lang of ['en', 'hi'] as const) expect(errors[lang].get('field.code'), lang).toBeTruthy();
    expect([...errors.hi.keys()].filter((k) => k.startsWith('field.')).sort()).toEqual(
      [...errors.en.keys()].filter((k) => k.startsWith('field.')).sort(),
    );
  });

  it('each import issue code has its reason in English and Hindi', () => {
    for (const code of Object.keys(ISSUE_CODES)) {
      for (const lang of ['en', 'hi'] as const)
        expect(imp[lang].get(`reasons.${code}`), `${lang} reasons.${code}`).toBeTruthy();
    }
  });

  it('each import issue code has its detail in English and Hindi, naming the same values', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    const details = (lang: 'en' | 'hi') => [...imp[lang].keys()].filter((k) => k.startsWith('details.')).sort();
    for (const code of Object.keys(ISSUE_CODES)) {
      for (const lang of ['en', 'hi'] as const)
        expect(imp[lang].get(`details.${code}`), `${lang} details.${code}`).toBeTruthy();
    }
    expect(details('hi')).toEqual(details('en'));
    const codes = Object.keys(ISSUE_CODES);
    for (const key of details('en')) {
      const name = key.slice('details.'.length);
      expect(
        codes.some((c) => name === c || name.startsWith(`${c}_`)),
        `${key} words no issue code`,
      ).toBe(true);
      expect(vars(imp.hi.get(key)!), key).toEqual(vars(imp.en.get(key)!));
    }
    for (const who of ['staff', 'phone']) {
      for (const lang of ['en', 'hi'] as const)
        expect(vars(imp[lang].get(`memberWho.${who}`) ?? ''), `${lang} memberWho.${who}`).toEqual(['member']);
    }
  });

  it('each situation (variant) an import issue can carry has its own wording', () => {
    const worded = new Set([...imp.en.keys()].filter((k) => k.startsWith('details.')).map((k) => k.slice(8)));
    const hasVariant = (v: string) => [...worded].some((k) => k.endsWith(`_${v}`));
    // Variants written out in the code that makes the issues.
    const used = new Set<string>();
    for (const dir of ['electron/contract', 'electron/services/register-io']) {
      for (const file of readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(path.join(ROOT, dir, file), 'utf8');
        for (const m of text.matchAll(/variant: '(\w+)'|badPhone\('(\w+)'/g)) used.add((m[1] ?? m[2])!);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    for (const v of used) expect(hasVariant(v), `variant ${v}`).toBe(true);
    // Variants made from a value: the kind of number, why a cell is unusable, the sheet referred to.
    const phoneKinds = ['fixed_line', 'toll_free', 'premium_rate', 'shared_cost', 'voip', 'personal_number'];
    for (const k of [...phoneKinds, 'pager', 'uan', 'voicemail', 'unknown'])
      expect(worded.has(`PHONE_NOT_MOBILE_${k}`), k).toBe(true);
    for (const why of ['invalid_date', 'not_finite', 'error', 'formula', 'unknown'] satisfies BadCellWhy[]) {
      expect(worded.has(`BAD_CELL_${why}`), why).toBe(true);
      expect(worded.has(`BAD_PHONE_cell_${why}`), why).toBe(true);
    }
    for (const sheet of ['units', 'staff', 'groups']) expect(worded.has(`REF_REJECTED_${sheet}`), sheet).toBe(true);
  });

  it('“differs from the register” is not said of a conflict inside the file', () => {
    expect(imp.hi.get('reasons.FIELD_CONFLICT')).not.toContain('रजिस्टर से भिन्न');
    expect(imp.en.get('reasons.FIELD_CONFLICT')).not.toMatch(/register/i);
  });

  for (const [name, ns] of Object.entries(namespaces)) {
    it(`${name}: no English words in the Hindi UI outside quoted values`, () => {
      const stray: string[] = [];
      for (const [key, s] of flatten(ns.hi as Table)) {
        const words = strayLatin(s);
        if (words.length) stray.push(`${key}: ${words.join(' ')}  ← ${s}`);
      }
      expect(stray).toEqual([]);
    });
  }
});
