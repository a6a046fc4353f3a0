// The app's register files under its data folder, and which one it reopens next time.
import { statSync } from 'node:fs';
import path from 'node:path';
import { HQ_FILE_MESSAGE } from '../../db/application-id.js';
import { openRegister } from '../../db/connection.js';
import { DbError } from '../../db/errors.js';
import type { RegisterDb } from '../../db/register-db.js';
import { getSetting } from '../../db/settings.js';
import { reasonError } from '../contract/errors.js';
import type { HandlerContext } from './context.js';
import { readAppState, RECENT_LIMIT, rememberRegister } from './session.js';

/** <dataDir>/<CODE>.sqlite; the code is already validated to be file-name safe. */
export function registerPath(ctx: HandlerContext, name: string): string {
  return path.join(ctx.session.dataDir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.sqlite`);
}

export function openAndRemember(ctx: HandlerContext, file: string): RegisterDb {
  const db = ctx.session.open(file);
  rememberRegister(ctx.session.dataDir, file);
  return db;
}

/**
 * Refuses, before anything is written to it, a file that is not a district register: missing or
 * not a regular file, an HQ database, any other SQLite or non-SQLite file. A register of an older
 * schema passes (opening it migrates it, as on start).
 */
export function checkRegisterFile(file: string): void {
  const params = { file: path.basename(file) };
  let st;
  try {
    st = statSync(file);
  } catch {
    throw reasonError('NOT_FOUND', 'register_missing', `${file} does not exist.`, params, { file });
  }
  if (!st.isFile()) throw reasonError('BAD_INPUT', 'not_a_register', `${file} is not a file.`, params, { file });
  let db: RegisterDb;
  try {
    db = openRegister(file, { readonly: true, mustExist: true });
  } catch (err) {
    if (err instanceof DbError && err.code === 'DB_TOO_NEW') throw err;
    const hq = err instanceof DbError && (err.details as { hq?: boolean } | undefined)?.hq === true;
    throw reasonError('DB_OPEN_FAILED', hq ? 'register_is_hq' : 'not_a_register', (err as Error).message, params, {
      file,
      hq,
    });
  }
  let district: unknown;
  let mode: unknown;
  try {
    district = getSetting(db, 'district');
    mode = getSetting(db, 'mode');
  } catch {
    district = undefined;
  } finally {
    void db.close();
  }
  if (mode === 'hq')
    throw reasonError('DB_OPEN_FAILED', 'register_is_hq', HQ_FILE_MESSAGE(file), params, { file, hq: true });
  if (!district)
    throw reasonError('DB_OPEN_FAILED', 'not_a_register', `${file} is not a Samooh district register.`, params, {
      file,
    });
}

/** The recent registers, most recent first; files gone since are marked, not dropped. */
export function recentRegisters(ctx: HandlerContext): {
  file: string;
  name: string;
  exists: boolean;
  current: boolean;
  district: { code: string; name: string; nameHi: string | null } | null;
}[] {
  const { recent } = readAppState(ctx.session.dataDir);
  const open = ctx.session.hasDb() ? ctx.session.db().file : null;
  return (Array.isArray(recent) ? recent : [])
    .filter((f): f is string => typeof f === 'string')
    .slice(0, RECENT_LIMIT)
    .map((file) => {
      let exists: boolean;
      try {
        exists = statSync(file).isFile();
      } catch {
        exists = false;
      }
      const current = file === open;
      return {
        file,
        name: path.basename(file),
        exists,
        current,
        district: exists ? districtOf(ctx, file, current) : null,
      };
    });
}

/** The district a register file names, read without changing the file; null when unreadable. */
function districtOf(
  ctx: HandlerContext,
  file: string,
  current: boolean,
): { code: string; name: string; nameHi: string | null } | null {
  let db: RegisterDb | undefined;
  try {
    db = current ? ctx.session.db() : openRegister(file, { readonly: true, mustExist: true });
    const d = getSetting(db, 'district');
    return d ? { code: d.code, name: d.name, nameHi: d.nameHi ?? null } : null;
  } catch {
    return null;
  } finally {
    if (db && !current) void db.close();
  }
}
