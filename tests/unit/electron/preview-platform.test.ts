// The browser preview's stand-ins for safeStorage and printToPDF: the district key is sealed
// (never in the clear) and a real PDF comes out of Debian's Chromium.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPrintToPdf, previewOsEncryption } from '../../../electron/harness/preview-platform.js';
import { tempDir } from '../../fixtures/temp.js';

describe('previewOsEncryption', () => {
  it('round-trips text, keeps its key in a private file, and never writes the text', () => {
    const dir = tempDir();
    const enc = previewOsEncryption(dir);
    const sealed = enc.encryptString('untrusted comment: minisign secret key\nRWRTY0Iy…');
    expect(sealed.toString('utf8')).not.toContain('minisign');
    expect(enc.decryptString(sealed)).toBe('untrusted comment: minisign secret key\nRWRTY0Iy…');
    const keyFile = path.join(dir, 'preview-os.key');
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    // a second instance on the same folder (the next preview run) can open it
    expect(previewOsEncryption(dir).decryptString(sealed)).toContain('minisign');
    expect(readFileSync(keyFile, 'utf8')).not.toContain('minisign');
  });

  it('refuses sealed text from another data folder or tampered bytes', () => {
    const a = previewOsEncryption(tempDir());
    const b = previewOsEncryption(tempDir());
    const sealed = a.encryptString('secret');
    expect(() => b.decryptString(sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => a.decryptString(tampered)).toThrow();
    expect(() => a.decryptString(Buffer.from('nonsense'))).toThrow();
  });
});

describe('chromiumPrintToPdf', () => {
  it('prints HTML to a PDF with Chromium and fetches nothing', async () => {
    if (!existsSync('/usr/bin/chromium')) throw new Error('Debian chromium is needed: apt-get install -y chromium');
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const print = chromiumPrintToPdf('/usr/bin/chromium');
      const pdf = await print(
        `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"><img src="http://127.0.0.1:${port}/x.png"><h1>Samooh समूह</h1>`,
      );
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(500);
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  }, 60_000);

  it('says what is missing when there is no Chromium', async () => {
    const print = chromiumPrintToPdf(path.join(tempDir(), 'no-chromium'));
    await expect(print('<p>x</p>')).rejects.toThrow();
  });
});
