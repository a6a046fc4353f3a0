// Errors cross every boundary (IPC, the browser bridge, the CLI) as data (STYLE habit 3):
// `{ ok: false, error: { code, message, details } }`. `message` is for the user (English; the
// renderer translates known codes), `details` is for logs and per-row reports.

export type ErrorCode =
  | 'BAD_INPUT' // arguments failed zod validation, or a value is invalid
  | 'NOT_FOUND'
  | 'CONFLICT' // unique code already used, membership already active …
  | 'NO_REGISTER' // no register is open (first run)
  | 'DB_TOO_NEW'
  | 'DB_OPEN_FAILED'
  | 'IMPORT_REJECTED' // strict mode refused a file
  | 'BAD_FILE' // a file that cannot be read as what it claims to be
  | 'CANCELLED'
  | 'KEY_LOCKED' // the district key needs a passphrase / safeStorage is unavailable
  | 'BUNDLE_INVALID'
  | 'FORBIDDEN' // a call from a frame that is not ours, a path outside what the user chose
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const notFound = (what: string, key: string | number): AppError =>
  new AppError('NOT_FOUND', `${what} ${key} does not exist`, { what, key });
