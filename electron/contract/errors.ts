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
  'cancelled',
  'no_register_open',
  'hq_not_open',
  'hq_mode_unavailable',
  'folder_missing',
  'not_a_folder',
  'path_is_folder',
  'file_exists',
  'write_failed',
  'file_not_found',
  'file_no_permission',
  'file_is_folder',
  'file_not_regular',
  'file_too_large',
  'file_unreadable',
  'foreign_file',
  'open_failed',
  'district_not_set',
  'district_already_set',
  'district_code_invalid',
  'register_not_empty',
  'demo_bad_scale',
  'demo_bad_seed',
  'demo_no_ranks',
  'db_too_new',
  'db_upgrade_failed',
  'db_open_failed',
  'hq_file_exists',
  'not_hq_database',
  'register_not_hq',
  'hq_db_unfinished',
  'key_passphrase_empty',
  'key_passphrase_wrong',
  'key_os_unavailable',
  'key_os_locked',
  'key_unlock_unavailable',
  'key_missing',
  'key_exists',
  'key_on_other_computer',
  'key_no_os_protection',
  'key_no_passphrase',
  'key_mismatch',
  'key_already_protected',
  'key_not_current',
  'key_file_unusable',
  'bundle_outbox_fork',
  'bundle_not_made',
  'bundle_file_missing',
  'bundle_file_changed',
  'bundle_store_folder',
  'bundle_copy_mismatch',
  'bundle_concurrent',
  'email_invalid',
  'report_other_district',
  'pdf_unavailable',
  'pdf_failed',
  'import_no_sheets',
  'import_strict_rejected',
  'import_file_changed',
  'import_folder_no_csv',
  'mapping_bad_field',
  'export_bad_target',
  'csv_binary',
  'csv_not_utf8',
  'csv_unclosed_quote',
  'csv_too_many_fields',
  'xlsx_too_large',
  'xlsx_old_format',
  'xlsx_html',
  'xlsx_not_workbook',
  'xlsx_damaged',
  'xlsx_encrypted',
  'xlsx_unpacks_too_large',
  'xlsx_too_many_texts',
  'xlsx_too_many_cells',
  'xlsx_too_many_rows',
  'xlsx_too_many_columns',
  'xlsx_cell_too_long',
  'xlsx_sheet_cell_too_long',
  'policy_stored_invalid',
  'policy_invalid',
  'policy_not_json',
  'policy_not_newer',
  'policy_no_hq_key',
  'policy_unsigned',
  'policy_signature_damaged',
  'policy_wrong_key',
  'policy_tampered',
  'policy_signature_version',
  'hq_key_replace',
  'hq_key_trusted',
  'hq_key_not_trusted',
  'hq_key_retired',
  'hq_no_key',
  'hq_nothing_named',
  'hq_target_unknown',
  'hq_target_count',
  'hq_target_percent',
  'bad_date',
  'parent_required',
  'parent_self',
  'parent_not_thana',
  'unit_has_ops',
  'rank_unknown',
  'service_no_taken',
  'group_closed',
  'member_already_active',
  'membership_already_ended',
  'left_before_joined',
  'person_erased',
  'phone_taken',
  'women_group_needs_woman_staff',
  'person_phone_unknown',
  'person_already_erased',
  'person_no_phone',
  'chat_not_export',
  'chat_date_order',
  'chat_binary',
  'chat_too_large',
  'chat_zip_unreadable',
  'chat_zip_unsafe',
  'chat_zip_no_text',
  'chat_zip_many_texts',
  'chat_zip_entry_bad',
  'older_backup',
  'backup_not_a_file',
  'backup_too_large',
  'backup_checksum_mismatch',
  'backup_not_sqlite',
  'backup_integrity',
  'backup_too_new',
  'backup_not_a_register',
  'backup_cannot_open',
  'backup_audit_broken',
  'backup_other_district',
  'backup_outbox_fork',
  'invalid_input',
  'record_conflict',
  'passphrase_unreadable',
  'choose_one_path',
  'too_many_files',
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

/**
 * An error no clerk should ever meet: a broken invariant of the program itself (a handler asked
 * for a platform service the build lacks, a test-only scripted dialog answered the wrong
 * question). The renderer shows the INTERNAL headline with the English message for the log.
 * Every call site says in a comment why it cannot be a clerk's mistake; anything a clerk can
 * cause goes through `reasonError` with a reason worded in both languages.
 */
export function internalError(message: string, details?: unknown): AppError {
  return new AppError('INTERNAL', message, details);
}

/** Rebuilds an error that crossed a boundary as data (worker → host, wire → client). */
export function errorFromData(data: AppErrorData): AppError {
  return new AppError(data.code, data.message, data.details);
}
