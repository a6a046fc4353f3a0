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
  /** A word the line must contain (lower case), checked before the regular expression. */
  key: string;
  slots: Slot[];
  actor?: 'You';
  subject?: 'You';
}

interface CompiledNotice {
  re: RegExp;
  key: string;
  /** Its fixed text holds ": ", so on Android it looks like "Name: text" (see readColonNotice). */
  colon: boolean;
}

interface CompiledTable {
  table: PhraseTable;
  events: CompiledWording[];
  notices: CompiledNotice[];
  chatNotices: CompiledNotice[];
  /** Splits "A, B and C" (outside bidi isolates); global, used with splitAt. */
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

const KEY_BREAKS = /[\s'\u2019.,:;!?()"\u201c\u201d\u201e\u00ab\u00bb]+/;
const KEY_BREAK_AT_START = /^[\s'\u2019.,:;!?()"\u201c\u201d\u201e\u00ab\u00bb]/;
const KEY_BREAK_AT_END = /[\s'\u2019.,:;!?()"\u201c\u201d\u201e\u00ab\u00bb]$/;

/**
 * The longest whole word of a wording's fixed text, lower-cased (a word glued to a placeholder,
 * like "anruf" in "Verpasster {…}anruf", is not whole). A line without it cannot match, and
 * checking for it rules out most of ~150 wordings far faster than their regular expressions.
 */
function keyword(text: string): string {
  const words: string[] = [];
  const parts = text.split(/\{[^{}]*\}/);
  // The same breaks as isWordBreak, so that the key is one of the line's words.
  parts.forEach((seg, i) => {
    const w = seg.split(KEY_BREAKS);
    if (i > 0 && !KEY_BREAK_AT_START.test(seg)) w.shift();
    if (i < parts.length - 1 && !KEY_BREAK_AT_END.test(seg)) w.pop();
    words.push(...w.map((x) => x.toLowerCase()).filter((x) => x !== ''));
  });
  const key = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (key === '') throw new Error(`wording "${text}" has no whole word to recognise it by`);
  return key;
}

/** Compiles one wording of a phrase table (see phrases/types.ts for the syntax). */
export function compileWording(text: string): { re: RegExp; slots: Slot[]; key: string } {
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
  return { re: new RegExp(`^${source}\\.?$`, 'i'), slots, key: keyword(text) };
}

function compileTable(table: PhraseTable): CompiledTable {
  const and = table.listAnd.map(escapeLiteral).join('|');
  return {
    table,
    events: table.events.map((w) => ({ type: w.type, actor: w.actor, subject: w.subject, ...compileWording(w.text) })),
    notices: table.notices.map((t) => ({ ...compileWording(t), colon: hasColon(t) })),
    chatNotices: table.chatNotices.map((t) => ({ ...compileWording(t), colon: hasColon(t) })),
    listSplit: new RegExp(`(?:${SPACE})?,${SPACE}(?:(?:${and})${SPACE})?|${SPACE}(?:${and})${SPACE}`, 'gi'),
  };
}

let compiled: CompiledTable[] | null = null;
const tables = (): CompiledTable[] => (compiled ??= PHRASE_TABLES.map(compileTable));

/** One wording in the order wordings are tried: all notices first, then all events. */
type Candidate =
  | { order: number; kind: 'notice'; chat: boolean; table: CompiledTable; notice: CompiledNotice }
  | { order: number; kind: 'event'; table: CompiledTable; wording: CompiledWording };

let index: Map<string, Candidate[]> | null = null;
/** Wordings by their key word, so a line is tried only against wordings whose key it holds. */
function byKey(): Map<string, Candidate[]> {
  if (index) return index;
  const all: Candidate[] = [];
  for (const t of tables()) {
    for (const n of t.chatNotices) all.push({ order: all.length, kind: 'notice', chat: true, table: t, notice: n });
    for (const n of t.notices) all.push({ order: all.length, kind: 'notice', chat: false, table: t, notice: n });
  }
  for (const t of tables())
    for (const w of t.events) all.push({ order: all.length, kind: 'event', table: t, wording: w });
  index = new Map();
  for (const c of all) {
    const key = c.kind === 'notice' ? c.notice.key : c.wording.key;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}

/**
 * Where a wording's key word can end: spaces (U+00A0, U+202F too), punctuation, quotes and bidi
 * marks (they are glued to names and words: "\u200eYou").
 */
function isWordBreak(c: number): boolean {
  if (c < 0x80) {
    return (
      c <= 0x20 ||
      c === 0x27 ||
      c === 0x2e ||
      c === 0x2c ||
      c === 0x3a ||
      c === 0x3b ||
      c === 0x21 ||
      c === 0x3f ||
      c === 0x28 ||
      c === 0x29 ||
      c === 0x22
    );
  }
  return (
    c === 0xa0 ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2018 && c <= 0x201f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    c === 0x205f ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The wordings a line can match, in the order they are tried: those whose key word is one of
 * the line's words. (A hand-written word loop: String.prototype.split with a regular expression
 * cost more than everything else here together.)
 */
function candidatesFor(text: string): Candidate[] | null {
  const keyed = byKey();
  const lower = text.toLowerCase();
  let found: Candidate[] | null = null;
  let merged = false;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (!isWordBreak(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const list = keyed.get(lower.slice(start, i));
    start = -1;
    if (list === undefined) continue;
    if (found === null) found = list;
    else {
      found = found.concat(list);
      merged = true;
    }
  }
  if (found !== null && merged) found = [...new Set(found)].sort((x, y) => x.order - y.order);
  return found;
}

const MARKS_TO_DROP = /[\u200e\u200f\u202a-\u202e\ufeff]/;
const MARKS_TO_DROP_ALL = /[\u200e\u200f\u202a-\u202e\ufeff]/g;

/**
 * "A, B and C" → [A, B, C]. Names inside bidi isolates (U+2068…U+2069, newer exports) are taken
 * whole, so a name holding " and " or ", " stays one name. "… and 5 more" names nobody: dropped.
 */
export function splitNames(list: string, split: RegExp): string[] {
  let names: string[];
  if (list.includes('\u2068')) {
    // Isolated names are set aside (as private-use placeholders) while the list is split, then
    // put back.
    const spans: string[] = [];
    const masked = list.replace(ISOLATED, (_m, inner: string) => `\ue000${spans.push(inner) - 1}\ue001`);
    names = splitAt(masked, split).map((n) => n.replace(/\ue000(\d+)\ue001/g, (_m, i: string) => spans[+i] ?? ''));
  } else names = splitAt(list, split);
  return names.filter((n) => n.trim() !== '' && !SOME_MORE.test(n.trim()));
}

/** text.split(re) for a global `re`, by exec (String.prototype.split with a regular expression is slow). */
function splitAt(text: string, re: RegExp): string[] {
  const out: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  out.push(text.slice(last));
  return out;
}

const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g;
// "5 more", "5 others", "5 weitere Personen": people the line does not name.
const SOME_MORE = /^\d+\s+[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?$/u;

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

const hasColon = (wording: string) => wording.replace(/\{[^{}]*\}/g, '').includes(': ');

/**
 * Whether a line that looks like "Name: text" is in fact a WhatsApp notice whose own wording
 * holds ": " ("You added this group to the community: Patna Police"). Only such wordings are
 * tried: any other wording, events above all, would read a person's message as WhatsApp's.
 */
export function readColonNotice(text: string): SystemLine {
  if (text.length > MAX_SYSTEM_LINE) return UNKNOWN;
  const line = text.replace(MARKS_TO_DROP_ALL, '').trim();
  for (const t of tables()) {
    for (const n of [...t.chatNotices, ...t.notices]) {
      if (n.colon && n.re.test(line)) return { kind: 'notice', lang: t.table.lang, chat: false };
    }
  }
  return UNKNOWN;
}

/**
 * What a WhatsApp system line says. `text` is the line after its timestamp (and after iOS's
 * author, when WhatsApp put one there).
 */
export function readSystemLine(text: string): SystemLine {
  if (text.length > MAX_SYSTEM_LINE) return UNKNOWN;
  // Only wordings whose key word the line holds can match it. iOS marks media placeholders
  // ("image omitted") like its own lines, so many lines get here and most leave at once.
  const candidates = candidatesFor(text);
  if (candidates === null) return UNKNOWN;
  // Direction marks and embeddings carry no words; isolates are kept because they mark where
  // a name starts and ends (splitNames), and the names are cleaned afterwards.
  const line = (MARKS_TO_DROP.test(text) ? text.replace(MARKS_TO_DROP_ALL, '') : text).trim();
  for (const c of candidates) {
    if (c.kind === 'notice') {
      if (c.notice.re.test(line)) return { kind: 'notice', lang: c.table.table.lang, chat: c.chat };
      continue;
    }
    const w = c.wording;
    const m = w.re.exec(line);
    if (!m) continue;
    const events = eventsFrom(w, m, c.table);
    // A list that named nobody ("added 5 more people") is not an event.
    if (w.slots.includes('subjects') && events.every((e) => e.subject === null)) continue;
    return { kind: 'events', lang: c.table.table.lang, events, groupNames: groupNamesFrom(w, m) };
  }
  return UNKNOWN;
}

const UNKNOWN: SystemLine = { kind: 'unknown' };

/** Every wording of every table, compiled (for tests that render them back). */
export function phraseTables(): readonly PhraseTable[] {
  return tables().map((t) => t.table);
}
