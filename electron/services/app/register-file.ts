// Creating and opening the app's register files under the data folder.
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { seedDefaultRanks } from '../../../db/ranks.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { RegisterDb } from '../../../db/connection.js';
import { AppError } from '../../backend/errors.js';
import type { HandlerContext } from '../../backend/context.js';
import { writeAppState } from '../../backend/session.js';

export interface DistrictInput {
  code: string;
  name: string;
  nameHi: string | null;
}

/** Default ranks, the district's identity and mode, one audit entry — in one transaction. */
export function initialiseRegister(db: RegisterDb, d: DistrictInput, operator: string, now: Date): void {
  const existing = getSetting(db, 'district');
  if (existing && existing.code !== d.code) {
    throw new AppError('CONFLICT', `this register already belongs to district ${existing.code} (${existing.name})`);
  }
  seedDefaultRanks(db);
  transaction(db, () => {
    setSetting(db, 'district', { code: d.code, name: d.name, nameHi: d.nameHi });
    setSetting(db, 'mode', 'district');
    if (!existing) {
      appendAudit(db, { operator, action: 'create', entity: 'register', entityId: d.code, after: d }, now);
    }
  });
}

/** <dataDir>/<CODE>.sqlite; the code is already validated to be file-name safe. */
export function registerPath(ctx: HandlerContext, name: string): string {
  return path.join(ctx.session.dataDir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.sqlite`);
}

export function openAndRemember(ctx: HandlerContext, file: string): RegisterDb {
  const db = ctx.session.open(file);
  writeAppState(ctx.session.dataDir, { lastRegister: file });
  return db;
}
