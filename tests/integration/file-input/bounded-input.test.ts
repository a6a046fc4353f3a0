// Bounded input (issue #10): every command and handler that reads a file the user named refuses
// what is not a regular file (a FIFO, /dev/zero, a folder, a symlink to those) at once, and checks
// the size before reading — with BAD_FILE, a reason code and a sentence, never INTERNAL, never a
// hang. Real FIFOs (mkfifo), real devices, the real built CLI.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPassphrase } from '../../../electron/cli/passphrase.js';
import { AppError } from '../../../electron/contract/errors.js';
import { readChatFile } from '../../../electron/services/chat/chat-file.js';
import { readZipDefensively } from '../../../electron/services/bundle/zip-read.js';
import {
  openRegularFile,
  readRegularFile,
  readRegularText,
} from '../../../electron/services/file-input/regular-file.js';
import { readSource } from '../../../electron/services/register-io/source.js';
import { makeRegister } from '../../fixtures/builders.js';
import { samooh } from '../../fixtures/cli.js';
import { call, testContext } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';

const DEV_ZERO = '/dev/zero';
const hasDevZero = existsSync(DEV_ZERO);

/** A folder with one of each hostile thing a path can point at. */
function hostileFiles(): Record<string, string> {
  const dir = tempDir('samooh-bounded-');
  const fifo = path.join(dir, 'pipe.xlsx');
  execFileSync('mkfifo', [fifo]);
  const folder = path.join(dir, 'folder.zip');
  mkdirSync(folder);
  const linkToFifo = path.join(dir, 'link-to-pipe.zip');
  symlinkSync(fifo, linkToFifo);
  const linkToFolder = path.join(dir, 'link-to-folder.csv');
  symlinkSync(folder, linkToFolder);
  const linkToZero = path.join(dir, 'zero.zip');
  symlinkSync(DEV_ZERO, linkToZero);
  return { fifo, folder, linkToFifo, linkToFolder, linkToZero, devZero: DEV_ZERO, missing: path.join(dir, 'nope.zip') };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function refusalOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const reasonOf = (e: AppError) => (e.details as { refusal?: string }).refusal;

describe('the shared guard (services/file-input/regular-file.ts)', () => {
  it('refuses FIFOs, devices, folders and links to them at once, with a reason code', () => {
    const f = hostileFiles();
    const expected: Record<string, [string, RegExp]> = {
      fifo: ['NOT_REGULAR', /pipe \(FIFO\)/],
      linkToFifo: ['NOT_REGULAR', /pipe \(FIFO\)/],
      folder: ['FOLDER', /is a folder/],
      linkToFolder: ['FOLDER', /is a folder/],
      devZero: ['NOT_REGULAR', /a device/],
      linkToZero: ['NOT_REGULAR', /a device/],
      missing: ['NOT_FOUND', /no such file/],
    };
    for (const [name, [reason, message]] of Object.entries(expected)) {
      const e = refusal(() => readRegularFile(f[name]!, { maxBytes: 1024, what: 'workbook' }));
      expect(e.code, name).toBe('BAD_FILE');
      expect(reasonOf(e), name).toBe(reason);
      expect(e.message, name).toMatch(message);
    }
  });

  it('checks the size before reading, and reads a regular file whole', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, '\uFEFF{"a":1}');
    expect(readRegularText(file, { maxBytes: 100 })).toBe('{"a":1}');
    const big = refusal(() => readRegularFile(file, { maxBytes: 4, what: 'mapping' }));
    expect(reasonOf(big)).toBe('TOO_LARGE');
    expect(big.details).toMatchObject({
      reason: 'file_too_large',
      params: { file: 'a.json', size: '10 bytes', limit: '4 bytes' },
    });
    expect(big.message).toMatch(/a\.json is 10 bytes; a mapping may be at most 4 bytes/);
    const opened = openRegularFile(file, { maxBytes: 100 });
    expect(opened.size).toBe(10);
    closeSync(opened.fd);
  });
});

