// The CLI passphrase reader: file, environment, terminal (a stand-in TTY stream), and a quick
// exit-2 failure when none is available.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassphrase, readPassphraseWithSource } from '../../../electron/cli/passphrase.js';
import { tempDir } from '../../fixtures/temp.js';

function fakeTty(keys: string[]) {
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream & { rawModes: boolean[] };
  const rawModes: boolean[] = [];
  Object.assign(stdin, {
    isTTY: true,
    isRaw: false,
    rawModes,
    setRawMode(mode: boolean) {
      rawModes.push(mode);
      (stdin as { isRaw: boolean }).isRaw = mode;
      return stdin;
    },
  });
  let written = '';
  const stderr = { write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
  // Type the keys one chunk at a time once the prompt is listening.
  let i = 0;
  const feed = () => {
    if (i < keys.length) {
      (stdin as unknown as PassThrough).write(keys[i++]!);
      setTimeout(feed, 5);
    }
  };
  setTimeout(feed, 5);
  return { stdin, stderr, output: () => written };
}

describe('passphrase reader', () => {
  it('prefers --passphrase-file (first line, any line ending), then SAMOOH_PASSPHRASE', async () => {
    const f = path.join(tempDir(), 'p.txt');
    writeFileSync(f, '\uFEFFfrom file\r\nsecond line\r\n');
    expect(await readPassphraseWithSource({ passphraseFile: f, env: { SAMOOH_PASSPHRASE: 'env' } })).toEqual({
      passphrase: 'from file',
      source: 'file',
    });
    expect(await readPassphraseWithSource({ env: { SAMOOH_PASSPHRASE: 'from env' } })).toEqual({
      passphrase: 'from env',
      source: 'env',
    });
    writeFileSync(f, '\n');
    await expect(readPassphrase({ passphraseFile: f })).rejects.toMatchObject({ exitCode: 2, message: /empty/ });
    await expect(readPassphrase({ env: { SAMOOH_PASSPHRASE: 'short' }, minLength: 8 })).rejects.toMatchObject({
      exitCode: 2,
      message: /shorter than 8/,
    });
    await expect(readPassphrase({ passphraseFile: path.join(tempDir(), 'none') })).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  it('fails at once with exit 2 when there is no terminal and nothing else', async () => {
    const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
    const t0 = Date.now();
    await expect(readPassphrase({ env: {}, stdin })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no terminal.*SAMOOH_PASSPHRASE.*--passphrase-file/),
    });
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('reads from the terminal in raw mode without echo; Backspace edits; arrow keys are ignored', async () => {
    const tty = fakeTty(['sec', 'x\u007f', 'r\u001b[De', 't', '\r']);
    const p = await readPassphrase({ env: {}, stdin: tty.stdin, stderr: tty.stderr, purpose: 'the PAT district key' });
    expect(p).toBe('secret');
    expect(tty.output()).toBe('Passphrase for the PAT district key: \n');
    expect(tty.stdin.rawModes).toEqual([true, false]);
  });

  it('asks twice for a new passphrase and refuses a mismatch; Ctrl-C cancels', async () => {
    const same = fakeTty(['new pass 1\r', 'new pass 1\r']);
    expect(await readPassphrase({ env: {}, stdin: same.stdin, stderr: same.stderr, confirm: true })).toBe('new pass 1');
    expect(same.output()).toContain('Repeat the passphrase: ');
    const differ = fakeTty(['new pass 1\r', 'new pass 2\r']);
    await expect(
      readPassphrase({ env: {}, stdin: differ.stdin, stderr: differ.stderr, confirm: true }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: /differ/,
    });
    const cancel = fakeTty(['abc\u0003']);
    await expect(readPassphrase({ env: {}, stdin: cancel.stdin, stderr: cancel.stderr })).rejects.toMatchObject({
      exitCode: 2,
      message: 'cancelled',
    });
  });
});
