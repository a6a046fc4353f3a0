// WhatsApp's own lines → events. The phrase tables (phrases/*.ts) are compiled once into
// anchored regular expressions; a system line is tried against every language's notices, then
// its events, in table order. Only lines the reader has already judged to be WhatsApp's own
// (no "Name: " before the text, or iOS's mark-led text) reach this module: a message body is
// never matched here, whatever it says.
import { PHRASE_TABLES, type PhraseTable } from './phrases/index.js';
import type { ChatEventType } from './types.js';
import { withoutBidi } from './names.js';

type Slot = 'actor' | 'subject' | 'subjects' | 'group' | 'oldGroup' | 'phone' | 'newPhone' | 'any';

interface CompiledWording {
  type: ChatEventType;
  re: RegExp;
  slots: Slot[];
  actor?: 'You';
  subject?: 'You';
}

interface CompiledTable {
  table: PhraseTable;
  events: CompiledWording[];
  notices: RegExp[];
  chatNotices: RegExp[];
  /** Splits "A, B and C" (outside bidi isolates). */
  listSplit: RegExp;
}

/** One event as the line names it: raw printed names, cleaned later by names.ts. */
export interface RawEvent {
  type: ChatEventType;
  actor: string | null;
  subject: string | null;
  new?: string;
  /** The name came from the wording itself ("You added …"), not from the printed text. */
  actorIsYou?: boolean;
  subjectIsYou?: boolean;
  /** subject is a group name (created, subject_changed): kept as printed between the quotes. */
  subjectIsGroup?: boolean;
}

export type SystemLine =
  | { kind: 'events'; lang: string; events: RawEvent[]; groupNames: string[] }
  | { kind: 'notice'; lang: string; chat: boolean }
  | { kind: 'unknown' };

// Lines longer than this are no WhatsApp notice (names are ≤ 25 characters in the UI, group
// names ≤ 100); refusing them early also bounds the regular expressions' backtracking.
const MAX_SYSTEM_LINE = 1000;

const SPACE = '[ \\u00a0\\u202f]+';
const QUOTE = '["\\u201c\\u201d\\u201e\\u00ab\\u00bb]';
const PHONE =
  '\\u2068?(\\+?[0-9\\u0966-\\u096f][0-9\\u0966-\\u096f \\u00a0\\u202f()\\-\\u2010\\u2011.]*[0-9\\u0966-\\u096f])\\u2069?';

const SLOT_PATTERN: Record<Exclude<Slot, 'any'>, string> = {
  actor: '(.+?)',
  subject: '(.+?)',
  subjects: '(.+?)',
  group: `${QUOTE}(.*)${QUOTE}`,
  oldGroup: `${QUOTE}(.*?)${QUOTE}`,
  phone: PHONE,
  newPhone: PHONE,
};

const escapeLiteral = (s: string) =>
  s
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ +/g, SPACE)
    .replace(/'/g, "['\\u2019]");

/** Compiles one wording of a phrase table (see phrases/types.ts for the syntax). */
export function compileWording(text: string): { re: RegExp; slots: Slot[] } {
  const slots: Slot[] = [];
  let source = '';
  let last = 0;
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    source += escapeLiteral(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1]!;
    if (name === '…') {
      source += '(.*)';
      slots.push('any');
    } else if (name in SLOT_PATTERN) {
      source += SLOT_PATTERN[name as keyof typeof SLOT_PATTERN];
      slots.push(name as Slot);
    } else if (name.includes('|')) {
      source += `(?:${name.split('|').map(escapeLiteral).join('|')})`;
    } else {
      throw new Error(`unknown placeholder {${name}} in wording "${text}"`);
    }
  }
  source += escapeLiteral(text.slice(last));
  // A final full stop is optional: Android writes "X added Y", German "Du hast Y hinzugefügt.".
  source = source.replace(/\\\.$/, '');
  return { re: new RegExp(`^${source}\\.?$`, 'i'), slots };
}

