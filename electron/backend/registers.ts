// The app's register files under its data folder, and which one it reopens next time.
import path from 'node:path';
import type { RegisterDb } from '../../db/register-db.js';
import type { HandlerContext } from './context.js';
import { writeAppState } from './session.js';

/** <dataDir>/<CODE>.sqlite; the code is already validated to be file-name safe. */
export function registerPath(ctx: HandlerContext, name: string): string {
  return path.join(ctx.session.dataDir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.sqlite`);
}

export function openAndRemember(ctx: HandlerContext, file: string): RegisterDb {
  const db = ctx.session.open(file);
  writeAppState(ctx.session.dataDir, { lastRegister: file });
  return db;
}
