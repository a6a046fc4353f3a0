// The chat-export reader, one test per variant of issue #9's list. Exports are written by the
// builders in export-builder.ts with the exact invisible characters named in each test.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import { readChatText } from '../../../electron/services/chat/read-export.js';
import type { ChatEvent } from '../../../electron/services/chat/types.js';
import {
  ANDROID,
  BOM,
  FSI,
  IOS,
  LRE,
  LRM,
  NBHY,
  NBSP,
  NNBSP,
  PDF,
  PDI,
  RLM,
  renderExport,
  stamp,
  type At,
  type Entry,
  type Style,
} from './export-builder.js';

const at = (d: number, mo: number, h = 9, mi = 30, s = 0, y = 2024): At => ({ y, mo, d, h, mi, s });
const msg = (a: At, author: string, text = 'Jai Hind'): Entry => ({ kind: 'message', at: a, author, text });
const sys = (a: At, text: string, author?: string): Entry => ({ kind: 'system', at: a, text, author });

/** Events without their line numbers, for comparisons. */
const ev = (events: ChatEvent[]) => events.map(({ line: _line, ...e }) => e);

function read(entries: Entry[], st: Style, opts: Parameters<typeof readChatText>[1] = {}) {
  return readChatText(renderExport(entries, st), opts);
}

describe('Android and iOS lines', () => {
  it('reads Android "dd/mm/yy, h:mm pm - Name: text" with U+202F before pm', () => {
    const text = `14/02/24, 9:05${NNBSP}pm - Ramesh Kumar: Jai Hind\n14/02/24, 9:06${NNBSP}pm - Sunita Devi: Namaste\n`;
    const r = readChatText(text);
    expect(r).toMatchObject({ format: 'android', dateOrder: 'dmy', dateOrderFrom: 'file', messages: 2 });
    expect(r.authors).toEqual([
      { name: 'Ramesh Kumar', messages: 1, firstAt: '2024-02-14T21:05', lastAt: '2024-02-14T21:05' },
      { name: 'Sunita Devi', messages: 1, firstAt: '2024-02-14T21:06', lastAt: '2024-02-14T21:06' },
    ]);
  });

  it('reads iOS "[dd/mm/yy, h:mm:ss PM] Name: text" with seconds', () => {
    const text = `[14/02/24, 9:05:17${NNBSP}PM] Ramesh Kumar: Jai Hind\r\n`;
    const r = readChatText(text);
    expect(r).toMatchObject({ format: 'ios', messages: 1 });
    expect(r.authors[0]).toMatchObject({ name: 'Ramesh Kumar', firstAt: '2024-02-14T21:05:17' });
  });

  it.each([
    ['Android 24 h', { ...ANDROID, clock: 24 } as Style, '2024-02-14T21:05'],
    ['iOS 24 h', { ...IOS, clock: 24 } as Style, '2024-02-14T21:05:00'],
    ['Android 12 h', ANDROID, '2024-02-14T21:05'],
    ['iOS 12 h', IOS, '2024-02-14T21:05:00'],
  ])('%s', (_name, st, expected) => {
    const r = read([msg(at(14, 2, 21, 5), 'Ramesh')], st);
    expect(r.authors[0]!.firstAt).toBe(expected);
  });

  it.each(['/', '.', '-'] as const)('date separator %j', (sep) => {
    for (const st of [ANDROID, IOS]) {
      const r = read([msg(at(25, 12), 'A'), msg(at(1, 1, 10, 0, 0, 2025), 'B')], { ...st, dateSep: sep });
      expect(r.messages).toBe(2);
      expect(r.authors.map((a) => a.firstAt.slice(0, 10))).toEqual(['2024-12-25', '2025-01-01']);
    }
  });

  it.each([2, 4] as const)('%i-digit years', (year) => {
    const r = read([msg(at(25, 12, 9, 30, 0, 2023), 'A')], { ...ANDROID, year });
    expect(r.authors[0]!.firstAt).toBe('2023-12-25T09:30');
  });

  it.each([
    ['am/pm', 'am' as const],
    ['AM/PM', 'AM' as const],
    ['a. m./p. m.', 'a. m.' as const],
  ])('%s, with 12 AM as 00:xx and 12 PM as 12:xx', (_n, ampm) => {
    for (const space of [' ', NNBSP, NBSP]) {
      const st = { ...ANDROID, ampm, ampmSpace: space };
      const r = read(
        [msg(at(13, 1, 0, 15), 'Night'), msg(at(13, 1, 12, 45), 'Noon'), msg(at(13, 1, 23, 59), 'Late')],
        st,
      );
      expect(r.authors.map((a) => a.firstAt)).toEqual(['2024-01-13T00:15', '2024-01-13T12:45', '2024-01-13T23:59']);
    }
  });

  it('reads "00:08 a. m." (seen in real exports) as 00:08', () => {
    const r = readChatText(`06/20/2020, 00:08 a. m. - A: x\n`);
    expect(r.authors[0]!.firstAt).toBe('2020-06-20T00:08');
  });

  it('reads Devanagari am/pm words (पूर्वाह्न/अपराह्न)', () => {
    const r = readChatText(`14/02/24, 9:05 अपराह्न - राम: नमस्ते\n14/02/24, 9:05 पूर्वाह्न - राम: सुप्रभात\n`);
    expect(r.authors[0]).toMatchObject({ name: 'राम', firstAt: '2024-02-14T09:05', lastAt: '2024-02-14T21:05' });
  });
});

