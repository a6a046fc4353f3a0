// `samooh chat read`: the real CLI, built and spawned, on real files. No register is needed.
// Exit codes (SPEC §9): 0 read, 2 the file cannot be read as a chat export or bad usage.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samooh as run } from '../../fixtures/cli.js';
import { tempDir } from '../../fixtures/temp.js';
import { IOS, NNBSP, LRE, PDF } from '../../unit/chat/export-builder.js';
import { buildZip } from './zip-builder.js';

// The CLI is built once for all test files by tests/fixtures/global-setup.ts.
function samooh(...args: string[]) {
  const r = run(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ANDROID_EXPORT = [
  `12/03/24, 9:00${NNBSP}am - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.`,
  `12/03/24, 9:00${NNBSP}am - You created group "Kotwali Jan Samvad"`,
  `12/03/24, 9:01${NNBSP}am - You added ${LRE}+91 98350 12345${PDF} and Sunita Devi`,
  `12/03/24, 9:05${NNBSP}am - ${LRE}+91 98350 12345${PDF}: Jai Hind sir`,
  `13/03/24, 6:40${NNBSP}pm - Sunita Devi: Suresh added Mohan to the duty list`,
  `13/03/24, 6:41${NNBSP}pm - Mohan joined using this group's invite link`,
  `14/03/24, 7:00${NNBSP}am - Sunita Devi left`,
  '',
].join('\n');

function exportFile(text = ANDROID_EXPORT, name = 'WhatsApp Chat with Kotwali Jan Samvad.txt') {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('samooh chat read', () => {
  it('--json prints the SPEC §6 document (exit 0, nothing on stderr)', () => {
    const r = samooh('chat', 'read', exportFile(), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ format: 'android', dateOrder: 'dmy', messages: 2 });
    expect(doc.events).toEqual([
      { type: 'created', at: '2024-03-12T09:00', actor: 'You', subject: 'Kotwali Jan Samvad' },
      { type: 'added', at: '2024-03-12T09:01', actor: 'You', subject: '+919835012345' },
      { type: 'added', at: '2024-03-12T09:01', actor: 'You', subject: 'Sunita Devi' },
      { type: 'joined', at: '2024-03-13T18:41', actor: null, subject: 'Mohan' },
      { type: 'left', at: '2024-03-14T07:00', actor: null, subject: 'Sunita Devi' },
    ]);
    expect(doc.authors).toEqual([
      { name: '+919835012345', messages: 1, firstAt: '2024-03-12T09:05', lastAt: '2024-03-12T09:05' },
      { name: 'Sunita Devi', messages: 1, firstAt: '2024-03-13T18:40', lastAt: '2024-03-13T18:40' },
    ]);
    expect(doc).toMatchObject({ dateOrderFrom: 'file', languages: ['en'], file: { kind: 'txt', entry: null } });
  });

  it('prints a readable summary and event list by default', () => {
    const r = samooh('chat', 'read', exportFile());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Format: Android');
    expect(r.stdout).toContain('Dates: day/month/year (decided from the dates in the file)');
    expect(r.stdout).toContain('Messages: 2 by 2 people');
    expect(r.stdout).toContain('Not counted: 1 WhatsApp notice (encryption');
    expect(r.stdout).toContain('Events (5):');
    expect(r.stdout).toMatch(/2024-03-12 09:01 {2}added {4}You added \+919835012345 {2}\(line 3\)/);
    expect(r.stdout).toMatch(/2024-03-14 07:00 {2}left {5}Sunita Devi left {2}\(line 7\)/);
  });

  it('reads the chat inside an iPhone .zip', () => {
    const text = `[12/03/24, 9:00:05${NNBSP}AM] Kotwali: \u200eRamesh added Suresh\n[13/03/24, 9:00:06${NNBSP}AM] Suresh: ok\n`;
    const dir = tempDir();
    const zip = path.join(dir, 'WhatsApp Chat - Kotwali.zip');
    writeFileSync(zip, buildZip([{ name: '_chat.txt', data: text }]));
    const r = samooh('chat', 'read', zip, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; events: unknown[]; file: unknown };
    expect(doc.format).toBe(IOS.format);
    expect(doc.events).toEqual([{ type: 'added', at: '2024-03-12T09:00:05', actor: 'Ramesh', subject: 'Suresh' }]);
    expect(doc.file).toMatchObject({ kind: 'zip', entry: '_chat.txt' });
  });

  it('--date-order decides a file that cannot tell, and a bad value is bad usage (exit 2)', () => {
    const ambiguous = exportFile(`01/02/24, 9:00 am - A: x\n03/04/24, 9:00 am - B: y\n`);
    const dmy = JSON.parse(samooh('chat', 'read', ambiguous, '--json').stdout) as {
      dateOrder: string;
      dateOrderFrom: string;
    };
    expect(dmy).toMatchObject({ dateOrder: 'dmy', dateOrderFrom: 'assumed' });
    expect(samooh('chat', 'read', ambiguous).stdout).toContain('pass --date-order mdy if that is wrong');
    const mdy = JSON.parse(samooh('chat', 'read', ambiguous, '--date-order', 'mdy', '--json').stdout) as {
      authors: { firstAt: string }[];
    };
    expect(mdy.authors[0]!.firstAt).toBe('2024-01-02T09:00');
    const bad = samooh('chat', 'read', ambiguous, '--date-order', 'ymd');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are dmy, mdy/);
    const against = samooh('chat', 'read', exportFile(), '--date-order', 'mdy');
    expect(against.code).toBe(2);
    expect(against.stderr).toMatch(/--date-order mdy does not fit this file/);
  });

  it('a file that cannot be read is exit 2 with a clear message (and the error as JSON with --json)', () => {
    const dir = tempDir();
    const missing = samooh('chat', 'read', path.join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^samooh: no such file: .*nope\.txt/);
    const folder = samooh('chat', 'read', dir, '--json');
    expect(folder.code).toBe(2);
    expect(JSON.parse(folder.stdout)).toEqual({
      ok: false,
      error: {
        code: 'BAD_FILE',
        message: `${dir} is a folder; choose the chat export (.txt or .zip) itself.`,
        details: { file: dir, refusal: 'FOLDER', reason: 'file_is_folder', params: { file: path.basename(dir) } },
      },
    });
    const notChat = samooh('chat', 'read', exportFile('just some notes\n'));
    expect(notChat.code).toBe(2);
    expect(notChat.stderr).toMatch(/not a WhatsApp chat export/);
  });

  it('names from the file cannot drive the terminal (control characters are shown as U+FFFD)', () => {
    const r = samooh(
      'chat',
      'read',
      exportFile(`12/03/24, 9:00 am - Evil\u001b[2J: hi\n12/03/24, 9:01 am - Evil\u001b[2J added Bob\u0007\n`),
    );
    expect(r.code).toBe(0);
    expect(r.stdout.includes('\u001b') || r.stdout.includes('\u0007')).toBe(false);
    expect(r.stdout).toContain('Evil\ufffd[2J added Bob\ufffd');
  });

  it('--help explains the output and gives examples', () => {
    const r = samooh('chat', 'read', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('samooh chat read "WhatsApp Chat with Kotwali Thana.txt"');
    expect(r.stdout).toContain('--date-order <order>');
  });
});
