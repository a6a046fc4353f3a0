// Small text files HQ mode reads (a .pub key, a policy and its signature): through the one guard
// every file a user names goes through (services/file-input): regular files only, the type and
// size checked on the open descriptor before reading, a reason for every refusal.
import { readRegularFile } from '../file-input/regular-file.js';

export function readSmallFile(file: string, what: string, max = 4096): Buffer {
  return readRegularFile(file, { maxBytes: max, what });
}
