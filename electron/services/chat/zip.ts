// The chat text inside an exported .zip ("Export chat" on iOS always zips; Android zips when
// media are attached): `_chat.txt` on iOS, `WhatsApp Chat with X.txt` on Android.
//
// The zip comes from a station's phone, so it is read defensively, with the rules of the
// project's bundle reader (bundle/zip-read.ts): every entry's name must be safe to extract
// anywhere (`unsafePathReason`: no absolute paths, '..', drive letters, control characters) and
// no entry may be a link, so a crafted zip is refused as a whole. That reader itself expects a
// bundle's layout (one top-level folder, ≤ 64 entries, the whole zip in memory), which an export
// with media breaks (flat, hundreds of photos, possibly gigabytes), so this module reads only
// the central directory and the one chat entry, from the file descriptor: the chat entry must
// be stored or deflated, unencrypted, no larger than the text limit, not compressed beyond the
// bundle reader's ratio limit, and must inflate to exactly its declared size and CRC-32.
import { closeSync } from 'node:fs';
import { inflateRawSync, crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError, reasonError, type ErrorReason, type ReasonParams } from '../../contract/errors.js';
import { DEFAULT_ZIP_LIMITS, unsafePathReason } from '../bundle/zip-read.js';

export interface ZipReadLimits {
  maxEntries: number;
  /** The chat text, uncompressed. */
  maxChatBytes: number;
  maxRatio: number;
  ratioMinBytes: number;
}

export interface ChatInZip {
  entry: string;
  bytes: Buffer;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const FILE_ATTRIBUTE_REPARSE_POINT = 0x400;

/** A refusal of the chat file: its reason code and values for the clerk, the English for the CLI. */
const refuse = (reason: ErrorReason, params: ReasonParams, message: string, details: Record<string, unknown> = {}) =>
  reasonError('BAD_FILE', reason, message, params, details);

/** Names shown in messages: control characters replaced, length bounded. */
const shown = (name: string) => name.replace(/\p{Cc}/gu, '?').slice(0, 120);

function openFd(fd: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromFd(
      fd,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true } as yauzl.Options,
      (err, zf) => (err ? reject(err) : resolve(zf)),
    ),
  );
}

function entriesOf(zf: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zf.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max)
        reject(refuse('chat_zip_unsafe', {}, `the zip has more than ${max} entries; this is not a WhatsApp export`));
      else zf.readEntry();
    });
    zf.on('end', () => resolve(out));
    zf.on('error', reject);
    zf.readEntry();
  });
}

function nameOf(e: yauzl.Entry): string | null {
  const raw = e.fileName as unknown as Buffer;
  if (e.generalPurposeBitFlag & 0x800) {
    const s = raw.toString('utf8');
    return Buffer.from(s, 'utf8').equals(raw) ? s : null;
  }
  // Without the UTF-8 flag the name is CP437; only its ASCII subset matters here (the chat's
  // name), other bytes are read as Latin-1 and checked like any name.
  return raw.toString('latin1');
}

/** Why an entry makes the zip unsafe, or null. */
function entryProblem(e: yauzl.Entry, name: string | null): string | null {
  if (name === null) return 'an entry name is not valid UTF-8';
  const why = unsafePathReason(name);
  if (why) return `${shown(name)}: ${why}`;
  const type = (e.externalFileAttributes >>> 16) & 0xffff & S_IFMT;
  if (type === S_IFLNK || (e.externalFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT && type === 0)) {
    return `${shown(name)}: a link`;
  }
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) return `${shown(name)}: not a regular file or folder`;
  return null;
}

const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/**
 * Which entry holds the chat: `_chat.txt` (iOS), else the one text file named like a WhatsApp
 * chat ("WhatsApp Chat with …", "WhatsApp-Chat mit …" …), else the only text file. A with-media
 * export may also hold text documents people shared, so a lone guess is never made among several.
 */
export function pickChatEntry(names: string[]): string {
  const texts = names.filter((n) => !n.endsWith('/') && /\.txt$/i.test(n));
  const ios = texts.filter((n) => base(n) === '_chat.txt');
  if (ios.length === 1) return ios[0]!;
  const named = texts.filter((n) => /whats\s*app/i.test(base(n)));
  if (named.length === 1) return named[0]!;
  if (texts.length === 1) return texts[0]!;
  if (texts.length === 0) {
    throw refuse(
      'chat_zip_no_text',
      {},
      'the zip holds no chat text: no _chat.txt (iPhone) or "WhatsApp Chat with ….txt" (Android) inside',
    );
  }
  throw refuse(
    'chat_zip_many_texts',
    {},
    `the zip holds several text files and none is clearly the chat: ${texts.slice(0, 5).map(shown).join(', ')}${texts.length > 5 ? ' …' : ''}`,
  );
}

