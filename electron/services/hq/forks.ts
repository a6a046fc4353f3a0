// Clearing a district's fork flag once HQ has looked into it (the refused bundles stay on record).
import type { HqDb } from '../../../db/hq/connection.js';
import { clearForks } from '../../../db/hq/bundles.js';
import { getDistrict } from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { notFound } from '../../contract/errors.js';
import type { Actor } from '../actor.js';

export function clearDistrictForks(db: HqDb, district: string, actor: Actor): { district: string; cleared: number } {
  return transaction(db, () => {
    if (!getDistrict(db, district)) throw notFound('district', district);
    return { district, cleared: clearForks(db, district, actor.now().toISOString(), actor.operator) };
  });
}
