// Reads an untrusted zip (a bundle arriving at HQ, or one back from a USB stick) defensively.
//
// Phase 1 looks only at the central directory and refuses, before any byte is inflated:
// absolute paths, '..', backslashes and drive letters, control characters, symlinks (unix mode
// in the external attributes), duplicate names (also case-insensitively: Windows would
// overwrite), too many entries, too much uncompressed data, too high a compression ratio,
// overlapping entries (the non-recursive zip bomb), encryption, unknown compression, and
// anything outside one top-level folder.
// Phase 2 inflates each file into memory with the declared size as a hard output limit and
// checks the local header name, size and CRC-32. Nothing is ever written to disk here.
import { webcrypto } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../contract/errors.js';
import { readRegularFile } from '../file-input/regular-file.js';

export interface ZipLimits {
  /** The zip file itself. */
  maxZipBytes: number;
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed/compressed, checked for entries larger than ratioMinBytes. */
  maxRatio: number;
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 512 * 1024 * 1024,
  maxEntries: 64,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
};

export type ZipProblemCode =
  | 'zip_unreadable'
  | 'zip_too_large'
  | 'too_many_entries'
  | 'unsafe_path'
  | 'symlink_entry'
  | 'special_entry'
  | 'duplicate_entry'
  | 'too_large'
  | 'zip_bomb'
  | 'overlapping_entries'
  | 'encrypted_entry'
  | 'unsupported_compression'
  | 'not_one_folder'
  | 'entry_corrupt';

export interface ZipProblem {
  code: ZipProblemCode;
  message: string;
  entry?: string;
}

export interface ZipContents {
  problems: ZipProblem[];
  /** The one top-level folder (the bag's name), when the layout is sound. */
  root: string | null;
  /** Files by path relative to `root` (only when there are no problems). */
  files: Map<string, Buffer>;
  zipBytes: number;
  /** SHA-256 of the zip file as read (when asked for). */
  zipSha256: string | null;
  /** Declared CRC-32 by path (relative to root), for callers that check CRCs themselves. */
  declaredCrc32: Map<string, number>;
}

export interface ReadOptions {
  /** Also compute the SHA-256 of the whole zip file (HQ records bundles by it). */
  zipSha256?: boolean;
  /**
   * 'deferred': do not check CRC-32 here. For callers that verify most files by a stronger
   * hash anyway (a BagIt verifier) and check `declaredCrc32` only for the rest.
   */
  crc?: 'check' | 'deferred';
}

/** Paths among `paths` whose content does not match the CRC-32 the zip declares. */
export function crcMismatches(contents: ZipContents, paths: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const p of paths) {
    const bytes = contents.files.get(p);
    if (bytes && crc32(bytes) !== contents.declaredCrc32.get(p)) bad.push(p);
  }
  return bad;
}

interface RawEntry {
  name: string;
  isDirectory: boolean;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  crc32: number;
  entry: yauzl.Entry;
}

// yauzl 3 API beyond @types/yauzl 2.x.
interface LocalHeader {
  fileDataStart: number;
  fileName: Buffer;
  generalPurposeBitFlag: number;
  compressionMethod: number;
}
type ZipFileV3 = yauzl.ZipFile & {
  readLocalFileHeader(
    entry: yauzl.Entry,
    options: { minimal: boolean },
    cb: (err: Error | null, h: LocalHeader) => void,
  ): void;
};
const getFileNameLowLevel = (
  yauzl as unknown as {
    getFileNameLowLevel(flag: number, name: Buffer, extra: { id: number; data: Buffer }[], strict: boolean): string;
  }
).getFileNameLowLevel;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const FILE_ATTRIBUTE_REPARSE_POINT = 0x400;

function decodeName(flag: number, raw: Buffer): string | null {
  if (flag & 0x800) {
    const s = raw.toString('utf8');
    return Buffer.from(s, 'utf8').equals(raw) ? s : null; // invalid UTF-8
  }
  // CP437 names: we accept only their ASCII subset (our own names are ASCII).
  for (const b of raw) if (b > 0x7e) return null;
  return raw.toString('latin1');
}

/** Why a name is unsafe to extract anywhere, or null. */
export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > 255) return 'name too long';
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.includes(':')) return 'colon in name (Windows alternate data stream)';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return "'..' in path";
  if (parts.some((p) => p === '.' || p === '')) return 'empty or "." path segment';
  if (parts.some((p) => /[ .]$/.test(p))) return 'segment ending in space or dot (Windows would rename it)';
  return null;
}

function open(buffer: Buffer): Promise<ZipFileV3> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true } as yauzl.Options,
      (err, zf) => (err ? reject(err) : resolve(zf as ZipFileV3)),
    ),
  );
}

function readEntries(zf: ZipFileV3, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zf.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max) {
        zf.close();
        reject(new Error('too many entries'));
        return;
      }
      zf.readEntry();
    });
    zf.on('end', () => resolve(out));
    zf.on('error', reject);
    zf.readEntry();
  });
}

