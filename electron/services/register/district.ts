// A register's identity: which district it belongs to, its default ranks, its mode.
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { seedDefaultRanks } from '../../../db/ranks.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { reasonError } from '../../contract/errors.js';

export interface DistrictInput {
  code: string;
  name: string;
  nameHi: string | null;
}

/** Default ranks, the district's identity and mode, one audit entry — in one transaction. */
export function initialiseRegister(db: RegisterDb, d: DistrictInput, operator: string, now: Date): void {
  const existing = getSetting(db, 'district');
  if (existing && existing.code !== d.code) {
    throw reasonError(
      'CONFLICT',
      'district_already_set',
      `this register already belongs to district ${existing.code} (${existing.name})`,
      { code: existing.code, name: existing.name },
    );
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
