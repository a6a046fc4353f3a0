// Runs one call against the handler map: validate, run, turn every failure into data.
import { z } from 'zod';
import { DbError } from '../../db/errors.js';
import { AppError, type Result } from '../contract/errors.js';
import type { HandlerContext } from './context.js';
import type { HandlerMapShape } from './define.js';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DbError) {
    const code = err.code === 'DB_CONSTRAINT' || err.code === 'AUDIT_BROKEN' ? 'INTERNAL' : err.code;
    return new AppError(code, err.message, err.details);
  }
  if (err instanceof z.ZodError) {
    return new AppError('BAD_INPUT', err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '), {
      issues: err.issues,
    });
  }
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (e && e.name === 'AbortError') return new AppError('CANCELLED', 'Cancelled');
  if (e && typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', String(e.message), { sqlite: e.code });
  }
  return new AppError('INTERNAL', e && typeof e.message === 'string' ? e.message : String(err));
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