describe('every reader uses it', () => {
  it('register import (workbook, CSV, folder of CSVs) refuses with BAD_FILE', async () => {
    const f = hostileFiles();
    for (const p of [f.fifo!, f.linkToFifo!, f.devZero!]) {
      const e = await refusalOf(readSource(p));
      expect(e.code).toBe('BAD_FILE');
      expect(e.message).toMatch(/cannot be imported: .*(pipe|device)/);
    }
    // A CSV-named FIFO inside a folder of CSVs is skipped (not a regular file), never opened.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'units.csv'), 'code,name,type\nU1,Kotwali,thana\n');
    execFileSync('mkfifo', [path.join(dir, 'members.csv')]);
    const src = await readSource(dir);
    expect(src.files.map((x) => x.name)).toEqual(['units.csv']);
  });

  it('import.preview through the handler map answers BAD_FILE, not INTERNAL', async () => {
    const f = hostileFiles();
    const reg = makeRegister();
    const ctx = testContext();
    ctx.session.open(reg.file);
    for (const p of [f.fifo!, f.devZero!]) {
      const r = await call(ctx, 'import.preview', { file: p });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_FILE');
    }
  });

  it('the bundle reader reports a FIFO or /dev/zero as unreadable without reading it', async () => {
    const f = hostileFiles();
    for (const p of [f.fifo!, f.linkToZero!, f.folder!]) {
      const z = await readZipDefensively(p);
      expect(z.problems.map((x) => x.code)).toEqual(['zip_unreadable']);
    }
  });

  it('the chat reader refuses them too', async () => {
    const f = hostileFiles();
    for (const p of [f.fifo!, f.devZero!, f.folder!]) {
      expect((await refusalOf(readChatFile(p))).code).toBe('BAD_FILE');
    }
  });
});

describe('the CLI on hostile paths: exit 2 with a message, never a hang', () => {
  it('samooh bundle verify on a FIFO, /dev/zero, a folder; --pubkey a FIFO', () => {
    const f = hostileFiles();
    const pub = path.join(path.dirname(f.fifo!), 'k.pub');
    writeFileSync(pub, 'untrusted comment: x\nRWQ\n');
    const cases: [string, RegExp][] = [
      [f.fifo!, /pipe \(FIFO\)/],
      [f.linkToFifo!, /pipe \(FIFO\)/],
      [f.devZero!, /a device/],
      [f.folder!, /is a folder/],
    ];
    for (const [p, message] of cases) {
      const r = samooh(['bundle', 'verify', p, '--pubkey', pub]);
      expect(r.status, p).toBe(2);
      expect(r.stderr, p).toMatch(message);
    }
    const bundle = path.join(path.dirname(f.fifo!), 'b.zip');
    writeFileSync(bundle, 'PK\x05\x06' + '\0'.repeat(18));
    const r = samooh(['bundle', 'verify', bundle, '--pubkey', f.fifo!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--pubkey: .*pipe \(FIFO\)/);
  });

  it('samooh import register, --mapping, chat read and --passphrase-file refuse a FIFO', () => {
    const f = hostileFiles();
    const reg = makeRegister();
    const imp = samooh(['import', 'register', '--db', reg.file, f.fifo!]);
    expect(imp.status).toBe(2);
    expect(imp.stderr).toMatch(/pipe \(FIFO\)/);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'units.csv'), 'code,name,type\nU1,Kotwali,thana\n');
    const mapping = samooh(['import', 'register', '--db', reg.file, dir, '--mapping', f.fifo!]);
    expect(mapping.status).toBe(2);
    expect(mapping.stderr).toMatch(/--mapping .*pipe \(FIFO\)/);
    const chat = samooh(['chat', 'read', f.fifo!]);
    expect(chat.status).toBe(2);
    expect(chat.stderr).toMatch(/pipe \(FIFO\)/);
    // --passphrase-file (init, bundle export): refused before any key work.
    return expect(readPassphrase({ passphraseFile: f.fifo!, env: {} })).rejects.toThrow(
      /passphrase file.*pipe \(FIFO\)|pipe \(FIFO\).*passphrase file/,
    );
  });
});

describe.runIf(hasDevZero)('devices', () => {
  it('samooh chat read /dev/zero refuses at once', () => {
    const r = samooh(['chat', 'read', DEV_ZERO]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a device/);
  });
});
