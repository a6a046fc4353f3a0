// Properties of the chat-export reader (fast-check): it never fails on arbitrary text other than
// by refusing it with a code, a message body is never an event whatever it says, and exports
// generated from random events in every line style read back as the same events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import { phraseTables } from '../../../electron/services/chat/events.js';
import type { EventWording, PhraseTable } from '../../../electron/services/chat/phrases/index.js';
import { readChatText } from '../../../electron/services/chat/read-export.js';
import type { ChatEvent } from '../../../electron/services/chat/types.js';
import {
  ANDROID,
  BOM,
  FSI,
  IOS,
  LRM,
  NBSP,
  NNBSP,
  PDI,
  RLM,
  iso,
  printedPhone,
  renderExport,
  stamp,
  type At,
  type Entry,
  type Style,
} from './export-builder.js';

// ---- Generators.

const atArb: fc.Arbitrary<At> = fc.record({
  y: fc.integer({ min: 2015, max: 2030 }),
  mo: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
  h: fc.integer({ min: 0, max: 23 }),
  mi: fc.integer({ min: 0, max: 59 }),
  s: fc.integer({ min: 0, max: 59 }),
});

const styleArb: fc.Arbitrary<Style> = fc
  .record({
    format: fc.constantFrom('android', 'ios'),
    order: fc.constantFrom('dmy', 'mdy'),
    dateSep: fc.constantFrom('/', '.', '-'),
    year: fc.constantFrom(2, 4),
    clock: fc.constantFrom(12, 24),
    ampm: fc.constantFrom('am', 'AM', 'a. m.'),
    ampmSpace: fc.constantFrom(' ', NNBSP, NBSP),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    marksBeforeBracket: fc.constantFrom('', LRM, LRM + LRM, RLM),
  })
  .map((s) => ({ ...(s.format === 'ios' ? IOS : ANDROID), ...s, seconds: s.format === 'ios' }) as Style);

/** People as WhatsApp prints them, with the name the reader must report. */
interface Person {
  printed: string;
  name: string;
}

const PEOPLE: Person[] = [
  { printed: 'Ramesh Kumar', name: 'Ramesh Kumar' },
  { printed: 'SI Anil Singh', name: 'SI Anil Singh' },
  { printed: 'राजेश यादव', name: 'राजेश यादव' },
  { printed: 'सुनीता', name: 'सुनीता' },
  { printed: `~${NNBSP}Priya Sharma`, name: 'Priya Sharma' },
  { printed: `Dr.${NBSP}Nisha Verma`, name: 'Dr. Nisha Verma' },
  { printed: 'Chowkidar Bhola 🙏', name: 'Chowkidar Bhola 🙏' },
  { printed: 'Md Imran', name: 'Md Imran' },
  ...[0, 1, 2, 3].map((v) => {
    const p = printedPhone(17 + v, v);
    return { printed: p.printed, name: p.e164 };
  }),
];

const personArb = fc.constantFrom(...PEOPLE);
const groupNameArb = fc
  .string({ minLength: 0, maxLength: 30 })
  .filter(
    (s) =>
      !/["\u201c\u201d\u201e\n\r\u2028\u2029\u0085]/.test(s) &&
      !/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s),
  );

interface Rendered {
  text: string;
  events: Omit<ChatEvent, 'at' | 'line'>[];
}

/** One wording of a table filled with generated people, names and numbers, and the events it means. */
function fill(
  t: PhraseTable,
  w: EventWording,
  people: Person[],
  group: string,
  oldGroup: string,
  phones: [number, number],
  isolate: boolean,
): Rendered {
  let actor: string | null = w.actor ?? null;
  let subjects: string[] = w.subject ? ['You'] : [];
  let newPhone: string | undefined;
  const wrap = (s: string) => (isolate ? `${FSI}${s}${PDI}` : s);
  const text = w.text.replace(/\{([^{}]*)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'actor':
        actor = people[0]!.name;
        return wrap(people[0]!.printed);
      case 'subject':
        subjects = [people[1]!.name];
        return wrap(people[1]!.printed);
      case 'subjects': {
        const list = people.slice(1);
        subjects = list.map((p) => p.name);
        const names = list.map((p) => wrap(p.printed));
        return names.length === 1
          ? names[0]!
          : `${names.slice(0, -1).join(', ')} ${t.listAnd[0]} ${names[names.length - 1]}`;
      }
      case 'group':
        subjects = [group];
        return `“${group}”`;
      case 'oldGroup':
        return `"${oldGroup}"`;
      case 'phone': {
        const p = printedPhone(phones[0], phones[0]);
        subjects = [p.e164];
        return p.printed;
      }
      case 'newPhone': {
        const p = printedPhone(phones[1], phones[1]);
        newPhone = p.e164;
        return p.printed;
      }
      case '…':
        return '';
      default:
        return slot.split('|')[0]!;
    }
  });
  const events = (subjects.length ? subjects : [null]).map((subject) => ({
    type: w.type,
    actor,
    subject,
    ...(newPhone !== undefined ? { new: newPhone } : {}),
  }));
  return { text, events };
}

const tables = phraseTables();
const wordingArb = fc
  .integer({ min: 0, max: tables.length - 1 })
  .chain((ti) => fc.record({ t: fc.constant(tables[ti]!), w: fc.constantFrom(...tables[ti]!.events) }));