describe('day/month order', () => {
  it('is decided by the whole file: one day above 12 anywhere settles dd/mm', () => {
    const entries = [msg(at(1, 2), 'A'), msg(at(5, 3), 'B'), msg(at(12, 11), 'C'), msg(at(28, 11), 'D')];
    const r = read(entries, ANDROID);
    expect(r).toMatchObject({ dateOrder: 'dmy', dateOrderFrom: 'file' });
    expect(r.authors[0]!.firstAt).toBe('2024-02-01T09:30');
  });

  it('and one second number above 12 settles mm/dd', () => {
    const entries = [msg(at(1, 2), 'A'), msg(at(5, 3), 'B'), msg(at(28, 11), 'D')];
    const r = read(entries, { ...ANDROID, order: 'mdy' });
    expect(r).toMatchObject({ dateOrder: 'mdy', dateOrderFrom: 'file' });
    expect(r.authors.map((a) => a.firstAt.slice(0, 10))).toEqual(['2024-02-01', '2024-03-05', '2024-11-28']);
  });

  it('is assumed dd/mm when nothing in the file tells, and --date-order overrides it', () => {
    const entries = [msg(at(1, 2), 'A'), msg(at(5, 3), 'B')];
    const assumed = read(entries, ANDROID);
    expect(assumed).toMatchObject({ dateOrder: 'dmy', dateOrderFrom: 'assumed' });
    expect(assumed.authors[0]!.firstAt).toBe('2024-02-01T09:30');
    const asked = read(entries, ANDROID, { dateOrder: 'mdy' });
    expect(asked).toMatchObject({ dateOrder: 'mdy', dateOrderFrom: 'option' });
    expect(asked.authors[0]!.firstAt).toBe('2024-01-02T09:30');
  });

  it('refuses an override the file contradicts (BAD_INPUT, with the line)', () => {
    const entries = [msg(at(1, 2), 'A'), msg(at(25, 3), 'B')];
    expect(() => read(entries, ANDROID, { dateOrder: 'mdy' })).toThrow(/line 2 has a date that can only be day\/month/);
    try {
      read(entries, ANDROID, { dateOrder: 'mdy' });
    } catch (err) {
      expect((err as AppError).code).toBe('BAD_INPUT');
    }
  });

  it('follows the majority when a pasted line disagrees; that line continues the message before it', () => {
    const lines = [
      `25/03/24, 9:00${NNBSP}am - A: first`,
      `26/03/24, 9:00${NNBSP}am - B: I paste an old message:`,
      `03/27/24, 9:00${NNBSP}am - C: pasted (mm/dd, impossible as dd/mm)`,
      `28/03/24, 9:00${NNBSP}am - D: last`,
    ];
    const r = readChatText(lines.join('\n'));
    expect(r).toMatchObject({ dateOrder: 'dmy', messages: 3 });
    expect(r.authors.map((a) => a.name)).toEqual(['A', 'B', 'D']);
  });
});

