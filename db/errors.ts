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
