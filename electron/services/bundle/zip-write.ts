// Writes a bundle zip. The whole zip is built in memory (a district bundle is a few MB, a few
// tens with members.csv), written to a temp file next to the target, flushed to the device
// (USB sticks are pulled out early), and only then renamed by the caller, so a crash or a
// full stick never leaves a half-written bundle under the real name.
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { reasonError } from '../../contract/errors.js';

export interface ZipInput {
  name: string;
  bytes: Buffer;
}

export interface ZipWritten {
  tempFile: string;
  bytes: number;
  sha256: string;
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw reasonError('CANCELLED', 'cancelled', 'Cancelled');
}

export function buildZip(entries: readonly ZipInput[], mtime: Date, signal?: AbortSignal): Promise<Buffer> {
  checkAbort(signal);
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    // Stored, not deflated. A district's bundle is small (counts; members.csv of a district is
    // a few MB at most), and stored entries make verifying at HQ a pass of SHA-256 over the
    // bytes instead of inflate + SHA-256 (about three times faster), and leave a zip bomb
    // nothing to expand: every entry's size is its size in the file.
    zip.addBuffer(e.bytes, e.name, { mtime, mode: 0o100644, compress: false });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = () => {
      (zip.outputStream as Readable).destroy();
      reject(reasonError('CANCELLED', 'cancelled', 'Cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', (err: Error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    zip.outputStream.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** A temp file in `folder` holding `zip`, flushed to disk. The caller renames or removes it. */
export function writeTempZip(folder: string, finalName: string, zip: Buffer): ZipWritten {
  const tempFile = path.join(folder, `.${finalName}.${randomBytes(4).toString('hex')}.partial`);
  let fd: number | undefined;
  try {
    fd = openSync(tempFile, 'wx');
    let off = 0;
    while (off < zip.length) off += writeSync(fd, zip, off, zip.length - off);
    fsyncSync(fd);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(tempFile, { force: true });
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOSPC'
        ? 'the disk is full'
        : e.code === 'EACCES' || e.code === 'EPERM'
          ? 'no permission'
          : e.message;
    throw reasonError(
      'BAD_INPUT',
      'write_failed',
      `Cannot write the bundle to ${folder}: ${why}`,
      { target: folder },
      { folder, code: e.code },
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { tempFile, bytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') };
}
