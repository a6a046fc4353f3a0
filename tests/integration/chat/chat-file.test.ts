// Opening chat exports from disk: .txt and .zip as phones make them, and the hostile files a
// station could send instead (FIFOs, devices, folders, oversize files, crafted zips). Real files
// in temp folders; every refusal is an AppError with a code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/errors.js';
import { readChatFile } from '../../../electron/services/chat/chat-file.js';
import { pickChatEntry } from '../../../electron/services/chat/zip.js';
import { tempDir } from '../../fixtures/temp.js';
import { ANDROID, IOS, realisticExport } from '../../unit/chat/export-builder.js';
import { buildZip } from './zip-builder.js';

const androidText = realisticExport(50, ANDROID, 3);
const iosText = realisticExport(50, IOS, 4);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('readChatFile: the files phones make', () => {
  it('reads an Android .txt', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'WhatsApp Chat with Kotwali Thana.txt');
    writeFileSync(file, androidText.text);
    const r = await readChatFile(file);
    expect(r.file).toEqual({ path: file, kind: 'txt', entry: null, bytes: Buffer.byteLength(androidText.text) });
    expect(r.chat).toMatchObject({ format: 'android', messages: androidText.messages });
    expect(r.chat.events).toHaveLength(androidText.events);
  });

  it('reads _chat.txt inside an iPhone .zip with media beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'WhatsApp Chat - Kotwali Thana.zip');
    writeFileSync(
      file,
      buildZip([
        { name: '00000012-PHOTO-2024-01-01-10-00-00.jpg', data: Buffer.alloc(5000, 7), method: 0 },
        { name: '_chat.txt', data: iosText.text },
        { name: '00000013-AUDIO-2024-01-01-10-01-00.opus', data: Buffer.alloc(3000, 9) },
      ]),
    );
    const r = await readChatFile(file);
    expect(r.file).toMatchObject({ kind: 'zip', entry: '_chat.txt' });
    expect(r.chat).toMatchObject({ format: 'ios', messages: iosText.messages });
  });

  it('picks "WhatsApp Chat with X.txt" in an Android .zip that also holds a shared .txt document', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.zip');
    writeFileSync(
      file,
      buildZip([
        { name: 'notes from the meeting.txt', data: 'not the chat' },
        { name: 'WhatsApp Chat with Kotwali Thana.txt', data: androidText.text },
        { name: 'IMG-20240101-WA0001.jpg', data: Buffer.alloc(100, 1) },
      ]),
    );
    const r = await readChatFile(file);
    expect(r.file.entry).toBe('WhatsApp Chat with Kotwali Thana.txt');
    expect(r.chat.messages).toBe(androidText.messages);
  });

  it('reads UTF-16 text (with its BOM) and follows a link to a regular file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(androidText.text, 'utf16le')]));
    const link = path.join(dir, 'link.txt');
    symlinkSync(file, link);
    const r = await readChatFile(link);
    expect(r.chat.messages).toBe(androidText.messages);
  });

  it('which text file a zip holds the chat in', () => {
    expect(pickChatEntry(['a.jpg', '_chat.txt', 'b.txt'])).toBe('_chat.txt');
    expect(pickChatEntry(['WhatsApp-Chat mit Kotwali.txt', 'notes.txt'])).toBe('WhatsApp-Chat mit Kotwali.txt');
    expect(pickChatEntry(['export/only.txt', 'x.jpg'])).toBe('export/only.txt');
  });
});

describe('readChatFile: hostile files', () => {
  it('refuses a folder, a device and a FIFO without blocking on it', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'folder.txt');
    mkdirSync(folder);
    expect((await refusal(readChatFile(folder))).message).toMatch(/is a folder/);
    expect((await refusal(readChatFile('/dev/null'))).message).toMatch(/is a device/);
    const fifo = path.join(dir, 'chat.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const e = await refusal(readChatFile(fifo));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/is a pipe \(FIFO\)/);
  });

  it('refuses a missing file, a binary file and a text file that is no export', async () => {
    const dir = tempDir();
    expect((await refusal(readChatFile(path.join(dir, 'none.txt')))).message).toMatch(/no such file/);
    const png = path.join(dir, 'photo.txt');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await refusal(readChatFile(png))).message).toMatch(/binary file/);
    const csv = path.join(dir, 'register.txt');
    writeFileSync(csv, 'name,phone\nRamesh,9835012345\n');
    expect((await refusal(readChatFile(csv))).message).toMatch(/not a WhatsApp chat export/);
  });

  it('checks the size before reading: a text or a zip over the limit is refused with the limit', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, androidText.text);
    const e = await refusal(readChatFile(file, {}, { maxTextBytes: 1000, maxZipBytes: 10_000 }));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/the limit for a chat export is 0\.0 MB/);
    const zip = path.join(dir, 'big.zip');
    writeFileSync(zip, buildZip([{ name: '_chat.txt', data: androidText.text }]));
    expect((await refusal(readChatFile(zip, {}, { maxTextBytes: 1000, maxZipBytes: 10 }))).message).toMatch(
      /limit for a zip.*Without media/,
    );
    expect((await refusal(readChatFile(zip, {}, { maxTextBytes: 1000, maxZipBytes: 1e9 }))).message).toMatch(
      /_chat\.txt is .* uncompressed; the limit for a chat is/,
    );
  });

  it.each([
    ['a path that climbs out ("..")', [{ name: '../_chat.txt', data: 'x' }], /unsafe zip.*'\.\.' in path/],
    ['an absolute path', [{ name: '/etc/_chat.txt', data: 'x' }], /unsafe zip.*absolute path/],
    ['a drive letter', [{ name: 'C:/_chat.txt', data: 'x' }], /unsafe zip.*drive letter/],
    [
      'a symbolic link',
      [
        { name: '_chat.txt', data: 'x' },
        { name: 'photo.jpg', data: '/etc/passwd', unixMode: 0o120777 },
      ],
      /unsafe zip.*photo\.jpg: a link/,
    ],
    ['no chat text', [{ name: 'IMG-1.jpg', data: 'x' }], /holds no chat text/],
    [
      'several text files, none named as a chat',
      [
        { name: 'a.txt', data: 'x' },
        { name: 'b.txt', data: 'y' },
      ],
      /several text files and none is clearly the chat: a\.txt, b\.txt/,
    ],
    ['an encrypted chat', [{ name: '_chat.txt', data: 'x', flags: 0x1 }], /_chat\.txt is encrypted/],
    [
      'a CRC that does not match',
      [{ name: '_chat.txt', data: 'hello', declaredCrc: 12345 }],
      /damaged: CRC-32 mismatch/,
    ],
    [
      'a chat that inflates to more than declared',
      [{ name: '_chat.txt', data: 'hello world, hello world', declaredSize: 5 }],
      /damaged: inflates to more than its declared size/,
    ],
  ])('refuses a zip with %s', async (_n, entries, message) => {
    const dir = tempDir();
    const file = path.join(dir, 'export.zip');
    writeFileSync(file, buildZip(entries));
    const e = await refusal(readChatFile(file));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(message);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bomb.zip');
    writeFileSync(file, buildZip([{ name: '_chat.txt', data: Buffer.alloc(4 * 1024 * 1024, 0x41) }]));
    expect((await refusal(readChatFile(file))).message).toMatch(/compressed more than 200:1 \(a zip bomb\)/);
  });

  it('refuses a file that starts like a zip but is not one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.zip');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    expect((await refusal(readChatFile(file))).message).toMatch(/not a readable zip file/);
  });
});