function compileTable(table: PhraseTable): CompiledTable {
  const and = table.listAnd.map(escapeLiteral).join('|');
  return {
    table,
    events: table.events.map((w) => ({ type: w.type, actor: w.actor, subject: w.subject, ...compileWording(w.text) })),
    notices: table.notices.map((t) => compileWording(t).re),
    chatNotices: table.chatNotices.map((t) => compileWording(t).re),
    listSplit: new RegExp(`${SPACE}?,${SPACE}(?:(?:${and})${SPACE})?|${SPACE}(?:${and})${SPACE}`, 'i'),
  };
}

let compiled: CompiledTable[] | null = null;
const tables = (): CompiledTable[] => (compiled ??= PHRASE_TABLES.map(compileTable));

/**
 * "A, B and C" → [A, B, C]. Names inside bidi isolates (U+2068…U+2069, newer exports) are taken
 * whole, so a name holding " and " or ", " stays one name. "… and 5 more" names nobody: dropped.
 */
export function splitNames(list: string, split: RegExp): string[] {
  const isolated = [...list.matchAll(/\u2068([^\u2068\u2069]*)\u2069/g)].map((m) => m[1]!);
  const names = isolated.length ? isolated : list.split(split);
  return names.filter((n) => n.trim() !== '' && !/^\d+\s+[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?$/u.test(n.trim()));
}

function eventsFrom(w: CompiledWording, m: RegExpExecArray, t: CompiledTable): RawEvent[] {
  let actor: string | null = null;
  let subjects: string[] = [];
  let subjectIsGroup = false;
  let newPhone: string | undefined;
  w.slots.forEach((slot, i) => {
    const v = m[i + 1] ?? '';
    if (slot === 'actor') actor = v;
    else if (slot === 'subject' || slot === 'phone') subjects = [v];
    else if (slot === 'subjects') subjects = splitNames(v, t.listSplit);
    else if (slot === 'group') {
      subjects = [withoutBidi(v)];
      subjectIsGroup = true;
    } else if (slot === 'newPhone') newPhone = v;
  });
  const base = {
    type: w.type,
    actor: w.actor ?? actor,
    ...(w.actor ? { actorIsYou: true } : {}),
    ...(newPhone !== undefined ? { new: newPhone } : {}),
  };
  if (w.subject) return [{ ...base, subject: w.subject, subjectIsYou: true }];
  if (subjects.length === 0) return [{ ...base, subject: null }];
  return subjects.map((s) => ({ ...base, subject: s, ...(subjectIsGroup ? { subjectIsGroup } : {}) }));
}

/** Group names a matched line states (created, subject changes), for iOS author checks. */
function groupNamesFrom(w: CompiledWording, m: RegExpExecArray): string[] {
  const out: string[] = [];
  w.slots.forEach((slot, i) => {
    if (slot === 'group' || slot === 'oldGroup') out.push(withoutBidi(m[i + 1] ?? ''));
  });
  return out;
}

/**
 * What a WhatsApp system line says. `text` is the line after its timestamp (and after iOS's
 * author, when WhatsApp put one there).
 */
export function readSystemLine(text: string): SystemLine {
  // Direction marks and embeddings carry no words; isolates are kept because they mark where
  // a name starts and ends (splitNames), and the names are cleaned afterwards.
  const line = text.replace(/[\u200e\u200f\u202a-\u202e\ufeff]/g, '').trim();
  if (line === '' || line.length > MAX_SYSTEM_LINE) return { kind: 'unknown' };
  for (const t of tables()) {
    for (const re of t.chatNotices) if (re.test(line)) return { kind: 'notice', lang: t.table.lang, chat: true };
    for (const re of t.notices) if (re.test(line)) return { kind: 'notice', lang: t.table.lang, chat: false };
  }
  for (const t of tables()) {
    for (const w of t.events) {
      const m = w.re.exec(line);
      if (!m) continue;
      const events = eventsFrom(w, m, t);
      // A list that named nobody ("added 5 more people") is not an event.
      if (w.slots.includes('subjects') && events.every((e) => e.subject === null)) continue;
      return { kind: 'events', lang: t.table.lang, events, groupNames: groupNamesFrom(w, m) };
    }
  }
  return { kind: 'unknown' };
}

/** Every wording of every table, compiled (for tests that render them back). */
export function phraseTables(): readonly PhraseTable[] {
  return tables().map((t) => t.table);
}
