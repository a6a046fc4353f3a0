// The streaming .xlsx reader's limits (issue #10): oversize cells, rows past Excel's limit,
// columns past XFD, DTDs, and big-but-harmless parts streamed past. Each refusal is BAD_FILE with
// a sentence a clerk can act on — never INTERNAL, never "Maximum call stack size exceeded".
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import { readSource } from '../../../electron/services/register-io/source.js';
import { readXlsx, XLSX_LIMITS } from '../../../electron/services/register-io/xlsx-read.js';
import { XmlStream } from '../../../electron/services/register-io/xml-stream.js';
import { tempDir } from '../../fixtures/temp.js';
import { simple, tamper } from './xlsx-craft.js';

const saved = { ...XLSX_LIMITS };
afterEach(() => Object.assign(XLSX_LIMITS, saved));

async function refusal(buf: Buffer): Promise<AppError> {
  const file = path.join(tempDir(), 'register.xlsx');
  writeFileSync(file, buf);
  try {
    await readSource(file);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function withSheet(edit: (xml: string) => string): Promise<Buffer> {
  return tamper(await simple(), (parts) => {
    const xml = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    parts.set('xl/worksheets/sheet1.xml', Buffer.from(edit(xml)));
  });
}

async function withSharedStrings(edit: (xml: string) => string): Promise<Buffer> {
  return tamper(await simple(), (parts) => {
    const xml = parts.get('xl/sharedStrings.xml')!.toString('utf8');
    parts.set('xl/sharedStrings.xml', Buffer.from(edit(xml)));
  });
}

describe('oversize cells and sheets', () => {
  it('a shared string longer than Excel allows (32,767 characters) is refused, not read', async () => {
    const buf = await withSharedStrings((xml) => xml.replace('<t>Ram</t>', `<t>${'R'.repeat(40_000)}</t>`));
    const e = await refusal(buf);
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/more than 32,767 characters, more than Excel itself allows in a cell/);
  });

  it('a 64 MB shared string is refused without building it (the 300 MB case of the issue)', async () => {
    // Rich-text runs each under the limit, together far over it.
    const run = `<r><t>${'x'.repeat(30_000)}</t></r>`;
    const buf = await withSharedStrings((xml) => xml.replace('<t>Ram</t>', run.repeat(2_200)));
    expect((await refusal(buf)).message).toMatch(/more than 32,767 characters/);
  });

  it('an inline string or a formula longer than a cell can hold is refused, naming the sheet', async () => {
    const big = 'y'.repeat(33_000);
    const inline = await withSheet((xml) =>
      xml.replace('</sheetData>', `<row r="9"><c r="A9" t="inlineStr"><is><t>${big}</t></is></c></row></sheetData>`),
    );
    expect((await refusal(inline)).message).toMatch(/the sheet "members" holds a text of more than 32,767/);
  });

  it('a row past Excel’s 1,048,576 is refused', async () => {
    const buf = await withSheet((xml) =>
      xml.replace(
        '</sheetData>',
        '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
      ),
    );
    expect((await refusal(buf)).message).toMatch(/row numbered 10,48,577, past Excel's limit of 10,48,576 rows/);
  });

  it('a cell past column XFD is refused; data past column 512 skips the sheet with a reason', async () => {
    const past = await withSheet((xml) =>
      xml.replace('</sheetData>', '<row r="5"><c r="XFE5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    );
    expect((await refusal(past)).message).toMatch(/past Excel's last column \(XFD\)/);
    const wide = await withSheet((xml) =>
      xml.replace('</sheetData>', '<row r="5"><c r="ZZ5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    );
    const r = await readXlsx(wide);
    expect(r.sheets).toEqual([]);
    expect(r.skipped).toEqual([
      { source: 'members', reason: 'has data beyond column 512; it is not a register sheet' },
    ]);
  });

  it('more filled cells than a register holds, or more texts, are refused with the count', async () => {
    XLSX_LIMITS.cells = 5;
    expect((await refusal(await simple())).message).toMatch(/more than 5 filled cells/);
    Object.assign(XLSX_LIMITS, saved);
    XLSX_LIMITS.sharedStrings = 2;
    expect((await refusal(await simple())).message).toMatch(/more than 2 different texts/);
  });

  it('a DOCTYPE (entity expansion) is refused', async () => {
    const buf = await withSharedStrings((xml) => xml.replace('<sst', '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst'));
    expect((await refusal(buf)).message).toMatch(/document type declaration/);
  });

  it('big parts nobody reads are streamed past: a 20 MB comment and a 20 MB unknown element', async () => {
    const buf = await withSheet((xml) =>
      xml
        .replace('<sheetData>', `<!--${'c'.repeat(20 * 1024 * 1024)}--><sheetData>`)
        .replace('</sheetData>', `</sheetData><extLst><ext>${'e'.repeat(20 * 1024 * 1024)}</ext></extLst>`),
    );
    const r = await readXlsx(buf);
    expect(r.sheets[0]!.rows).toEqual([
      ['group_code', 'name', 'phone'],
      ['G1', 'Ram', 9835012345],
    ]);
  });
});

describe('the streaming XML scanner', () => {
  it('gives the same events however the text is cut into chunks', () => {
    const doc =
      '<?xml version="1.0"?><!-- a > comment --><a x="1&amp;2" y=\'>\'><b:t>A &lt;&#x939;&#2367;&gt; <![CDATA[<&>]]></b:t><c/></a>';
    const events = (chunks: string[]) => {
      const out: string[] = [];
      const xml: XmlStream = new XmlStream(
        {
          open: (n, a, self) => {
            out.push(`<${n} ${JSON.stringify(a)}${self ? '/' : ''}>`);
            if (n === 't') xml.captureText();
          },
          close: (n) => out.push(n === 't' ? `text=${xml.takeText()}` : `</${n}>`),
        },
        { maxTextChars: 100, maxPending: 1000 },
      );
      for (const c of chunks) xml.write(c);
      xml.end();
      return out;
    };
    const whole = events([doc]);
    expect(whole).toEqual(['<a {"x":"1&2","y":">"}>', '<t {}>', 'text=A <हि> <&>', '<c {}/>', '</c>', '</a>']);
    for (let size = 1; size < 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < doc.length; i += size) chunks.push(doc.slice(i, i + size));
      expect(events(chunks), `chunks of ${size}`).toEqual(whole);
    }
  });
});
