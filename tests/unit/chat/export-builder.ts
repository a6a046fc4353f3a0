// Builders for WhatsApp chat exports, written line by line with the exact invisible characters
// real phones put in them (U+202F before am/pm, U+200E before iOS system lines, U+2068/U+2069
// around names, U+202A…U+202C around numbers, U+FEFF, CRLF …), so tests say which variant they
// exercise instead of pasting opaque blobs. Also used by the benchmark (tests/bench/chat.ts).

export const LRM = '\u200e';
export const RLM = '\u200f';
export const NNBSP = '\u202f';
export const NBSP = '\u00a0';
export const BOM = '\ufeff';
export const FSI = '\u2068';
export const PDI = '\u2069';
export const LRE = '\u202a';
export const PDF = '\u202c';
export const NBHY = '\u2011';

export interface At {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s?: number;
}

export interface Style {
  format: 'android' | 'ios';
  order: 'dmy' | 'mdy';
  dateSep: '/' | '.' | '-';
  year: 2 | 4;
  clock: 12 | 24;
  /** How 12-hour clocks write am/pm: "am" → am/pm, "AM" → AM/PM, "a. m." → a. m./p. m. */
  ampm: 'am' | 'AM' | 'a. m.';
  /** The space before am/pm (newer phones: U+202F). */
  ampmSpace: string;
  /** iOS: seconds in the time (always, on iOS). Android: never. */
  seconds: boolean;
  newline: '\n' | '\r\n' | '\r';
  /** Bidi marks before "[" on iOS system lines (real exports: one U+200E). */
  marksBeforeBracket: string;
}

export const ANDROID: Style = {
  format: 'android',
  order: 'dmy',
  dateSep: '/',
  year: 2,
  clock: 12,
  ampm: 'am',
  ampmSpace: NNBSP,
  seconds: false,
  newline: '\n',
  marksBeforeBracket: '',
};

export const IOS: Style = {
  format: 'ios',
  order: 'dmy',
  dateSep: '/',
  year: 2,
  clock: 12,
  ampm: 'AM',
  ampmSpace: NNBSP,
  seconds: true,
  newline: '\n',
  marksBeforeBracket: LRM,
};

const two = (n: number) => String(n).padStart(2, '0');

/** The timestamp as the phone prints it (without the " - " or "] " after it). */
export function stamp(at: At, st: Style): string {
  const [first, second] = st.order === 'dmy' ? [at.d, at.mo] : [at.mo, at.d];
  const year = st.year === 2 ? two(at.y % 100) : String(at.y);
  const date = `${two(first)}${st.dateSep}${two(second)}${st.dateSep}${year}`;
  let time: string;
  if (st.clock === 24) {
    time = `${two(at.h)}:${two(at.mi)}${st.seconds ? `:${two(at.s ?? 0)}` : ''}`;
  } else {
    const pm = at.h >= 12;
    const h12 = at.h % 12 === 0 ? 12 : at.h % 12;
    const word = st.ampm === 'am' ? (pm ? 'pm' : 'am') : st.ampm === 'AM' ? (pm ? 'PM' : 'AM') : pm ? 'p. m.' : 'a. m.';
    time = `${h12}:${two(at.mi)}${st.seconds ? `:${two(at.s ?? 0)}` : ''}${st.ampmSpace}${word}`;
  }
  return `${date}, ${time}`;
}

/** What the reader reports for that timestamp. */
export function iso(at: At, st: Pick<Style, 'seconds'>): string {
  return `${String(at.y).padStart(4, '0')}-${two(at.mo)}-${two(at.d)}T${two(at.h)}:${two(at.mi)}${st.seconds ? `:${two(at.s ?? 0)}` : ''}`;
}

export type Entry =
  | { kind: 'message'; at: At; author: string; text: string }
  /** A WhatsApp line. iOS puts an author before it (the group's name, the actor or the person). */
  | { kind: 'system'; at: At; text: string; author?: string };

/** One entry as lines of text (a message's text may hold newlines). */
export function renderEntry(e: Entry, st: Style): string {
  const t = stamp(e.at, st);
  if (st.format === 'android') {
    return e.kind === 'message' ? `${t} - ${e.author}: ${e.text}` : `${t} - ${e.text}`;
  }
  if (e.kind === 'message') return `[${t}] ${e.author}: ${e.text}`;
  return e.author === undefined
    ? `${st.marksBeforeBracket}[${t}] ${e.text}`
    : `${st.marksBeforeBracket}[${t}] ${e.author}: ${LRM}${e.text}`;
}

