// The error every API call throws: the backend's `{ code, message, details }` (errors cross
// the boundary as data, STYLE habit 3) turned back into something `catch` can check.
import type { AppErrorData, ErrorCode } from '../../electron/contract/errors.js';

/** Backend codes, plus TRANSPORT: the call never got an answer (no bridge, server gone). */
export type ApiErrorCode = ErrorCode | 'TRANSPORT';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromData(data: AppErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }

  /** The plain `{ code, message, details }` shape (for state, logs, tests). */
  toData(): { code: ApiErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
