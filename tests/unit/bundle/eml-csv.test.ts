// The .eml draft (RFC 5322 / MIME, checked with Python's email parser, which we did not write)
// and CSV cells (quoting, formula neutralising).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from '../../../electron/services/bundle/csv.js';
import {
  base64Lines,
  buildEml,
  encodeHeaderWord,
  fillTemplate,
  parseRecipients,
  rfc5322Date,
} from '../../../electron/services/bundle/eml.js';

describe('eml draft', () => {
  const attachment = {
    fileName: 'samooh-PAT-20260105-3.zip',
    bytes: Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256)),
  };
  const eml = buildEml({
    to: ['hq@bihar.example', 'dgp.cell@bihar.example'],
    subject: 'अनुपालन बंडल PAT #3 — compliance bundle with a long subject that needs folding into words',
    body: 'महोदय,\nबंडल संलग्न है।\nKey 98FE1290B336849E\n',
    attachment,
    date: new Date('2026-01-05T10:30:00Z'),
  });

  it('is a MIME draft that a standard parser reads back exactly', () => {
    const text = eml.toString('latin1');
    expect(text).toMatch(/^To: hq@bihar\.example,\r\n dgp\.cell@bihar\.example\r\n/);
    expect(text).toContain('X-Unsent: 1\r\n');
    expect(text).toContain('MIME-Version: 1.0\r\n');
    expect(text).not.toMatch(/[^\r]\n/); // CRLF only
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const py = spawnSync(
      'python3',
      [
        '-c',
        `
import sys, json, email, hashlib
from email import policy
m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
parts = list(m.iter_parts())
att = parts[1]
print(json.dumps({
  "to": str(m["To"]), "subject": str(m["Subject"]), "unsent": m["X-Unsent"], "date": m["Date"],
  "body": parts[0].get_content(), "filename": att.get_filename(), "type": att.get_content_type(),
  "sha": hashlib.sha256(att.get_payload(decode=True)).hexdigest(),
  "defects": [str(d) for d in m.defects] + [str(d) for p in parts for d in p.defects],
}))`,
      ],
      { input: eml, encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const parsed = JSON.parse(py.stdout);
    expect(parsed).toMatchObject({
      to: 'hq@bihar.example, dgp.cell@bihar.example',
      subject: 'अनुपालन बंडल PAT #3 — compliance bundle with a long subject that needs folding into words',
      unsent: '1',
      filename: 'samooh-PAT-20260105-3.zip',
      type: 'application/zip',
      defects: [],
    });
    expect(parsed.body.replace(/\r\n/g, '\n')).toBe('महोदय,\nबंडल संलग्न है।\nKey 98FE1290B336849E\n');
    expect(parsed.sha).toBe(createHash('sha256').update(attachment.bytes).digest('hex'));
  });

  it('wraps base64 at 76 characters and encodes non-ASCII headers', () => {
    const lines = base64Lines(Buffer.alloc(1000, 7)).split('\r\n');
    expect(lines.slice(0, -2).every((l) => l.length === 76)).toBe(true);
    expect(encodeHeaderWord('plain ASCII')).toBe('plain ASCII');
    expect(encodeHeaderWord('पटना')).toBe(`=?UTF-8?B?${Buffer.from('पटना').toString('base64')}?=`);
    expect(encodeHeaderWord('a\r\nBcc: evil@x')).toBe('a Bcc: evil@x'); // no header injection
    expect(rfc5322Date(new Date('2026-01-05T10:30:00Z'))).toMatch(/^Mon, 05 Jan 2026 \d\d:\d\d:00 [+-]\d{4}$/);
  });

  it('fills templates and validates recipients', () => {
    const f = {
      district: 'PAT',
      sequence: 3,
      date: '2026-01-05',
      keyId: 'K',
      file: 'f.zip',
      zipSha256: 'z',
      tagmanifestSha256: 't',
    };
    expect(fillTemplate('{district} #{sequence} {date} {unknown}', f)).toBe('PAT #3 2026-01-05 {unknown}');
    expect(parseRecipients(' a@b.example ; c.d@e.example,')).toEqual({
      ok: true,
      list: ['a@b.example', 'c.d@e.example'],
    });
    expect(parseRecipients('a@b.example, Bcc: x@y')).toEqual({ ok: false, bad: 'Bcc: x@y' });
    expect(parseRecipients('')).toEqual({ ok: true, list: [] });
  });
});

describe('csv cells', () => {
  it('quotes and neutralises formula-looking text; numbers pass through', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+919835012345')).toBe("'+919835012345");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('राम कुमार')).toBe('राम कुमार');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvFile(['a', 'b'], [[1, '=x']]).toString('utf8')).toBe("\uFEFFa,b\r\n1,'=x\r\n");
  });
});