function localHeader(zf: ZipFileV3, e: yauzl.Entry): Promise<LocalHeader> {
  return new Promise((resolve, reject) =>
    zf.readLocalFileHeader(e, { minimal: false }, (err, h) => (err ? reject(err) : resolve(h))),
  );
}

export async function readZipDefensively(
  input: string | Buffer,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  options: ReadOptions = {},
): Promise<ZipContents> {
  const declaredCrc32 = new Map<string, number>();
  const problems: ZipProblem[] = [];
  // The whole file's SHA-256, when asked for, is computed by WebCrypto on a worker thread
  // while this thread checks the entries.
  let zipHash: Promise<ArrayBuffer> | null = null;
  const result = async (
    root: string | null = null,
    files = new Map<string, Buffer>(),
    buf: Buffer | null = null,
  ): Promise<ZipContents> => ({
    problems,
    root,
    files,
    zipBytes: buf?.length ?? 0,
    declaredCrc32,
    zipSha256: buf && zipHash ? Buffer.from(await zipHash).toString('hex') : null,
  });

  let buffer: Buffer;
  try {
    if (typeof input === 'string') {
      // The shared guard: a FIFO or device is refused at once (never read), the size checked
      // before reading.
      try {
        buffer = readRegularFile(input, { maxBytes: limits.maxZipBytes, what: 'bundle (.zip)' });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const refusal = (err.details as { refusal?: string } | undefined)?.refusal;
        problems.push({ code: refusal === 'TOO_LARGE' ? 'zip_too_large' : 'zip_unreadable', message: err.message });
        return result();
      }
    } else buffer = input;
    if (options.zipSha256) zipHash = webcrypto.subtle.digest('SHA-256', buffer);
  } catch (err) {
    problems.push({ code: 'zip_unreadable', message: `cannot read the file: ${(err as Error).message}` });
    return result();
  }
  if (buffer.length > limits.maxZipBytes) {
    problems.push({
      code: 'zip_too_large',
      message: `the zip is ${buffer.length} bytes; the limit is ${limits.maxZipBytes}`,
    });
    return result(null, undefined, buffer);
  }

  let zf: ZipFileV3;
  let entries: yauzl.Entry[];
  try {
    zf = await open(buffer);
    if (zf.entryCount > limits.maxEntries) {
      problems.push({
        code: 'too_many_entries',
        message: `${zf.entryCount} entries; the limit is ${limits.maxEntries}`,
      });
      zf.close();
      return result(null, undefined, buffer);
    }
    entries = await readEntries(zf, limits.maxEntries);
  } catch (err) {
    const msg = (err as Error).message;
    problems.push(
      msg === 'too many entries'
        ? { code: 'too_many_entries', message: `more than ${limits.maxEntries} entries` }
        : { code: 'zip_unreadable', message: `not a readable zip file: ${msg}` },
    );
    return result(null, undefined, buffer);
  }

  // ---- Phase 1: the central directory only.
  const raw: RawEntry[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const e of entries) {
    const nameBuf = e.fileName as unknown as Buffer;
    const display = nameBuf
      .toString('utf8')
      .replace(/\p{Cc}/gu, '?')
      .slice(0, 200);
    const name = decodeName(e.generalPurposeBitFlag, nameBuf);
    if (name === null) {
      problems.push({ code: 'unsafe_path', message: `${display}: name is not valid UTF-8/ASCII`, entry: display });
      continue;
    }
    // Some unzip tools prefer the Info-ZIP Unicode Path field: it must not say something else.
    let viaExtra: string;
    try {
      viaExtra = getFileNameLowLevel(e.generalPurposeBitFlag, nameBuf, e.extraFields, true);
    } catch {
      viaExtra = '';
    }
    if (viaExtra !== name) {
      problems.push({
        code: 'unsafe_path',
        message: `${display}: a Unicode Path field names another file`,
        entry: display,
      });
      continue;
    }
    const why = unsafePathReason(name);
    if (why) {
      problems.push({ code: 'unsafe_path', message: `${display}: ${why}`, entry: display });
      continue;
    }
    // Unix hosts keep st_mode in the high 16 bits; DOS/NTFS hosts leave them 0 and mark links
    // with the reparse-point attribute in the low bits.
    const mode = (e.externalFileAttributes >>> 16) & 0xffff;
    const type = mode & S_IFMT;
    const isDirectory = name.endsWith('/');
    if (e.externalFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT && type === 0) {
      problems.push({ code: 'symlink_entry', message: `${name}: a Windows link (reparse point)`, entry: name });
      continue;
    }
    if (type !== 0) {
      if (type === S_IFLNK) {
        problems.push({ code: 'symlink_entry', message: `${name}: a symbolic link`, entry: name });
        continue;
      }
      if (type !== S_IFREG && type !== S_IFDIR) {
        problems.push({ code: 'special_entry', message: `${name}: not a regular file or folder`, entry: name });
        continue;
      }
      if ((type === S_IFDIR) !== isDirectory) {
        problems.push({ code: 'special_entry', message: `${name}: file type and name disagree`, entry: name });
        continue;
      }
    }
    const key = name.replace(/\/$/, '').normalize('NFC').toLowerCase();
    if (seen.has(key)) {
      problems.push({ code: 'duplicate_entry', message: `${name}: appears twice (as ${seen.get(key)})`, entry: name });
      continue;
    }
    seen.set(key, name);
    if (e.generalPurposeBitFlag & 0x1) {
      problems.push({ code: 'encrypted_entry', message: `${name}: encrypted`, entry: name });
      continue;
    }
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
      problems.push({
        code: 'unsupported_compression',
        message: `${name}: compression method ${e.compressionMethod}`,
        entry: name,
      });
      continue;
    }
    if (isDirectory && e.uncompressedSize !== 0) {
      problems.push({ code: 'special_entry', message: `${name}: a folder entry with content`, entry: name });
      continue;
    }
    if (e.uncompressedSize > limits.maxEntryBytes) {
      problems.push({ code: 'too_large', message: `${name}: ${e.uncompressedSize} bytes uncompressed`, entry: name });
      continue;
    }
    if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) {
      problems.push({ code: 'entry_corrupt', message: `${name}: stored sizes disagree`, entry: name });
      continue;
    }
    if (
      e.uncompressedSize > limits.ratioMinBytes &&
      e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio
    ) {
      problems.push({
        code: 'zip_bomb',
        message: `${name}: compressed ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1 (limit ${limits.maxRatio}:1)`,
        entry: name,
      });
      continue;
    }
    total += e.uncompressedSize;
    raw.push({
      name,
      isDirectory,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      offset: e.relativeOffsetOfLocalHeader,
      crc32: e.crc32,
      entry: e,
    });
  }
  if (total > limits.maxTotalBytes) {
    problems.push({
      code: 'too_large',
      message: `${total} bytes uncompressed in all; the limit is ${limits.maxTotalBytes}`,
    });
  }

  // Entries whose data overlap are how a small zip expands many times (Fifield's bomb).
  const byOffset = [...raw].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    const minEnd = prev.offset + 30 + Buffer.byteLength(prev.name) + prev.compressedSize;
    if (byOffset[i]!.offset < minEnd) {
      problems.push({
        code: 'overlapping_entries',
        message: `${byOffset[i]!.name} overlaps the data of ${prev.name}`,
        entry: byOffset[i]!.name,
      });
    }
  }

  // One top-level folder, holding everything.
  const tops = new Set(raw.map((r) => r.name.split('/')[0]!));
  const rootFiles = raw.filter((r) => !r.name.includes('/'));
  if (tops.size > 1 || rootFiles.length > 0) {
    problems.push({
      code: 'not_one_folder',
      message: `a bundle holds exactly one top-level folder; found ${[...tops].slice(0, 5).join(', ')}${rootFiles.length ? ' and files outside it' : ''}`,
    });
  }
  if (raw.length === 0 && problems.length === 0) {
    problems.push({ code: 'not_one_folder', message: 'the zip is empty' });
  }
  if (problems.length) {
    zf.close();
    return result(null, undefined, buffer);
  }
  const root = [...tops][0]!;

  // ---- Phase 2: inflate into memory, bounded by the declared sizes.
  const files = new Map<string, Buffer>();
  for (const r of byOffset) {
    if (r.isDirectory) continue;
    try {
      const h = await localHeader(zf, r.entry);
      const localName = decodeName(h.generalPurposeBitFlag, h.fileName);
      if (localName !== r.name) throw new Error('the local header names another file');
      if (h.compressionMethod !== r.entry.compressionMethod)
        throw new Error('the local header disagrees on compression');
      const next = byOffset[byOffset.indexOf(r) + 1];
      if (next && h.fileDataStart + r.compressedSize > next.offset) throw new Error('data overlaps the next entry');
      const data = buffer.subarray(h.fileDataStart, h.fileDataStart + r.compressedSize);
      const bytes =
        r.entry.compressionMethod === 0
          ? data
          : inflateRawSync(data, { maxOutputLength: Math.max(1, r.uncompressedSize) });
      if (bytes.length !== r.uncompressedSize)
        throw new Error(`inflates to ${bytes.length} bytes, not ${r.uncompressedSize}`);
      if (options.crc !== 'deferred' && crc32(bytes) !== r.crc32) throw new Error('CRC-32 mismatch');
      files.set(r.name.slice(root.length + 1), bytes);
      declaredCrc32.set(r.name.slice(root.length + 1), r.crc32);
    } catch (err) {
      const msg =
        (err as { code?: string; message: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? 'inflates to more than its declared size'
          : (err as Error).message;
      problems.push({ code: 'entry_corrupt', message: `${r.name}: ${msg}`, entry: r.name });
    }
  }
  zf.close();
  return result(root, problems.length ? new Map() : files, buffer);
}
