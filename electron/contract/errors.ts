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
  new AppError('NOT_FOUND', `${what} ${key} does not exist`, {
    what,
    key,
    reason: 'record_not_found',
    params: { key },
  });

/**
 * Why an error happened, as a stable code the renderer words in the clerk's language
 * (renderer/i18n/errors.ts `reason.*`), with the values it names in `params`. The English
 * `message` stays for the CLI and the logs.
 */
export const ERROR_REASONS = [
  'unit_code_taken',
  'group_code_taken',
  'unit_code_case_taken',
  'group_code_case_taken',
  'unit_in_use',
  'group_in_use',
  'unit_closed',
  'merge_same',
  'merge_into_closed',
  'merge_children_need_thana',
  'merge_already_undone',
  'merge_not_found',
  'membership_not_left',
  'membership_active_again',
  'rule_confirm',
  'record_not_found',
  'register_missing',
  'register_is_hq',
  'not_a_register',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export type ReasonParams = Record<string, string | number>;

export interface ReasonDetails {
  reason: ErrorReason;
  params: ReasonParams;
  /** The form field the error is about, when there is one. */
  field?: string;
  [extra: string]: unknown;
}

/** An AppError that carries a reason code and its parameters. */
export function reasonError(
  code: ErrorCode,
  reason: ErrorReason,
  message: string,
  params: ReasonParams = {},
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { ...extra, reason, params });
}

/** The reason of an error's details, if it has one. */
export function reasonOf(details: unknown): ReasonDetails | undefined {
  const d = details as Partial<ReasonDetails> | null | undefined;
  if (!d || typeof d !== 'object' || typeof d.reason !== 'string') return undefined;
  if (!(ERROR_REASONS as readonly string[]).includes(d.reason)) return undefined;
  return { ...d, reason: d.reason, params: d.params && typeof d.params === 'object' ? d.params : {} };
}
