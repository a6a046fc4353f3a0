// Reading a file that came from outside (a workbook, a CSV, a bundle, a key, a mapping, a
// passphrase file) without trusting what the path points at. One place, used by every command
// and handler that reads a file the user named:
//
// - only a regular file is read: a FIFO, a device (/dev/zero, /dev/random), a socket or a folder
//   is refused at once, also behind a symlink (the type is taken from the OPEN descriptor, so a
//   path swapped between a check and the open cannot slip through);
// - the open itself never blocks: O_NONBLOCK, because opening a FIFO for reading otherwise waits
//   for a writer forever (`samooh bundle verify fifo` hung);
// - the size is checked on that descriptor before a byte is read, and at most that many bytes are
//   read (a file that grows meanwhile cannot push memory past the cap).
//
// Every refusal is AppError('BAD_FILE') with a sentence a clerk understands and `details.reason`,
// a stable code for logs, tests and translations.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../contract/errors.js';
import { reasonError, type ErrorReason, type ReasonParams } from '../../contract/errors.js';

export type FileRefusal = 'NOT_FOUND' | 'NO_PERMISSION' | 'FOLDER' | 'NOT_REGULAR' | 'TOO_LARGE' | 'UNREADABLE';

export interface RegularFileOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** What the file should be, for the message: "workbook", "public key (.pub)", "bundle". */
  what?: string;
}

export interface OpenRegularFile {
  fd: number;
  size: number;
  path: string;
}

/** "12 MB", "512 KB", "300 bytes": sizes as a clerk reads them. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** Each refusal's reason code (contract/errors.ts), worded for the clerk in both languages. */
const REFUSAL_REASON = {
  NOT_FOUND: 'file_not_found',
  NO_PERMISSION: 'file_no_permission',
  FOLDER: 'file_is_folder',
  NOT_REGULAR: 'file_not_regular',
  TOO_LARGE: 'file_too_large',
  UNREADABLE: 'file_unreadable',
} as const satisfies Record<FileRefusal, ErrorReason>;

/** `details.refusal` keeps the guard's own code for logs and tests; `details.reason` the clerk's words. */
export function fileRefusal(
  file: string,
  refusal: FileRefusal,
  message: string,
  extra?: object,
  params: ReasonParams = {},
): AppError {
  const name = path.basename(file) || file;
  return reasonError(
    'BAD_FILE',
    REFUSAL_REASON[refusal],
    message,
    { file: name, ...params },
    { file, refusal, ...extra },
  );
}

/** What a non-regular file is, in words. */
export function describeKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not an ordinary file';
}

/**
 * Opens `file` for reading if it is a regular file no larger than `maxBytes`. The caller closes
 * the descriptor (closeSync) — or uses readRegularFile, which does.
 */
export function openRegularFile(file: string, opts: RegularFileOptions): OpenRegularFile {
  const abs = path.resolve(file);
  const what = opts.what ?? 'file';
  const name = path.basename(abs) || abs;
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw fileRefusal(abs, 'NOT_FOUND', `no such file: ${abs} (check the name and the folder)`);
    }
    if (code === 'EISDIR') throw fileRefusal(abs, 'FOLDER', `${abs} is a folder; choose the ${what} itself.`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw fileRefusal(abs, 'NO_PERMISSION', `Samooh has no permission to read ${abs}.`);
    }
    if (code === 'ENXIO') {
      // A socket, or a FIFO opened for writing with no reader: never an ordinary file.
      throw fileRefusal(abs, 'NOT_REGULAR', `${name} is not an ordinary file; choose the ${what} itself.`);
    }
    throw fileRefusal(abs, 'UNREADABLE', `${abs} cannot be opened (${code ?? (err as Error).message}).`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw fileRefusal(abs, 'FOLDER', `${abs} is a folder; choose the ${what} itself.`);
    if (!st.isFile()) {
      throw fileRefusal(
        abs,
        'NOT_REGULAR',
        `${name} is ${describeKind(st)}, not an ordinary file; choose the ${what} itself.`,
      );
    }
    if (st.size > opts.maxBytes) {
      throw fileRefusal(
        abs,
        'TOO_LARGE',
        `${name} is ${sizeText(st.size)}; a ${what} may be at most ${sizeText(opts.maxBytes)}.`,
        { bytes: st.size, maxBytes: opts.maxBytes },
        { size: sizeText(st.size), limit: sizeText(opts.maxBytes) },
      );
    }
    return { fd, size: st.size, path: abs };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Reads at most `size` bytes from the start of `fd` (fewer if the file shrank meanwhile). */
export function readOpenFile(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return off === size ? buf : buf.subarray(0, off);
}

/** The whole of a regular file no larger than `maxBytes`; BAD_FILE otherwise. */
export function readRegularFile(file: string, opts: RegularFileOptions): Buffer {
  const { fd, size, path: abs } = openRegularFile(file, opts);
  try {
    return readOpenFile(fd, size);
  } catch (err) {
    throw fileRefusal(
      abs,
      'UNREADABLE',
      `${abs} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
    );
  } finally {
    closeSync(fd);
  }
}

/** A small UTF-8 text file (a key, a mapping, a passphrase): BOM removed. */
export function readRegularText(file: string, opts: RegularFileOptions): string {
  return readRegularFile(file, opts)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}
