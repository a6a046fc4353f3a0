/**
 * The reason code and values of a DbError, for the clerk's words (contract/errors.ts
 * ERROR_REASONS; db/ cannot import the contract, so the names are checked by the tests that
 * open such files through the handlers).
 */
export const dbReason = (reason: string, params: Record<string, string | number>) => ({ reason, params });

/** An error from the database layer with a stable code the services turn into an AppError. */
export class DbError extends Error {
  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_OPEN_FAILED' | 'DB_CONSTRAINT' | 'AUDIT_BROKEN',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
