// What the bundle services need from the platform, for the browser preview (there is no
// Electron here): an OS-style key protector and a PDF printer.
//
// - Key: Electron's safeStorage is emulated with AES-256-GCM under a random key kept in
//   <data>/preview-os.key (mode 0600) — the same guarantee safeStorage gives on Linux without a
//   keyring: the district key is never stored in the clear, and only this data folder (and the
//   OS user who can read it) can open it. Preview data folders are for development and tests.
// - PDF: Chromium through playwright-core (a development dependency, loaded only when a PDF
//   is printed), with every network request refused, as Electron's print window does.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reasonError } from '../contract/errors.js';
import { readRegularText } from '../services/file-input/regular-file.js';
import type { SyncOsEncryption } from '../services/bundle/keys.js';
import type { PrintToPdf } from '../services/bundle/report-pdf.js';

const MAGIC = Buffer.from('SPV1');

function previewKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'preview-os.key');
  if (existsSync(file)) {
    const key = Buffer.from(readRegularText(file, { maxBytes: 4096, what: 'preview key file' }).trim(), 'base64');
    if (key.length !== 32) {
      throw reasonError('KEY_LOCKED', 'key_os_locked', `The preview key file ${file} is damaged.`, {}, { file });
    }
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** A stand-in for Electron's safeStorage, bound to one preview data folder. */
export function previewOsEncryption(dataDir: string): SyncOsEncryption {
  let key: Buffer | undefined;
  const k = () => (key ??= previewKey(dataDir));
  return {
    isEncryptionAvailable: () => true,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k(), iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      if (encrypted.length < 32 || !encrypted.subarray(0, 4).equals(MAGIC))
        throw new Error('not sealed by this preview');
      const decipher = createDecipheriv('aes-256-gcm', k(), encrypted.subarray(4, 16));
      decipher.setAuthTag(encrypted.subarray(16, 32));
      return Buffer.concat([decipher.update(encrypted.subarray(32)), decipher.final()]).toString('utf8');
    },
  };
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

interface PdfBrowser {
  newPage(): Promise<{
    route(
      url: string,
      handler: (route: { request(): { url(): string }; abort(): Promise<void>; continue(): Promise<void> }) => unknown,
    ): Promise<void>;
    setContent(html: string, opts: { waitUntil: 'load' }): Promise<void>;
    evaluate(fn: () => unknown): Promise<unknown>;
    pdf(opts: { format: string; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Buffer>;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

/** Prints with Chromium (SAMOOH_CHROMIUM, or a system Chromium). */
export function chromiumPrintToPdf(executablePath = process.env.SAMOOH_CHROMIUM): PrintToPdf {
  return async (html) => {
    // A named program that is not there is "no Chromium", said in words, not a launch failure.
    const exe =
      executablePath !== undefined
        ? existsSync(executablePath)
          ? executablePath
          : undefined
        : CHROMIUM_CANDIDATES.find((c) => existsSync(c));
    if (!exe) {
      throw reasonError(
        'INTERNAL',
        'pdf_unavailable',
        'Printing a PDF outside the app (the preview, the command line) needs Chromium: install it, or set SAMOOH_CHROMIUM to its program file.',
      );
    }
    // A variable specifier keeps the bundler from pulling playwright-core into the harness.
    const specifier = 'playwright-core';
    const { chromium } = (await import(specifier)) as {
      chromium: { launch(o: { executablePath: string; args: string[] }): Promise<PdfBrowser> };
    };
    const browser = await chromium.launch({
      executablePath: exe,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    } finally {
      await browser.close();
    }
  };
}
