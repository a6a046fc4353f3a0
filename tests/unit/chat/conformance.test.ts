// The public conformance corpus of real export lines (other parsers' fixtures, with the events a
// correct reader must find): ../shared/conformance/whatsapp-exports next to the repository. It
// is read from there, never copied into the project. Phones are compared by their digits (the
// corpus writes them as printed, the reader in E.164).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChatText } from '../../../electron/services/chat/read-export.js';
import { ROOT } from '../../fixtures/cli.js';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'conformance', 'whatsapp-exports');
const present = existsSync(path.join(CORPUS, 'expected.json'));

interface Expected {
  date_order: 'dmy' | 'mdy';
  messages: number;
  events: { type: string; at: string; actor: string | null; subject: string | null; new?: string }[];
}

/** A phone number as its digits, anything else unchanged. */
const person = (v: string | null) =>
  v !== null && /^\+[\d\s\u00a0\u202f\-\u2011()]+$/.test(v) ? v.replace(/\D/g, '') : v;

describe(`conformance corpus at ${CORPUS}${present ? '' : ' — ABSENT, so this test is skipped'}`, () => {
  it.skipIf(!present)('every file reads as expected.json says (format from the file name)', () => {
    const expected = JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<string, Expected>;
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const file of files) {
      const want = expected[file]!;
      const got = readChatText(readFileSync(path.join(CORPUS, file), 'utf8'));
      const summary = (r: { format: string; dateOrder: string; messages: number }) => ({
        file,
        format: r.format,
        dateOrder: r.dateOrder,
        messages: r.messages,
      });
      expect(summary(got)).toEqual(
        summary({ format: file.split('-')[0]!, dateOrder: want.date_order, messages: want.messages }),
      );
      expect(
        got.events.map((e) => ({
          type: e.type,
          at: e.at,
          actor: person(e.actor),
          subject: person(e.subject),
          ...(e.new !== undefined && want.events.some((w) => w.new !== undefined) ? { new: person(e.new) } : {}),
        })),
        file,
      ).toEqual(
        want.events.map((e) => ({
          type: e.type,
          at: e.at,
          actor: person(e.actor),
          subject: person(e.subject),
          ...(e.new !== undefined ? { new: person(e.new) } : {}),
        })),
      );
    }
  });
});