function readStream(zf: yauzl.ZipFile, e: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zf.openReadStream(e, { decodeFileData: false } as unknown as yauzl.ZipFileOptions, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    }),
  );
}

function localName(zf: yauzl.ZipFile, e: yauzl.Entry): Promise<Buffer> {
  const z = zf as yauzl.ZipFile & {
    readLocalFileHeader(
      e: yauzl.Entry,
      o: { minimal: boolean },
      cb: (err: Error | null, h: { fileName: Buffer }) => void,
    ): void;
  };
  return new Promise((resolve, reject) =>
    z.readLocalFileHeader(e, { minimal: false }, (err, h) => (err ? reject(err) : resolve(h.fileName))),
  );
}

export const DEFAULT_CHAT_ZIP_LIMITS: ZipReadLimits = {
  // A with-media export of a busy group holds thousands of photos.
  maxEntries: 100_000,
  maxChatBytes: 200 * 1024 * 1024,
  maxRatio: DEFAULT_ZIP_LIMITS.maxRatio,
  ratioMinBytes: DEFAULT_ZIP_LIMITS.ratioMinBytes,
};

/**
 * Reads the chat text out of the zip open on `fd`. Takes the descriptor over: it is closed here
 * (by yauzl once its reads are done), never by the caller.
 */
export async function readChatFromZip(fd: number, limits = DEFAULT_CHAT_ZIP_LIMITS): Promise<ChatInZip> {
  let zf: yauzl.ZipFile;
  try {
    zf = await openFd(fd);
  } catch (err) {
    closeSync(fd);
    throw refuse('chat_zip_unreadable', {}, `not a readable zip file: ${(err as Error).message}`);
  }
  try {
    if (zf.entryCount > limits.maxEntries) {
      throw refuse(
        'chat_zip_unsafe',
        {},
        `the zip has ${zf.entryCount} entries (limit ${limits.maxEntries}); this is not a WhatsApp export`,
      );
    }
    let entries: yauzl.Entry[];
    try {
      entries = await entriesOf(zf, limits.maxEntries);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw refuse('chat_zip_unreadable', {}, `not a readable zip file: ${(err as Error).message}`);
    }
    const byName = new Map<string, yauzl.Entry>();
    const problems: string[] = [];
    for (const e of entries) {
      const name = nameOf(e);
      const why = entryProblem(e, name);
      if (why) problems.push(why);
      else byName.set(name!, e);
    }
    if (problems.length) {
      throw refuse(
        'chat_zip_unsafe',
        {},
        `unsafe zip, refused: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
        {
          problems: problems.slice(0, 20),
        },
      );
    }
    const name = pickChatEntry([...byName.keys()]);
    const e = byName.get(name)!;
    if (e.generalPurposeBitFlag & 0x1)
      throw refuse('chat_zip_entry_bad', { name: shown(name) }, `${shown(name)} is encrypted`);
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
      throw refuse(
        'chat_zip_entry_bad',
        { name: shown(name) },
        `${shown(name)} uses compression method ${e.compressionMethod}, which no phone writes`,
      );
    }
    if (e.uncompressedSize > limits.maxChatBytes) {
      throw refuse(
        'chat_too_large',
        { size: mb(e.uncompressedSize), limit: mb(limits.maxChatBytes) },
        `${shown(name)} is ${mb(e.uncompressedSize)} uncompressed; the limit for a chat is ${mb(limits.maxChatBytes)}`,
      );
    }
    if (
      e.uncompressedSize > limits.ratioMinBytes &&
      e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio
    ) {
      throw refuse(
        'chat_zip_unsafe',
        {},
        `${shown(name)} is compressed more than ${limits.maxRatio}:1 (a zip bomb), refused`,
      );
    }
    try {
      const local = await localName(zf, e);
      if (!local.equals(e.fileName as unknown as Buffer)) throw new Error('the local header names another file');
      const raw = await readStream(zf, e);
      const bytes =
        e.compressionMethod === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (bytes.length !== e.uncompressedSize)
        throw new Error(`inflates to ${bytes.length} bytes, not ${e.uncompressedSize}`);
      if (crc32(bytes) !== e.crc32) throw new Error('CRC-32 mismatch');
      return { entry: name, bytes };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const msg =
        (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? 'inflates to more than its declared size'
          : (err as Error).message;
      throw refuse('chat_zip_entry_bad', { name: shown(name) }, `${shown(name)} in the zip is damaged: ${msg}`);
    }
  } finally {
    zf.close();
  }
}

export const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
