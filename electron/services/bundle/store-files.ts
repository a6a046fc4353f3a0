// File steps the bundle store needs to survive a crash at any moment: flushing a folder after a
// rename, copying a file so that the destination is either absent or whole, hashing a file with
// bounded memory. (Node has no fsync for folders on Windows; there NTFS journals renames itself.)
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Makes a rename or a new file in `dir` durable (POSIX); a no-op where folders cannot be opened. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* Windows: EISDIR/EPERM; the rename is journalled by NTFS */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const CHUNK = 1024 * 1024;

/** SHA-256 of a regular file, read in 1 MiB chunks; null when it is not a regular file. */
export function sha256OfFile(file: string): { sha256: string; bytes: number } | null {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The temp name a copy into `dest` goes through (fixed, so the next start can find and remove it). */
export const partialOf = (dest: string) => path.join(path.dirname(dest), `.${path.basename(dest)}.partial`);

/**
 * Copies `src` to `dest` through `partialOf(dest)`: written, flushed, renamed, folder flushed.
 * A crash leaves either no `dest` or the whole file. Returns the copy's SHA-256.
 */
export function copyFileDurably(src: string, dest: string): string {
  const tmp = partialOf(dest);
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  let inFd: number | undefined;
  let outFd: number | undefined;
  try {
    inFd = openSync(src, 'r');
    outFd = openSync(tmp, 'w');
    for (;;) {
      const n = readSync(inFd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      let off = 0;
      while (off < n) off += writeSync(outFd, buf, off, n - off);
    }
    fsyncSync(outFd);
    closeSync(outFd);
    outFd = undefined;
    renameSync(tmp, dest);
  } catch (err) {
    if (outFd !== undefined) closeSync(outFd);
    outFd = undefined;
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    if (inFd !== undefined) closeSync(inFd);
    if (outFd !== undefined) closeSync(outFd);
  }
  syncDir(path.dirname(dest));
  return hash.digest('hex');
}

/** Writes `data` to `file` through `partialOf(file)`, flushed and renamed: old or new, never half. */
export function writeFileDurably(file: string, data: Buffer | string): void {
  const tmp = partialOf(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  syncDir(path.dirname(file));
}

/** Why writing a file failed, in a clerk's words (a full disk, no permission, a removed USB stick). */
export function ioReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'ENOSPC'
    ? 'the disk is full'
    : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
      ? 'no permission to write there'
      : e.code === 'ENOENT'
        ? 'the folder is gone (was the USB stick removed?)'
        : (e.message ?? String(err));
}
