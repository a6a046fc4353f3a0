// The CLI passphrase reader: file, environment, terminal (a stand-in TTY stream), and a quick
// exit-2 failure when none is available.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { readPassphrase, readPassphraseWithSource } from '../../../electron/cli/passphrase.js';
import { tempDir } from '../../fixtures/temp.js';

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

/**
 * A stand-in terminal. `keys` are the chunks a person types; each prompt gets the chunks up to
 * and including the one that ends its line (Enter, Ctrl-C, Ctrl-D), written one at a time the
 * moment the prompt starts listening — no clock involved, so the test cannot race the prompt.
 */
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
  const pending = [...keys];
  stdin.on('newListener', (event) => {
    if (event !== 'data') return;
    // Chunks written now are buffered one by one and delivered to the listener being added.
    while (pending.length > 0) {
      const chunk = pending.shift()!;
      (stdin as unknown as PassThrough).write(chunk);
      if (/[\r\n]/.test(chunk) || chunk.includes(CTRL_C) || chunk.includes(CTRL_D)) break;
    }
  });
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
    // A stream that never ends: a reader that waited for input, or for a timer, would never
    // settle (the clock is frozen), so settling at all is the proof it did not wait.
    vi.useFakeTimers();
    try {
      const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
      let written = '';
      const stderr = { write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
      await expect(readPassphrase({ env: {}, stdin, stderr })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/no terminal.*SAMOOH_PASSPHRASE.*--passphrase-file/),
      });
      expect(vi.getTimerCount()).toBe(0);
      expect(stdin.listenerCount('data')).toBe(0);
      expect(written).toBe(''); // no prompt that nobody would see
    } finally {
      vi.useRealTimers();
    }
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
