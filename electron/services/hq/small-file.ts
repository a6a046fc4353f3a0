// Small text files HQ mode reads (a .pub key, a policy and its signature): regular files only,
// the size checked before reading, so a wrong pick (a video, a device) costs nothing.
import { lstatSync, readFileSync } from 'node:fs';
import { AppError } from '../../contract/errors.js';

export function readSmallFile(file: string, what: string, max = 4096): Buffer {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    throw new AppError('BAD_FILE', `There is no ${what} at ${file}.`, { file });
  }
  if (!st.isFile()) throw new AppError('BAD_FILE', `${file} is not a regular file.`, { file });
  if (st.size > max)
    throw new AppError('BAD_FILE', `${file} is ${st.size} bytes; a ${what} is at most ${max}.`, { file });
  return readFileSync(file);
}