const renderedArb: fc.Arbitrary<Rendered> = fc
  .record({
    tw: wordingArb,
    people: fc.uniqueArray(personArb, { minLength: 2, maxLength: 4, selector: (p) => p.name }),
    group: groupNameArb,
    oldGroup: groupNameArb,
    phones: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })),
    isolate: fc.boolean(),
  })
  .map(({ tw, people, group, oldGroup, phones, isolate }) =>
    fill(tw.t, tw.w, people, group, oldGroup, phones as [number, number], isolate),
  );

// ---- Properties.

function outcome(text: string): 'read' | 'refused' {
  try {
    const r = readChatText(text);
    expect(r.messages).toBeGreaterThanOrEqual(0);
    expect(r.events.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(e.at))).toBe(true);
    return 'read';
  } catch (err) {
    // Refusals are errors as data with a code; anything else is a bug.
    expect(err).toBeInstanceOf(AppError);
    expect(['BAD_FILE', 'BAD_INPUT']).toContain((err as AppError).code);
    return 'refused';
  }
}

describe('properties of the chat reader', () => {
  it('arbitrary text is read or refused with a code, never anything else, and the read finishes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void outcome(text)),
      {
        numRuns: 300,
      },
    );
  });

  it('arbitrary lines after real timestamps are read, whatever they hold', () => {
    const pieces = fc.constantFrom(
      ': ',
      '"',
      '“',
      ' added ',
      ' left',
      ' changed the subject from "',
      '" to "',
      ', ',
      ' and ',
      LRM,
      RLM,
      FSI,
      PDI,
      BOM,
      NNBSP,
      '\r',
      '\n',
      '~ ',
      '+91 ',
      '12/12/24, ',
    );
    const bodyArb = fc
      .array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 40 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(styleArb, fc.array(fc.tuple(atArb, bodyArb), { minLength: 1, maxLength: 12 }), (st, lines) => {
        const text = lines
          .map(([a, body]) => (st.format === 'ios' ? `[${stamp(a, st)}] ${body}` : `${stamp(a, st)} - ${body}`))
          .join(st.newline);
        outcome(text);
      }),
      { numRuns: 300 },
    );
  });

  it('long crafted WhatsApp-looking lines finish (no runaway backtracking), named or not', () => {
    const s = stamp({ y: 2024, mo: 1, d: 13, h: 9, mi: 0 }, ANDROID);
    const units = [
      ' changed the subject from "',
      '" to "',
      ' added ',
      ', ',
      ' and ',
      ' ने ',
      ' को ',
      ' hat ',
      ' heeft ',
    ];
    for (const unit of units) {
      // Just under the length where the reader stops trying wordings, and far over it.
      for (const length of [990, 20_000]) {
        const body = 'Ramesh' + unit.repeat(Math.floor((length - 6) / unit.length));
        const r = readChatText(`${s} - ${body}\n${s} - Ramesh: ${body}\n${s} - ${body}"\n`);
        expect(r.messages).toBe(1);
      }
    }
  });

  it('a message body made of any system phrase after "Name: " is never an event', () => {
    const authorArb = fc.oneof(
      personArb.map((p) => p.printed),
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter(
          (s) => !/[:"\u201c\u201d\u201e\n\r\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s) && s.trim() !== '',
        ),
    );
    fc.assert(
      fc.property(styleArb, atArb, authorArb, renderedArb, (st, a, author, r) => {
        fc.pre(!r.text.includes('\n') && !/^[\u200e\u200f]/.test(r.text));
        const entries: Entry[] = [{ kind: 'message', at: a, author, text: r.text }];
        const read = readChatText(renderExport(entries, st));
        expect(read.events).toEqual([]);
        expect(read.messages).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  it('generated exports read back as the events they were generated from', () => {
    const entryArb = fc.record({
      at: atArb,
      rendered: renderedArb,
      iosAuthor: fc.constantFrom('none', 'group', 'actor'),
      chatter: fc.option(
        fc.tuple(
          personArb,
          fc.constantFrom('Jai Hind', 'ok\nsecond line', `${LRM}image omitted`, 'Suresh added Mohan'),
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(styleArb, fc.array(entryArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (st, items, bom) => {
        const entries: Entry[] = [];
        const expected: Omit<ChatEvent, 'line'>[] = [];
        let messages = 0;
        for (const it of items) {
          const author =
            st.format === 'ios' && it.iosAuthor !== 'none'
              ? it.iosAuthor === 'group'
                ? 'Kotwali Jan Samvad'
                : PEOPLE[0]!.printed
              : undefined;
          entries.push({ kind: 'system', at: it.at, text: it.rendered.text, author });
          for (const e of it.rendered.events) expected.push({ ...e, at: iso(it.at, st) });
          if (it.chatter) {
            entries.push({ kind: 'message', at: it.at, author: it.chatter[0].printed, text: it.chatter[1] });
            messages++;
          }
        }
        // A line with a day above 12 in each order's place makes the order certain.
        const anchor: At = { y: 2024, mo: 12, d: 25, h: 10, mi: 0, s: 0 };
        entries.push({ kind: 'message', at: anchor, author: 'Anchor', text: 'ok' });
        messages++;
        const r = readChatText(renderExport(entries, st, { bom }));
        expect(r.dateOrder).toBe(st.order);
        expect(r.events.map(({ line: _l, ...e }) => e)).toEqual(expected);
        expect(r.messages).toBe(messages);
      }),
      { numRuns: 300 },
    );
  });
});
