// Runs one call against the handler map: validate, run, turn every failure into data.
import { z } from 'zod';
import { DbError } from '../../db/errors.js';
import { AppError, errorFromData, internalError, reasonError, type Result } from '../contract/errors.js';
import type { HandlerContext } from './context.js';
import type { HandlerMapShape } from './define.js';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DbError) {
    const code = err.code === 'DB_CONSTRAINT' || err.code === 'AUDIT_BROKEN' ? 'INTERNAL' : err.code;
    return errorFromData({ code, message: err.message, details: err.details });
  }
  if (err instanceof z.ZodError) {
    const fields = [...new Set(err.issues.map((i) => i.path.join('.') || 'input'))].join(', ');
    return reasonError(
      'BAD_INPUT',
      'invalid_input',
      err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      { fields },
      { issues: err.issues },
    );
  }
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (e && e.name === 'AbortError') return reasonError('CANCELLED', 'cancelled', 'Cancelled');
  if (e && typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return reasonError('CONFLICT', 'record_conflict', String(e.message), {}, { sqlite: e.code });
  }
  // Anything else thrown is a bug of ours (a TypeError, a failed assertion), never a clerk's input.
  return internalError(e && typeof e.message === 'string' ? e.message : String(err));
}

export async function dispatch(
  map: HandlerMapShape,
  name: string,
  rawArgs: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(map, name)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `Unknown call: ${String(name).slice(0, 80)}` } };
  }
  const h = map[name]!;
  const parsed = h.schema.safeParse(rawArgs ?? {});
  if (!parsed.success) return { ok: false, error: toAppError(parsed.error).toData() };
  try {
    const value = await h.run(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toAppError(err).toData() };
  }
}
