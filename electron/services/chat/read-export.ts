// The text of a WhatsApp "Export chat" → messages, authors and membership events (SPEC §6).
// Pure: no files, no Electron, no database. One pass over the lines in the common case.
//
// How a line is judged:
// - It starts a message only if it begins with a timestamp in the file's own shape
//   (timestamps.ts) whose date and time exist; every other line continues the message before
//   it (multi-line messages, also those with lines that look like dates).
// - After the timestamp, "Name: text" is a message by Name. On Android that is final: WhatsApp
//   writes its own lines without a name, so "Ramesh: Suresh added Mohan" is Ramesh's message,
//   never an event. On iOS WhatsApp puts a name before its own lines too (the group's name, the
//   actor or the person affected) and marks their text with U+200E, so only mark-led text after
//   a name is read as a possible system line there (media placeholders are mark-led too, and stay
//   messages when no wording matches).
// - A line without a name is WhatsApp's: an event, a known notice, or an unrecognised system
//   line — never a message. A ": " inside a quoted group name ("created group "Thana: Kotwali"")
//   does not make a name: the text before it has an unclosed quote.
// - Day and month order: any first number over 12 means dd/mm, any second number over 12 means
//   mm/dd. Times are kept as raw numbers under both orders until the whole file has spoken; if
//   the file holds both (a pasted message), the majority wins and the file is read again with
//   that order, so the minority lines become continuation lines.
import { reasonError } from '../../contract/errors.js';
import { readColonNotice, readSystemLine, type RawEvent, type SystemLine } from './events.js';
import { cleanName, PersonNames } from './names.js';
import { PHRASE_TABLES } from './phrases/index.js';
import {
  F_A,
  F_B,
  F_H,
  F_MI,
  F_S,
  F_Y,
  headerShape,
  isDate,
  localTime,
  scanHeader,
  timeKey,
  type HeaderShape,
} from './timestamps.js';
import type { ChatAuthor, ChatEvent, ChatExport, DateOrder, DateOrderSource, ReadOptions } from './types.js';

interface AuthorTally {
  raw: string;
  firstLine: number;
  messages: number;
  /** Earliest/latest timeKey under dd/mm and under mm/dd (NaN where the date is impossible). */
  minD: number;
  maxD: number;
  minM: number;
  maxM: number;
  /** iOS: whether the name is the group's (checked against the group names of that version). */
  groupChecked: number;
  isGroup: boolean;
}

interface PendingEvent extends RawEvent {
  lang: string;
  line: number;
  keyD: number;
  keyM: number;
}

interface Pass {
  messages: number;
  authors: Map<string, AuthorTally>;
  events: PendingEvent[];
  languages: Set<string>;
  notices: { recognised: number; unrecognised: number; firstUnrecognisedLine: number | null };
  lines: number;
  /** Lines whose date exists only as dd/mm, only as mm/dd (first line of each for messages). */
  onlyDmy: number;
  onlyMdy: number;
  firstOnlyDmy: number;
  firstOnlyMdy: number;
}

const NO_TIME = Number.NaN;

/**
 * Values found by a piece of the text (text[from, to)) without cutting it out: a fixed table of
 * slots indexed by the piece's length and seven of its characters, each slot holding the last
 * piece seen there, confirmed by comparing the characters. A miss costs a slice and the caller's
 * map lookup; a hit costs a comparison of a few characters.
 */
class RangeTable<T> {
  private static readonly SIZE = 8192;
  // Each key's characters are kept as numbers: the key strings are slices of the whole text,
  // whose characters are slower to reach than an array's.
  private readonly keys: (Uint16Array | undefined)[] = new Array(RangeTable.SIZE);
  private readonly values: (T | undefined)[] = new Array(RangeTable.SIZE);