export function renderExport(
  entries: Entry[],
  st: Style,
  opts: { bom?: boolean; finalNewline?: boolean } = {},
): string {
  const body = entries
    .map((e) => renderEntry(e, st))
    .join('\n')
    .replace(/\n/g, st.newline);
  return (opts.bom ? BOM : '') + body + (opts.finalNewline === false ? '' : st.newline);
}

/** A small deterministic random generator (mulberry32), so builders and benches repeat. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PEOPLE = [
  'Ramesh Kumar',
  'Sunita Devi',
  'SI Anil Singh',
  'राजेश यादव',
  'सुनीता कुमारी',
  'Md. Imran',
  'Priya Sharma',
  'ASI Kamlesh Paswan',
  'Chowkidar Bhola',
  'Dr. Nisha Verma',
  'Mukhiya Jitendra',
  'Ajay Kumar Mandal',
];

/** A valid Indian mobile number as WhatsApp prints it ("+91 98350 12345", NBSP/U+2011 variants). */
export function printedPhone(i: number, variant = i % 4): { printed: string; e164: string } {
  const n = String(9835000000 + ((i * 7919) % 999999));
  const a = n.slice(0, 5);
  const b = n.slice(5);
  const printed = [`+91 ${a} ${b}`, `+91${NBSP}${a}${NBSP}${b}`, `+91 ${a}${NBHY}${b}`, `${LRE}+91 ${a} ${b}${PDF}`][
    variant % 4
  ]!;
  return { printed, e164: `+91${n}` };
}

/**
 * A realistic export of `count` messages: a group's life with joins, adds, leaves and renames
 * among ordinary messages, multi-line messages, media placeholders, marks, non-contact names and
 * phone-number authors. Returns the text and how many messages and events it holds.
 */
export function realisticExport(
  count: number,
  st: Style,
  seed = 9,
): { text: string; messages: number; events: number; authors: number } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const members: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = i % 10;
    if (r < 6) members.push(`${pick(PEOPLE)} ${i}`);
    else if (r < 8) members.push(printedPhone(i).printed);
    else members.push(`~${NNBSP}${pick(PEOPLE)} ${i}`);
  }
  const texts = [
    'Jai Hind sir',
    'आज थाना में बैठक है, सभी सदस्य 11 बजे तक पहुँचें।',
    'Please share the FIR copy',
    `${LRM}image omitted`,
    '<Media omitted>',
    'Road accident near NH-31, ambulance called 🚑',
    `${LRM}Location: https://maps.google.com/?q=25.5941,85.1376`,
    'ok',
    'Suresh added Mohan to the duty list', // looks like a system line; it is a message
    'Noted. Will inform the chowkidar of the village.',
  ];
  const entries: Entry[] = [];
  let messages = 0;
  let events = 0;
  const t = { y: 2024, mo: 1, d: 1, h: 8, mi: 0, s: 0 };
  const tick = () => {
    t.s += 7 + Math.floor(rnd() * 50);
    if (t.s >= 60) {
      t.mi += Math.floor(t.s / 60);
      t.s %= 60;
    }
    if (t.mi >= 60) {
      t.h += Math.floor(t.mi / 60);
      t.mi %= 60;
    }
    if (t.h >= 22) {
      t.h = 8;
      t.d += 1;
      if (t.d > 28) {
        t.d = 1;
        t.mo += 1;
      }
      if (t.mo > 12) {
        t.mo = 1;
        t.y += 1;
      }
    }
    return { ...t };
  };
  const group = 'Kotwali Thana Jan Samvad';
  entries.push({
    kind: 'system',
    at: tick(),
    author: group,
    text: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  });
  entries.push({ kind: 'system', at: tick(), author: group, text: `You created group “${group}”` });
  events++;
  while (messages < count) {
    const r = rnd();
    const at = tick();
    if (r < 0.012) {
      const who = pick(members);
      const kind = Math.floor(rnd() * 4);
      const text =
        kind === 0
          ? `You added ${FSI}${who}${PDI}`
          : kind === 1
            ? `${who} joined using this group's invite link`
            : kind === 2
              ? `${who} left`
              : `You removed ${who}`;
      entries.push({ kind: 'system', at, author: st.format === 'ios' ? group : undefined, text } as Entry);
      events++;
    } else if (r < 0.015) {
      entries.push({
        kind: 'system',
        at,
        author: st.format === 'ios' ? group : undefined,
        text: "You changed this group's icon",
      } as Entry);
    } else {
      const author = pick(members);
      let text = pick(texts);
      if (rnd() < 0.1)
        text += `\nline two of the message\n${stamp(at, { ...st, order: 'dmy' }).slice(0, 8)} is the date we meet`;
      entries.push({ kind: 'message', at, author, text });
      messages++;
    }
  }
  return { text: renderExport(entries, st), messages, events, authors: members.length };
}
