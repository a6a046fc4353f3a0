// Pieces of call arguments several domains share.
import { z } from 'zod';

/** An absolute file or folder path, as a native dialog returns it (POSIX, `C:\…`, `\\server\…`). */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path');

export const noArgs = z.object({});