  // Names that differ only near their end are common ("+91 98350 12345", "Ramesh 12"), so the
  // last four characters are mixed in, with the first and two inner ones.
  private slot(text: string, from: number, to: number): number {
    const n = to - from;
    // A piece shorter than four characters reads its own first character for the missing ones.
    const last = to - 1;
    let h = Math.imul(n, 0x9e3779b1);
    h = Math.imul(h ^ text.charCodeAt(last), 0x85ebca6b);
    h = Math.imul(h ^ text.charCodeAt(n > 1 ? last - 1 : from), 0xc2b2ae35);
    h = Math.imul(h ^ text.charCodeAt(n > 2 ? last - 2 : from), 0x27d4eb2f);
    h = Math.imul(h ^ text.charCodeAt(n > 3 ? last - 3 : from), 0x165667b1);
    h = Math.imul(h ^ text.charCodeAt(from), 0x9e3779b1);
    h = Math.imul(h ^ text.charCodeAt(from + (n >> 1)), 0x85ebca6b);
    h = Math.imul(h ^ text.charCodeAt(from + (n >> 2)), 0xc2b2ae35);
    return (h ^ (h >>> 15) ^ (h >>> 23)) & (RangeTable.SIZE - 1);
  }

  /** The value stored for text[from, to) in slot k, or undefined. */
  private at(k: number, text: string, from: number, to: number): T | undefined {
    const key = this.keys[k];
    if (key === undefined || key.length !== to - from) return undefined;
    // Compared from the end, where names differ.
    for (let i = key.length - 1; i >= 0; i--) if (key[i] !== text.charCodeAt(from + i)) return undefined;
    return this.values[k];
  }

  // Two slots per piece (k and its neighbour), so that two pieces that hash alike do not evict
  // each other on every line.
  find(text: string, from: number, to: number): T | undefined {
    const k = this.slot(text, from, to);
    return this.at(k, text, from, to) ?? this.at(k ^ 1, text, from, to);
  }

  set(text: string, from: number, to: number, value: T): void {
    const k = this.slot(text, from, to);
    if (this.keys[k] !== undefined) {
      // The older occupant moves to the neighbouring slot; the new piece takes the first.
      this.keys[k ^ 1] = this.keys[k];
      this.values[k ^ 1] = this.values[k];
    }
    const key = new Uint16Array(to - from);
    for (let i = 0; i < key.length; i++) key[i] = text.charCodeAt(from + i);
    this.keys[k] = key;
    this.values[k] = value;
  }
}

