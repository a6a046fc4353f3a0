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
import { AppError } from '../../backend/errors.js';
import { readSystemLine, type RawEvent } from './events.js';
import { cleanName, PersonNames } from './names.js';
import { PHRASE_TABLES } from './phrases/index.js';
import { headerRegex, headerShape, hour24, isDate, localTime, timeKey, type HeaderShape } from './timestamps.js';
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
  /** Lines whose date exists only as dd/mm, only as mm/dd (first line of each for messages). */
  onlyDmy: number;
  onlyMdy: number;
  firstOnlyDmy: number;
  firstOnlyMdy: number;
}

const NO_TIME = Number.NaN;

/** True when the text before a ": " opens a quote it does not close. */
function insideQuotes(text: string, end: number): boolean {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e) n++;
  }
  return n % 2 === 1;
}

const isMark = (c: number) =>
  c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** A line can start a message only with a digit, "[" or a bidi mark: a cheap pre-check. */
const mayStartMessage = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x5b || isMark(c);

function readLines(lines: string[], shape: HeaderShape, order: DateOrder | null): Pass {
  const re = headerRegex(shape);
  const ios = shape.format === 'ios';
  const fourDigitYear = shape.yearDigits === 4;
  const pass: Pass = {
    messages: 0,
    authors: new Map(),
    events: [],
    languages: new Set(),
    notices: { recognised: 0, unrecognised: 0, firstUnrecognisedLine: null },
    onlyDmy: 0,
    onlyMdy: 0,
    firstOnlyDmy: 0,
    firstOnlyMdy: 0,
  };
  // iOS puts the group's name before WhatsApp's own lines; a mark-led line from that "author"
  // that no wording matches is a notice, not a message.
  const groupNames = new Set<string>();

  const countMessage = (raw: string, line: number, keyD: number, keyM: number) => {
    pass.messages++;
    let t = pass.authors.get(raw);
    if (t === undefined) {
      t = { raw, firstLine: line, messages: 0, minD: keyD, maxD: keyD, minM: keyM, maxM: keyM };
      pass.authors.set(raw, t);
    } else {
      if (keyD < t.minD) t.minD = keyD;
      if (keyD > t.maxD) t.maxD = keyD;
      if (keyM < t.minM) t.minM = keyM;
      if (keyM > t.maxM) t.maxM = keyM;
    }
    t.messages++;
  };

  const unrecognised = (line: number) => {
    pass.notices.unrecognised++;
    pass.notices.firstUnrecognisedLine ??= line;
  };

  /** Reads a system line; returns false when no wording matched. */
  const system = (text: string, line: number, keyD: number, keyM: number, author: string | null): boolean => {
    const r = readSystemLine(text);
    if (r.kind === 'unknown') return false;
    pass.languages.add(r.lang);
    if (r.kind === 'notice') {
      pass.notices.recognised++;
      if (r.chat && author !== null) groupNames.add(cleanName(author));
      return true;
    }
    for (const g of r.groupNames) groupNames.add(cleanName(g));
    for (const e of r.events) pass.events.push({ ...e, lang: r.lang, line, keyD, keyM });
    return true;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length < 10 || !mayStartMessage(line.charCodeAt(0))) continue;
    const m = re.exec(line);
    if (m === null) continue;

    // ---- The timestamp: which dates and times exist.
    const a = +m[2]!;
    const b = +m[3]!;
    const y = fourDigitYear ? +m[4]! : 2000 + +m[4]!;
    const h = hour24(+m[5]!, m[8]!);
    const mi = +m[6]!;
    const s = m[7] === '' ? 0 : +m[7]!;
    if (h < 0 || mi > 59 || s > 59) continue;
    const dmy = isDate(y, b, a);
    const mdy = isDate(y, a, b);
    if (!dmy && !mdy) continue;
    if (dmy && !mdy) {
      if (pass.onlyDmy++ === 0) pass.firstOnlyDmy = i + 1;
    } else if (mdy && !dmy) {
      if (pass.onlyMdy++ === 0) pass.firstOnlyMdy = i + 1;
    }
    if (order === 'dmy' ? !dmy : order === 'mdy' ? !mdy : false) continue;
    const keyD = dmy ? timeKey(y, b, a, h, mi, s) : NO_TIME;
    const keyM = mdy ? timeKey(y, a, b, h, mi, s) : NO_TIME;

    // ---- The text after it.
    const body = line.slice(m[0].length);
    const colon = body.indexOf(': ');
    if (colon <= 0 || insideQuotes(body, colon)) {
      if (!system(body, i + 1, keyD, keyM, null)) {
        // "Carol:" — a name with an empty message.
        if (colon < 0 && body.length > 1 && body.endsWith(':')) countMessage(body.slice(0, -1), i + 1, keyD, keyM);
        else unrecognised(i + 1);
      }
      continue;
    }
    const author = body.slice(0, colon);
    if (ios && (m[1] !== '' || isMark(body.charCodeAt(colon + 2)))) {
      if (system(body.slice(colon + 2), i + 1, keyD, keyM, author)) continue;
      if (groupNames.size > 0 && groupNames.has(cleanName(author))) {
        unrecognised(i + 1);
        continue;
      }
    }
    countMessage(author, i + 1, keyD, keyM);
  }
  return pass;
}

/** The first line that starts with a WhatsApp timestamp decides the file's shape. */
function findShape(lines: string[]): HeaderShape | null {
  for (const line of lines) {
    if (line.length < 10 || !mayStartMessage(line.charCodeAt(0))) continue;
    const s = headerShape(line);
    if (s) return s;
  }
  return null;
}

function decideOrder(p: Pass, asked: DateOrder | undefined): { order: DateOrder; from: DateOrderSource } {
  if (asked) {
    const against = asked === 'dmy' ? p.onlyMdy : p.onlyDmy;
    const forIt = asked === 'dmy' ? p.onlyDmy : p.onlyMdy;
    if (against > 0 && forIt === 0) {
      const line = asked === 'dmy' ? p.firstOnlyMdy : p.firstOnlyDmy;
      throw new AppError(
        'BAD_INPUT',
        `--date-order ${asked} does not fit this file: line ${line} has a date that can only be ${asked === 'dmy' ? 'month/day' : 'day/month'}`,
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
  // U+FEFF turns up at the start of the file and of random lines (WhatsR's fixtures).
  const clean = text.includes('\ufeff') ? text.replace(/\ufeff/g, '') : text;
  const lines = clean.split(/\r\n|\r|\n/);
  const shape = findShape(lines);
  if (!shape) {
    throw new AppError(
      'BAD_FILE',
      'not a WhatsApp chat export: no line starts with a WhatsApp date and time such as "29/01/18, 12:24 - " or "[29/01/18, 12:24:05] "',
    );
  }
  const names = new PersonNames(PHRASE_TABLES);
  let pass = readLines(lines, shape, options.dateOrder ?? null);
  const { order, from } = decideOrder(pass, options.dateOrder);
  // Dates of the other order were read as messages: read again with the order fixed.
  if (!options.dateOrder && (order === 'dmy' ? pass.onlyMdy : pass.onlyDmy) > 0) {
    pass = readLines(lines, shape, order);
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
    lines: lines.length,
  };
}