describe('invisible characters and line ends', () => {
  it('U+202F and U+00A0 spaces in timestamps and names', () => {
    const text = `14/02/24,${NBSP}9:05${NNBSP}pm${NBSP}-${NBSP}SI${NBSP}Anil${NNBSP}Singh: ok\n`;
    const r = readChatText(text);
    expect(r.authors[0]).toMatchObject({ name: 'SI Anil Singh', firstAt: '2024-02-14T21:05' });
  });

  it('U+200E/U+200F marks, also doubled, also before "["', () => {
    const s = stamp(at(14, 2, 21, 5, 9), IOS);
    const text = [
      `${LRM}[${s}] Group: ${LRM}Ramesh added Suresh`,
      `${LRM}${LRM}[${s}] Group: ${LRM}${LRM}Sunita left`,
      `${RLM}[${s}] ${LRM}Mohan: ${LRM}${LRM}image omitted`,
      `[${s}] Mohan: ${RLM}hello`,
    ].join('\n');
    const r = readChatText(text);
    expect(ev(r.events)).toEqual([
      { type: 'added', at: '2024-02-14T21:05:09', actor: 'Ramesh', subject: 'Suresh' },
      { type: 'left', at: '2024-02-14T21:05:09', actor: null, subject: 'Sunita' },
    ]);
    expect(r.authors).toEqual([
      { name: 'Mohan', messages: 2, firstAt: '2024-02-14T21:05:09', lastAt: '2024-02-14T21:05:09' },
    ]);
  });

  it('U+202A…U+202C around numbers and U+2068/U+2069 around names', () => {
    const s = stamp(at(14, 2), ANDROID);
    const text = [
      `${s} - ${LRE}+91 98350 12345${PDF} added ${FSI}Ram and Shyam Traders${PDI}, ${FSI}Sita${PDI} and ${LRE}+91 98350 12346${PDF}`,
      `${s} - ${LRE}+91 98350 12345${PDF}: ${LRE}hello${PDF}`,
    ].join('\n');
    const r = readChatText(text);
    expect(ev(r.events).map((e) => [e.actor, e.subject])).toEqual([
      ['+919835012345', 'Ram and Shyam Traders'],
      ['+919835012345', 'Sita'],
      ['+919835012345', '+919835012346'],
    ]);
    expect(r.authors[0]!.name).toBe('+919835012345');
  });

  it('U+FEFF anywhere: at the start of the file, of lines, and inside names', () => {
    const s = stamp(at(29, 1), ANDROID);
    const text = `${BOM}${s} - You created group "Kotwali"\n${BOM}${s} - Ra${BOM}mesh: hi\n${s} - ${BOM}You added Suresh\n`;
    const r = readChatText(text);
    expect(ev(r.events).map((e) => e.type)).toEqual(['created', 'added']);
    expect(r.authors.map((a) => a.name)).toEqual(['Ramesh']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const)('%s line ends, with multi-line messages', (_n, newline) => {
    const entries = [
      msg(at(14, 2), 'A', 'first line\nsecond line\nthird'),
      sys(at(14, 2, 10), 'A added B'),
      msg(at(14, 2, 11), 'B', 'thanks'),
    ];
    const r = read(entries, { ...ANDROID, newline });
    expect(r.messages).toBe(2);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.line).toBe(4);
    expect(r.lines).toBe(6); // five lines and the empty one after the final line end
  });

  it('continuation lines that look like dates stay in their message', () => {
    const s = stamp(at(14, 2), ANDROID);
    const text = [
      `${s} - A: Meeting schedule:`,
      `15/02/24 — thana level`,
      `16/02/2024, 10:00 - district level`, // 4-digit year: not this file's shape
      `16/02/24 10:00 - no comma`,
      `[16/02/24, 10:00:00] an iOS-looking line`,
      `16/02/24, 10:00 - a 24-hour time in a 12-hour file: not a timestamp here`,
      `31/02/24, 10:00${NNBSP}am - Z: 31 February does not exist`,
      `16/02/24, 10:61${NNBSP}am - Z: nor does minute 61`,
      `${s} - B: ok`,
    ].join('\n');
    const r = readChatText(text);
    expect(r.messages).toBe(2);
    expect(r.authors.map((a) => a.name)).toEqual(['A', 'B']);
  });

  it('keeps out-of-order timestamps as printed; first/last are by time', () => {
    const entries = [
      msg(at(14, 2, 12, 26), 'A'),
      msg(at(14, 2, 12, 24), 'A'),
      sys(at(14, 2, 12, 20), 'You added A'),
      msg(at(14, 2, 12, 25), 'A'),
    ];
    const r = read(entries, { ...ANDROID, clock: 24 });
    expect(r.events[0]!.at).toBe('2024-02-14T12:20');
    expect(r.authors[0]).toMatchObject({ messages: 3, firstAt: '2024-02-14T12:24', lastAt: '2024-02-14T12:26' });
  });
});

describe('iOS system lines and names', () => {
  it('the author before a system line may be the group name, the actor or the person affected', () => {
    const g = 'Kotwali Jan Samvad';
    const entries = [
      sys(
        at(1, 3, 9, 0, 1),
        'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
        g,
      ),
      sys(at(1, 3, 9, 0, 2), `Ramesh created group “${g}”`, g),
      sys(at(1, 3, 9, 0, 3), 'Ramesh added Suresh', 'Ramesh'),
      sys(at(1, 3, 9, 0, 4), 'Sunita left', 'Sunita'),
      sys(at(1, 3, 9, 0, 5), 'Mohan joined using this group’s invite link', 'Mohan'),
      sys(at(1, 3, 9, 0, 6), 'Some notice WhatsApp will write next year', g),
      msg(at(1, 3, 9, 0, 7), 'Suresh', `${LRM}image omitted`),
    ];
    const r = read(entries, IOS);
    expect(ev(r.events)).toEqual([
      { type: 'created', at: '2024-03-01T09:00:02', actor: 'Ramesh', subject: g },
      { type: 'added', at: '2024-03-01T09:00:03', actor: 'Ramesh', subject: 'Suresh' },
      { type: 'left', at: '2024-03-01T09:00:04', actor: null, subject: 'Sunita' },
      { type: 'joined', at: '2024-03-01T09:00:05', actor: null, subject: 'Mohan' },
    ]);
    // The group's own unknown notice is no message; the mark-led placeholder is Suresh's.
    expect(r.messages).toBe(1);
    expect(r.authors.map((a) => a.name)).toEqual(['Suresh']);
    expect(r.notices).toEqual({ recognised: 1, unrecognised: 1, firstUnrecognisedLine: 6 });
  });

  it('"~" + U+202F marks a non-contact name; it is dropped once', () => {
    const entries = [
      sys(at(1, 3), `~${NNBSP}Priya joined using this group's invite link`),
      msg(at(1, 3, 10), `~${NNBSP}Priya`),
      msg(at(1, 3, 11), `~ ~Achieng 😊`),
    ];
    const r = read(entries, ANDROID);
    expect(r.events[0]!.subject).toBe('Priya');
    expect(r.authors.map((a) => a.name)).toEqual(['Priya', '~Achieng 😊']);
  });

  it('phone numbers with spaces, NBSP, hyphens and U+2011 become E.164; foreign ones keep their country', () => {
    const entries = [
      sys(at(1, 3, 9, 1), `+91 98350 12345 left`),
      sys(at(1, 3, 9, 2), `+91${NBSP}98350${NBSP}12346 left`),
      sys(at(1, 3, 9, 3), `+91 98350-12347 left`),
      sys(at(1, 3, 9, 4), `+91 98350${NBHY}12348 left`),
      sys(at(1, 3, 9, 5), `+44 7700 900123 left`),
      sys(at(1, 3, 9, 6), `+1 (415) 555${NBHY}0132 left`),
    ];
    const r = read(entries, ANDROID);
    expect(r.events.map((e) => e.subject)).toEqual([
      '+919835012345',
      '+919835012346',
      '+919835012347',
      '+919835012348',
      '+447700900123',
      '+14155550132',
    ]);
  });
});

describe('phrasings (English)', () => {
  const cases: [string, Omit<ChatEvent, 'at' | 'line'>[]][] = [
    ['Ramesh created group "Kotwali Thana"', [{ type: 'created', actor: 'Ramesh', subject: 'Kotwali Thana' }]],
    ['You created group “Kotwali Thana ”', [{ type: 'created', actor: 'You', subject: 'Kotwali Thana ' }]],
    ['Ramesh created this group', [{ type: 'created', actor: 'Ramesh', subject: null }]],
    ['Ramesh added Suresh', [{ type: 'added', actor: 'Ramesh', subject: 'Suresh' }]],
    [
      'Ramesh added Suresh, Mohan and Sita',
      [
        { type: 'added', actor: 'Ramesh', subject: 'Suresh' },
        { type: 'added', actor: 'Ramesh', subject: 'Mohan' },
        { type: 'added', actor: 'Ramesh', subject: 'Sita' },
      ],
    ],
    [
      'You added Suresh and Mohan. Tap to change who can add other participants.',
      [
        { type: 'added', actor: 'You', subject: 'Suresh' },
        { type: 'added', actor: 'You', subject: 'Mohan' },
      ],
    ],
    ['Suresh was added', [{ type: 'added', actor: null, subject: 'Suresh' }]],
    ['You were added', [{ type: 'added', actor: null, subject: 'You' }]],
    ['Ramesh added you', [{ type: 'added', actor: 'Ramesh', subject: 'You' }]],
    ["Mohan joined using this group's invite link", [{ type: 'joined', actor: null, subject: 'Mohan' }]],
    ['Mohan joined using your invite', [{ type: 'joined', actor: null, subject: 'Mohan' }]],
    ['Mohan joined from the community', [{ type: 'joined', actor: null, subject: 'Mohan' }]],
    ['Sunita left', [{ type: 'left', actor: null, subject: 'Sunita' }]],
    ['You left', [{ type: 'left', actor: null, subject: 'You' }]],
    ['Ramesh removed Sunita', [{ type: 'removed', actor: 'Ramesh', subject: 'Sunita' }]],
    ['Ramesh removed you', [{ type: 'removed', actor: 'Ramesh', subject: 'You' }]],
    [
      'Sunita changed their phone number to a new number. Tap to message or add the new number.',
      [{ type: 'number_changed', actor: null, subject: 'Sunita' }],
    ],
    [
      '+91 98350 12345 changed to +91 98350 54321',
      [{ type: 'number_changed', actor: null, subject: '+919835012345', new: '+919835054321' }],
    ],
    [
      'Ramesh changed the subject from "Old name" to "Kotwali: Jan Samvad"',
      [{ type: 'subject_changed', actor: 'Ramesh', subject: 'Kotwali: Jan Samvad' }],
    ],
    ['You changed the group name to "Kotwali 2"', [{ type: 'subject_changed', actor: 'You', subject: 'Kotwali 2' }]],
    ['You changed the group name from "A" to "B"', [{ type: 'subject_changed', actor: 'You', subject: 'B' }]],
  ];

  it.each(cases)('%s', (line, expected) => {
    for (const st of [ANDROID, IOS]) {
      const r = read([sys(at(14, 2), line)], st);
      expect(ev(r.events).map(({ at: _at, ...e }) => e)).toEqual(expected);
      expect(r.messages).toBe(0);
      expect(r.languages).toEqual(['en']);
    }
  });

  it('recognised notices are neither messages nor events', () => {
    const lines = [
      "Ramesh changed this group's icon",
      'Ramesh changed the group description',
      'You turned on disappearing messages. New messages will disappear from this chat 7 days after they are sent.',
      "Ramesh changed this group's settings to allow only admins to send messages to this group",
      'Ramesh started a video call',
      'Ramesh pinned a message',
      'You Added This Group to the Community: Patna Police',
      'Messages to this group are now secured with end-to-end encryption. Tap for more info.',
      "You're now an admin",
    ];
    const r = read(
      lines.map((l, i) => sys(at(14, 2, 9, i), l)),
      ANDROID,
    );
    expect(r).toMatchObject({ messages: 0, events: [], notices: { recognised: lines.length, unrecognised: 0 } });
  });

  it('an ordinary message that reads like a system line is never an event', () => {
    for (const st of [ANDROID, IOS]) {
      const r = read(
        [
          msg(at(1, 3), 'Ramesh', 'Suresh added Mohan to the list'),
          msg(at(1, 3), 'Ramesh', 'You were added'),
          msg(at(1, 3), 'Ramesh', 'Sunita left'),
          msg(at(1, 3), 'Ramesh', 'Ramesh created group "Fake"'),
        ],
        st,
      );
      expect(r).toMatchObject({ messages: 4, events: [] });
    }
  });

  it('"Name:" with nothing said is a message; an unknown WhatsApp line is counted apart', () => {
    const s = stamp(at(1, 3), ANDROID);
    const r = readChatText(`${s} - Carol:\n${s} - Ramesh did something WhatsApp invented\n`);
    expect(r).toMatchObject({ messages: 1, notices: { unrecognised: 1, firstUnrecognisedLine: 2 } });
    expect(r.authors[0]!.name).toBe('Carol');
  });
});

describe('other UI languages (tables, not code)', () => {
  it('German', () => {
    const lines = [
      'Du hast die Gruppe "Kotwali" erstellt.',
      'Du hast Mallory hinzugefügt.',
      'Alice hat Bob und Carol hinzugefügt.',
      'Alice hat dich hinzugefügt.',
      'Du hast Mallory entfernt.',
      'Bob hat die Gruppe verlassen.',
      'Du hast den Gruppennamen von "Kotwali" zu "Kotwali 2" geändert.',
      'Du hast das Gruppenbild geändert.',
    ];
    const r = read(
      lines.map((l, i) => sys(at(14, 2, 9, i), l)),
      { ...ANDROID, dateSep: '.', clock: 24 },
    );
    expect(ev(r.events).map((e) => [e.type, e.actor, e.subject])).toEqual([
      ['created', 'You', 'Kotwali'],
      ['added', 'You', 'Mallory'],
      ['added', 'Alice', 'Bob'],
      ['added', 'Alice', 'Carol'],
      ['added', 'Alice', 'You'],
      ['removed', 'You', 'Mallory'],
      ['left', null, 'Bob'],
      ['subject_changed', 'You', 'Kotwali 2'],
    ]);
    expect(r).toMatchObject({ languages: ['de'], notices: { recognised: 1 } });
  });

  it('Dutch', () => {
    const lines = [
      'Je hebt groep "Kotwali" aangemaakt',
      'Jan heeft Piet en Klaas toegevoegd',
      'Jan heeft je toegevoegd',
      'Piet heeft de groep verlaten',
      'Jan heeft Klaas verwijderd',
    ];
    const r = read(
      lines.map((l, i) => sys(at(14, 2, 9, i), l)),
      { ...ANDROID, dateSep: '-', clock: 24 },
    );
    expect(ev(r.events).map((e) => [e.type, e.actor, e.subject])).toEqual([
      ['created', 'You', 'Kotwali'],
      ['added', 'Jan', 'Piet'],
      ['added', 'Jan', 'Klaas'],
      ['added', 'Jan', 'You'],
      ['left', null, 'Piet'],
      ['removed', 'Jan', 'Klaas'],
    ]);
    expect(r.languages).toEqual(['nl']);
  });

  it('Hindi', () => {
    const lines = [
      'आपने ग्रुप "कोतवाली जन संवाद" बनाया',
      'रमेश ने सुरेश और मोहन को जोड़ा',
      'रमेश ने आपको जोड़ा',
      'सीता इस ग्रुप के आमंत्रण लिंक का उपयोग करके शामिल हुए',
      'सुनीता ने ग्रुप छोड़ दिया',
      'रमेश ने सुनीता को हटाया',
    ];
    const r = read(
      lines.map((l, i) => sys(at(14, 2, 9, i), l)),
      ANDROID,
    );
    expect(ev(r.events).map((e) => [e.type, e.actor, e.subject])).toEqual([
      ['created', 'You', 'कोतवाली जन संवाद'],
      ['added', 'रमेश', 'सुरेश'],
      ['added', 'रमेश', 'मोहन'],
      ['added', 'रमेश', 'You'],
      ['joined', null, 'सीता'],
      ['left', null, 'सुनीता'],
      ['removed', 'रमेश', 'सुनीता'],
    ]);
    expect(r.languages).toEqual(['hi']);
  });
});

describe('what the reader hands to reconciliation', () => {
  it('one author per person, however WhatsApp printed the name', () => {
    const entries = [
      msg(at(1, 3, 9), `~${NNBSP}Priya`),
      msg(at(2, 3, 9), `Priya`),
      msg(at(3, 3, 9), `${LRE}+91 98350 12345${PDF}`),
      msg(at(4, 3, 9), `+91${NBSP}98350${NBSP}12345`),
    ];
    const r = read(entries, ANDROID);
    expect(r.authors).toEqual([
      { name: 'Priya', messages: 2, firstAt: '2024-03-01T09:30', lastAt: '2024-03-02T09:30' },
      { name: '+919835012345', messages: 2, firstAt: '2024-03-03T09:30', lastAt: '2024-03-04T09:30' },
    ]);
  });

  it('each event carries the line it came from', () => {
    const r = read(
      [msg(at(1, 3), 'A'), sys(at(1, 3), 'A added B'), msg(at(1, 3), 'B', 'x\ny'), sys(at(1, 3), 'B left')],
      ANDROID,
    );
    expect(r.events.map((e) => e.line)).toEqual([2, 5]);
  });
});

describe('refusals', () => {
  it.each([
    ['empty text', ''],
    ['a CSV', 'name,phone\nRamesh,9835012345\n'],
    ['a date without a WhatsApp time', '14/02/24 Ramesh: hi\n'],
  ])('%s is BAD_FILE', (_n, text) => {
    let error: unknown;
    try {
      readChatText(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_FILE');
    expect((error as AppError).message).toMatch(/not a WhatsApp chat export/);
  });
});
