// Fuzzing the readers a hostile file reaches (issue #10): the workbook reader, the CSV reader,
// phone normalisation and the bundle's zip reader, on random and mutated inputs. Each one either
// reads the input or refuses it with its own error and a reason — no other exception, no hang
// (the suite's timeout would catch one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import type { Cell } from '../../../electron/contract/values/cells.js';
import { normalisePhoneCell, normalisePhoneText } from '../../../electron/contract/values/phone.js';
import { readZipDefensively } from '../../../electron/services/bundle/zip-read.js';
import { csvSheet } from '../../../electron/services/register-io/source.js';
import { readXlsx, XlsxError } from '../../../electron/services/register-io/xlsx-read.js';
import { craftZip } from '../bundle/zip-craft.js';
import { simple, tamper } from './xlsx-craft.js';

/** Flips `count` bytes of `buf` at positions chosen by fast-check. */
const mutate = (buf: Buffer) =>
  fc
    .array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 })
    .map((edits) => {
      const copy = Buffer.from(buf);
      for (const e of edits) copy[e.at % copy.length] = e.value;
      return copy;
    });

async function xlsxOutcome(buf: Buffer): Promise<'read' | string> {
  try {
    const r = await readXlsx(buf);
    for (const s of r.sheets) expect(s.rows.length).toBe(s.rowNumbers.length);
    for (const s of r.skipped) expect(s.reason.length).toBeGreaterThan(0);
    return 'read';
  } catch (err) {
    if (!(err instanceof XlsxError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return err.message;
  }
}

describe('workbook reader', () => {
  it('random bytes, and a valid workbook with bytes changed: read or refused with a reason', async () => {
    const valid = await simple();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
          mutate(valid),
        ),
        async (buf) => {
          await xlsxOutcome(buf);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random XML in the worksheet and the shared strings: read or refused with a reason', async () => {
    const xmlish = fc
      .array(
        fc.constantFrom(
          '<row r="2">',
          '</row>',
          '<c r="B2" t="s">',
          '<c t="inlineStr"><is><t>',
          '</t></is>',
          '<c r="XFD9">',
          '<c r="A1048577">',
          '<v>',
          '</v>',
          '</c>',
          '<f>SUM(A1)</f>',
          '&amp;',
          '&#x0;',
          '&#99999999;',
          '<![CDATA[',
          ']]>',
          '<!--',
          '-->',
          '<!DOCTYPE x>',
          '9835012345',
          '-1',
          '1e309',
          'राम',
          '<',
          '>',
          '"',
        ),
        { maxLength: 30 },
      )
      .map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(xmlish, xmlish, async (inSheet, inStrings) => {
        const buf = await tamper(await simple(), (parts) => {
          const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
          parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheet.replace('</sheetData>', inSheet + '</sheetData>')));
          const sst = parts.get('xl/sharedStrings.xml')!.toString('utf8');
          parts.set('xl/sharedStrings.xml', Buffer.from(sst.replace('</sst>', inStrings + '</sst>')));
        });
        await xlsxOutcome(buf);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV reader', () => {
  it('any text: rows, or BAD_FILE with a reason', () => {
    const csvText = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .array(fc.constantFrom('a', ',', '"', '\r', '\n', '""', ' ', 'राम', '\t', ';', '=1+1', '\u2028'), {
          maxLength: 60,
        })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(csvText, (text) => {
        try {
          const sheet = csvSheet(text, 'members.csv', '/tmp/members.csv');
          expect(sheet.rows.length).toBe(sheet.rowNumbers.length);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          expect(err.code).toBe('BAD_FILE');
          expect(err.message).toMatch(/members\.csv cannot be imported: .+/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('phone normalisation', () => {
  const CODES = new Set(['BAD_PHONE', 'PHONE_DESTROYED', 'PHONE_NOT_MOBILE']);
  const check = (r: ReturnType<typeof normalisePhoneText>) => {
    if (r.ok) expect(r.e164).toMatch(/^\+[1-9]\d{6,14}$/);
    else {
      expect(CODES.has(r.code)).toBe(true);
      expect(r.message.length).toBeGreaterThan(0);
    }
  };

  it('any text: an E.164 mobile number, or a refusal with a code and a reason', () => {
    const phoneish = fc
      .array(
        fc.constantFrom('+', '0', '9', '1', '8', '6', ' ', '-', '(', ')', '.', 'e', 'E', '०', '९', 'x', '#', '*'),
        {
          maxLength: 24,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), phoneish), (s) => check(normalisePhoneText(s))),
      { numRuns: 2000 },
    );
  });

  it('any cell: numbers of every size, booleans, dates, bad cells', () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 20 }),
      fc.double(),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.boolean(),
      fc.record({ kind: fc.constant('sci' as const), value: fc.double() }),
      fc.record({ kind: fc.constant('date' as const), iso: fc.constant('2024-01-05') }),
      // The reader always says why a cell is bad.
      fc.record({ kind: fc.constant('bad' as const), shown: fc.string(), why: fc.string({ minLength: 1 }) }),
    );
    fc.assert(
      fc.property(cell, (c) => check(normalisePhoneCell(c))),
      { numRuns: 2000 },
    );
  });
});

describe('bundle zip reader', () => {
  it('random bytes and mutated zips: never throws, every refusal has a code and a message', async () => {
    const valid = craftZip([
      { name: 'bag/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\n') },
      { name: 'bag/data/summary.json', data: Buffer.from('{"a":1}'.repeat(50)), method: 8 },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 1024 }).map((a) => Buffer.from(a)),
          mutate(valid),
        ),
        async (buf) => {
          const z = await readZipDefensively(buf);
          for (const p of z.problems) {
            expect(p.code).toMatch(/^[a-z_]+$/);
            expect(p.message.length).toBeGreaterThan(0);
          }
          if (z.problems.length === 0) expect(z.root).toBe('bag');
        },
      ),
      { numRuns: 500 },
    );
  });
});
