// Opening a chat export a clerk picked: a `.txt`, or the `.zip` a phone made. The file comes
// from a station's phone, so it is treated as hostile: only a regular file is read (a FIFO,
// device or folder is refused without blocking on it), its size is checked on the open
// descriptor before a byte is read, and a zip is read defensively (zip.ts). Every refusal is an
// AppError with a code and a message a clerk can act on.
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { reasonError, type ErrorReason, type ReasonParams } from '../../contract/errors.js';
import { openRegularFile, readOpenFile } from '../file-input/regular-file.js';
import { readChatText } from './read-export.js';
import type { ChatExport, ReadOptions } from './types.js';
import { DEFAULT_CHAT_ZIP_LIMITS, mb, readChatFromZip } from './zip.js';

export interface ChatFileLimits {
  /** A .txt, and the chat text inside a .zip. */
  maxTextBytes: number;
  /** The .zip itself (only its directory and the chat entry are read). */
  maxZipBytes: number;
}

export const DEFAULT_CHAT_FILE_LIMITS: ChatFileLimits = {
  // A year of a 1,000-member group without media is a few tens of MB.
  maxTextBytes: 200 * 1024 * 1024,
  // An export with media can be large; only its directory and the chat are read from it.
  maxZipBytes: 4 * 1024 * 1024 * 1024,
};

export interface ChatFileRead {
  file: {
    path: string;
    kind: 'txt' | 'zip';
    /** The chat's name inside the zip. */
    entry: string | null;
    /** Bytes of chat text read. */
    bytes: number;
  };
  chat: ChatExport;
}

/** A refusal of the chat file: its reason code and values for the clerk, the English for the CLI. */
const refuse = (reason: ErrorReason, params: ReasonParams, message: string, details: Record<string, unknown> = {}) =>
  reasonError('BAD_FILE', reason, message, params, details);

function openRegular(file: string): { fd: number; size: number } {
  // The shared guard (services/file-input): regular files only, never blocking on a FIFO, the
  // size checked on the open descriptor, against the cap for its kind once the first bytes say
  // zip or text (readChatFile), before anything else is read.
  const { fd, size } = openRegularFile(file, {
    maxBytes: Number.MAX_SAFE_INTEGER,
    what: 'chat export (.txt or .zip)',
  });
  return { fd, size };
}

const ZIP_MAGIC = [0x50, 0x4b];

function isZip(fd: number, size: number): boolean {
  if (size < 4) return false;
  const head = Buffer.alloc(4);
  readSync(fd, head, 0, 4, 0);
  // Local file header (PK\3\4) or the end record of an empty zip (PK\5\6).
  return (
    head[0] === ZIP_MAGIC[0] &&
    head[1] === ZIP_MAGIC[1] &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  );
}

/** Bytes → text: UTF-8 (with or without BOM), or UTF-16 when a BOM says so. */
export function decodeChatBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = bytes.subarray(2, bytes.length - (bytes.length % 2));
    return Buffer.from(even).swap16().toString('utf16le');
  }
  // A NUL byte early on: a binary file (a photo, a database) picked by mistake.
  if (bytes.subarray(0, 4096).includes(0))
    throw refuse('chat_binary', {}, 'this is a binary file, not the text of a chat export');
  return bytes.toString('utf8');
}

/** Opens a chat export (.txt or .zip) and reads it. */
export async function readChatFile(
  file: string,
  options: ReadOptions = {},
  limits: ChatFileLimits = DEFAULT_CHAT_FILE_LIMITS,
): Promise<ChatFileRead> {
  const abs = path.resolve(file);
  const { fd, size } = openRegular(abs);
  let bytes: Buffer;
  let entry: string | null = null;
  let zipped: boolean;
  let owned = true;
  try {
    zipped = isZip(fd, size);
    if (zipped) {
      if (size > limits.maxZipBytes) {
        throw refuse(
          'chat_too_large',
          { size: mb(size), limit: mb(limits.maxZipBytes) },
          `${abs} is ${mb(size)}; the limit for a zip is ${mb(limits.maxZipBytes)}. Export the chat again "Without media".`,
        );
      }
      owned = false; // readChatFromZip closes the descriptor
      const inner = await readChatFromZip(fd, { ...DEFAULT_CHAT_ZIP_LIMITS, maxChatBytes: limits.maxTextBytes });
      bytes = inner.bytes;
      entry = inner.entry;
    } else {
      if (size > limits.maxTextBytes) {
        throw refuse(
          'chat_too_large',
          { size: mb(size), limit: mb(limits.maxTextBytes) },
          `${abs} is ${mb(size)}; the limit for a chat export is ${mb(limits.maxTextBytes)}`,
        );
      }
      bytes = readOpenFile(fd, size);
    }
  } finally {
    if (owned) closeSync(fd);
  }
  const chat = readChatText(decodeChatBytes(bytes), options);
  return { file: { path: abs, kind: zipped ? 'zip' : 'txt', entry, bytes: bytes.length }, chat };
}
