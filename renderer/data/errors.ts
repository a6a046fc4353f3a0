// Errors as the screens see them: `{ code, message, details }`, the same shape the backend
// sends (electron/backend/errors.ts). Whatever a call throws or returns is brought to this shape.
import type { AppErrorData, ErrorCode } from '../../electron/contract/errors.js';

export interface ApiErrorData {
  code: ErrorCode | 'TRANSPORT';
  message: string;
  details?: unknown;
}

export type { AppErrorData };

function isErrorData(v: unknown): v is ApiErrorData {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as { code?: unknown }).code === 'string' &&
    typeof (v as { message?: unknown }).message === 'string'
  );
}

/** Anything thrown by a call (an error object from the client, a plain Error) → ApiErrorData. */
export function toErrorData(err: unknown): ApiErrorData {
  if (isErrorData(err)) {
    const e = err as ApiErrorData;
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  }
  const nested = (err as { error?: unknown } | null)?.error;
  if (isErrorData(nested)) return toErrorData(nested);
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}

/** The form field a backend error points at (`details.field`), if any. */
export function errorField(err: ApiErrorData): string | undefined {
  const d = err.details as { field?: unknown } | undefined;
  return d && typeof d.field === 'string' ? d.field : undefined;
}

/**
 * Per-field messages from a BAD_INPUT error: zod issues carry `path`, services put `field` in
 * details. Lets a form show the backend's verdict next to the right input.
 */
export function fieldErrors(err: ApiErrorData): Record<string, string> {
  const out: Record<string, string> = {};
  const field = errorField(err);
  if (field) out[field] = err.message;
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const i = issue as { path?: unknown; message?: unknown };
      const name = Array.isArray(i.path) && i.path.length > 0 ? String(i.path[0]) : undefined;
      if (name && typeof i.message === 'string' && !out[name]) out[name] = i.message;
    }
  }
  return out;
}