const QUOTE = /["\u201c\u201d\u201e]/;
const QUOTES = /["\u201c\u201d\u201e]/g;

/** True when the text opens a quote it does not close. */
function opensQuote(text: string): boolean {
  return QUOTE.test(text) && (text.match(QUOTES)?.length ?? 0) % 2 === 1;
}

/** U+200E/U+200F: what iOS puts before "[" and after "Name: " on its own lines. */
const isDirectionMark = (c: number) => c === 0x200e || c === 0x200f;

const isMark = (c: number) =>
  c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** A line can start a message only with a digit, "[" or a bidi mark: a cheap pre-check. */
const mayStartMessage = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x5b || isMark(c);

function readLines(text: string, shape: HeaderShape, order: DateOrder | null): Pass {
  const ios = shape.format === 'ios';
  const f = new Int32Array(7);
  const pass: Pass = {
    messages: 0,
    authors: new Map(),
    events: [],
    languages: new Set(),
    notices: { recognised: 0, unrecognised: 0, firstUnrecognisedLine: null },
    lines: 0,
    onlyDmy: 0,
    onlyMdy: 0,
    firstOnlyDmy: 0,
    firstOnlyMdy: 0,
  };
  const tally = (t: AuthorTally, keyD: number, keyM: number) => {
    pass.messages++;
    t.messages++;
    if (keyD < t.minD) t.minD = keyD;
    if (keyD > t.maxD) t.maxD = keyD;
    if (keyM < t.minM) t.minM = keyM;
    if (keyM > t.maxM) t.maxM = keyM;
  };
  const countMessage = (raw: string, line: number, keyD: number, keyM: number): AuthorTally => {
    let t = pass.authors.get(raw);
    if (t === undefined) {
      t = {
        raw,
        firstLine: line,
        messages: 0,
        minD: keyD,
        maxD: keyD,
        minM: keyM,
        maxM: keyM,
        groupChecked: -1,
        isGroup: false,
      };
      pass.authors.set(raw, t);
    }
    tally(t, keyD, keyM);
    return t;
  };
  const unrecognised = (line: number) => {
    pass.notices.unrecognised++;
    pass.notices.firstUnrecognisedLine ??= line;
  };

  // Most lines are by someone already seen, and iOS repeats its mark-led placeholders
  // ("\u200eimage omitted" is one line in five): both are found in place, without cutting the
  // text out of the line (cutting and hashing a new string for each of 40,000 lines cost more
  // than the rest of the read).
  const recentAuthors = new RangeTable<AuthorTally>();
  const recentVerdicts = new RangeTable<SystemLine>();
  const verdictAt = (from: number, to: number): SystemLine => {
    let r = recentVerdicts.find(text, from, to);
    if (r === undefined) {
      const t = text.slice(from, to);
      r = readSystemLine(t);
      if (t.length <= 64) recentVerdicts.set(text, from, to, r);
    }
    return r;
  };

  // iOS puts the group's name before WhatsApp's own lines; a mark-led line from that "author"
  // that no wording matches is a notice, not a message.
  const groupNames = new Set<string>();
  let groupVersion = 0;
  const addGroupName = (raw: string) => {
    const name = cleanName(raw);
    if (!groupNames.has(name)) {
      groupNames.add(name);
      groupVersion++;
    }
  };
  const isGroup = (t: AuthorTally): boolean => {
    if (t.groupChecked !== groupVersion) {
      t.isGroup = groupNames.has(cleanName(t.raw));
      t.groupChecked = groupVersion;
    }
    return t.isGroup;
  };

  /** Records a system line's verdict; returns false when no wording matched. */
  const record = (r: SystemLine, line: number, keyD: number, keyM: number, author: string | null): boolean => {
    if (r.kind === 'unknown') return false;
    pass.languages.add(r.lang);
    if (r.kind === 'notice') {
      pass.notices.recognised++;
      if (r.chat && author !== null) addGroupName(author);
      return true;
    }
    for (const g of r.groupNames) addGroupName(g);
    for (const e of r.events) pass.events.push({ ...e, lang: r.lang, line, keyD, keyM });
    return true;
  };
  /** A line with no "Name: " before its text: WhatsApp's own, or "Carol:" with nothing said. */
  const nameless = (from: number, to: number, colon: number, line: number, keyD: number, keyM: number) => {
    const body = text.slice(from, to);
    if (record(readSystemLine(body), line, keyD, keyM, null)) return;
    if (colon < 0 && body.length > 1 && body.endsWith(':')) countMessage(body.slice(0, -1), line, keyD, keyM);
    else unrecognised(line);
  };

  // Lines are walked by their offsets in the text: no array of 50,000 line strings is made. LF
  // ends a line; a CR before it is dropped (readChatText turns lone CRs into LFs first).
  const len = text.length;
  let lineNo = 0;
  let nextColon = -1;
  let lastA = -1;
  let lastB = -1;
  let lastY = -1;
  let lastDmy = false;
  let lastMdy = false;
  for (let pos = 0; pos <= len;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = len;
    const next = end + 1;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const lineStart = pos;
    pos = next;
    lineNo++;
    if (lineEnd - lineStart < 10 || !mayStartMessage(text.charCodeAt(lineStart))) continue;
    const start = scanHeader(text, lineStart, shape, f);
    if (start < 0) continue;

    // ---- The timestamp: which of its two readings exist.
    const a = f[F_A]!;
    const b = f[F_B]!;
    const y = f[F_Y]!;
    // Messages come in runs on one date: the last date's verdicts are reused.
    if (a !== lastA || b !== lastB || y !== lastY) {
      lastA = a;
      lastB = b;
      lastY = y;
      lastDmy = isDate(y, b, a);
      lastMdy = isDate(y, a, b);
    }
    const dmy = lastDmy;
    const mdy = lastMdy;
    if (!dmy && !mdy) continue;
    if (dmy !== mdy) {
      if (dmy) {
        if (pass.onlyDmy++ === 0) pass.firstOnlyDmy = lineNo;
      } else if (pass.onlyMdy++ === 0) pass.firstOnlyMdy = lineNo;
    }
    if (order === 'dmy' ? !dmy : order === 'mdy' ? !mdy : false) continue;
    const h = f[F_H]!;
    const mi = f[F_MI]!;
    const sec = f[F_S]!;
    const keyD = dmy ? timeKey(y, b, a, h, mi, sec) : NO_TIME;
    const keyM = mdy ? timeKey(y, a, b, h, mi, sec) : NO_TIME;

    // ---- The text after it. The next ": " in the text is remembered: when a line has none,
    // indexOf runs on into the following lines, and searching again from every line would
    // make a file of such lines take quadratic time.
    if (nextColon < start) {
      nextColon = text.indexOf(': ', start);
      if (nextColon < 0) nextColon = len;
    }
    const colon = nextColon < lineEnd ? nextColon : -1;
    if (colon <= start) {
      nameless(start, lineEnd, colon, lineNo, keyD, keyM);
      continue;
    }
    const marked = ios && (isDirectionMark(text.charCodeAt(lineStart)) || isDirectionMark(text.charCodeAt(colon + 2)));
    if (marked) {
      const r = verdictAt(colon + 2, lineEnd);
      if (r.kind !== 'unknown') {
        const author = text.slice(start, colon);
        if (!opensQuote(author) && record(r, lineNo, keyD, keyM, author)) continue;
      }
    }
    let t = recentAuthors.find(text, start, colon);
    if (t === undefined) {
      const author = text.slice(start, colon);
      // A ": " inside a quoted group name: WhatsApp's line, not a name.
      if (opensQuote(author)) {
        nameless(start, lineEnd, -1, lineNo, keyD, keyM);
        continue;
      }
      t = pass.authors.get(author);
      if (t === undefined) {
        if (marked && groupNames.has(cleanName(author))) {
          unrecognised(lineNo);
          continue;
        }
        // A name never seen before may be the start of a WhatsApp notice with ": " in it.
        if (record(readColonNotice(text.slice(start, lineEnd)), lineNo, keyD, keyM, null)) continue;
        t = countMessage(author, lineNo, keyD, keyM);
        recentAuthors.set(text, start, colon, t);
        continue;
      }
      recentAuthors.set(text, start, colon, t);
    }
    if (marked && groupNames.size > 0 && isGroup(t)) {
      unrecognised(lineNo);
      continue;
    }
    tally(t, keyD, keyM);
  }
  pass.lines = lineNo;
  return pass;
}

/** The first line that starts with a WhatsApp timestamp decides the file's shape. */
function findShape(text: string): HeaderShape | null {
  for (let pos = 0; pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (end - pos >= 10 && mayStartMessage(text.charCodeAt(pos))) {
      // Timestamps are short: a slice of the line's start is enough to judge it.
      const s = headerShape(text.slice(pos, Math.min(end, pos + 80)));
      if (s) return s;
    }
    pos = end + 1;
  }
  return null;
}

function decideOrder(p: Pass, asked: DateOrder | undefined): { order: DateOrder; from: DateOrderSource } {
  if (asked) {
    const against = asked === 'dmy' ? p.onlyMdy : p.onlyDmy;
    const forIt = asked === 'dmy' ? p.onlyDmy : p.onlyMdy;
    if (against > 0 && forIt === 0) {
      const line = asked === 'dmy' ? p.firstOnlyMdy : p.firstOnlyDmy;
      throw reasonError(
        'BAD_INPUT',
        'chat_date_order',
        `--date-order ${asked} does not fit this file: line ${line} has a date that can only be ${asked === 'dmy' ? 'month/day' : 'day/month'}`,
        { line },
        { dateOrder: asked, line },
      );
    }
    return { order: asked, from: 'option' };
  }
  if (p.onlyDmy === 0 && p.onlyMdy === 0) return { order: 'dmy', from: 'assumed' };
  return { order: p.onlyMdy > p.onlyDmy ? 'mdy' : 'dmy', from: 'file' };
}

function toEvent(e: PendingEvent, key: number, seconds: boolean, names: PersonNames): ChatEvent {
  const actor = e.actorIsYou ? 'You' : e.actor === null ? null : names.person(e.actor, e.lang);
  const subject = e.subjectIsYou
    ? 'You'
    : e.subject === null
      ? null
      : e.subjectIsGroup
        ? e.subject
        : names.person(e.subject, e.lang);
  const out: ChatEvent = { type: e.type, at: localTime(key, seconds), actor, subject, line: e.line };
  if (e.new !== undefined) out.new = names.person(e.new, e.lang);
  return out;
}

function authorsOf(p: Pass, order: DateOrder, seconds: boolean, names: PersonNames): ChatAuthor[] {
  // Different printings of one person ("~ Ramesh", "Ramesh", a number with or without marks)
  // are one author.
  const merged = new Map<string, { firstLine: number; messages: number; min: number; max: number }>();
  for (const t of p.authors.values()) {
    const name = names.author(t.raw);
    const min = order === 'dmy' ? t.minD : t.minM;
    const max = order === 'dmy' ? t.maxD : t.maxM;
    const m = merged.get(name);
    if (!m) merged.set(name, { firstLine: t.firstLine, messages: t.messages, min, max });
    else {
      m.firstLine = Math.min(m.firstLine, t.firstLine);
      m.messages += t.messages;
      m.min = Math.min(m.min, min);
      m.max = Math.max(m.max, max);
    }
  }
  return [...merged.entries()]
    .sort((x, y) => x[1].firstLine - y[1].firstLine)
    .map(([name, m]) => ({
      name,
      messages: m.messages,
      firstAt: localTime(m.min, seconds),
      lastAt: localTime(m.max, seconds),
    }));
}

/**
 * Reads the text of a WhatsApp chat export. Throws AppError BAD_FILE when no line starts with a
 * WhatsApp timestamp, BAD_INPUT when `dateOrder` contradicts the file.
 */
export function readChatText(text: string, options: ReadOptions = {}): ChatExport {
  // U+FEFF turns up at the start of the file and of random lines (WhatsR's fixtures). Lone CRs
  // (old Macs) become LFs; CRLF stays and is handled line by line.
  let clean = text.includes('\ufeff') ? text.replace(/\ufeff/g, '') : text;
  if (clean.includes('\r') && /\r(?!\n)/.test(clean)) clean = clean.replace(/\r\n?/g, '\n');
  const shape = findShape(clean);
  if (!shape) {
    throw reasonError(
      'BAD_FILE',
      'chat_not_export',
      'not a WhatsApp chat export: no line starts with a WhatsApp date and time such as "29/01/18, 12:24 - " or "[29/01/18, 12:24:05] "',
    );
  }
  const names = new PersonNames(PHRASE_TABLES);
  let pass = readLines(clean, shape, options.dateOrder ?? null);
  const { order, from } = decideOrder(pass, options.dateOrder);
  // Dates of the other order were read as messages: read again with the order fixed.
  if (!options.dateOrder && (order === 'dmy' ? pass.onlyMdy : pass.onlyDmy) > 0) {
    pass = readLines(clean, shape, order);
  }
  const key = (e: PendingEvent) => (order === 'dmy' ? e.keyD : e.keyM);
  return {
    format: shape.format,
    dateOrder: order,
    dateOrderFrom: from,
    messages: pass.messages,
    events: pass.events.map((e) => toEvent(e, key(e), shape.seconds, names)),
    authors: authorsOf(pass, order, shape.seconds, names),
    languages: PHRASE_TABLES.map((t) => t.lang).filter((l) => pass.languages.has(l)),
    notices: pass.notices,
    lines: pass.lines,
  };
}
