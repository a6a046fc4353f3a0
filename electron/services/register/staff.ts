// Staff roster: view, create, edit; ranks.
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { listRanks as listRankRows, rankMatcher } from '../../../db/ranks.js';
import { findStaff, getStaffRow, insertStaff, updateStaff as updateStaffRow } from '../../../db/staff.js';
import { searchMembers } from '../../../db/memberships.js';
import { findUnit } from '../../../db/units.js';
import type { RegisterDb } from '../../../db/register-db.js';
import type { CallInput } from '../../contract/calls/index.js';
import { notFound, reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';

function resolve(db: RegisterDb, a: { rank: string; unitCode: string }) {
  const rank = rankMatcher(listRankRows(db))(a.rank);
  if (!rank)
    throw reasonError('BAD_INPUT', 'rank_unknown', `unknown rank "${a.rank}"`, { rank: a.rank }, { field: 'rank' });
  const unit = findUnit(db, a.unitCode);
  if (!unit) {
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `unit ${a.unitCode} does not exist`,
      { key: a.unitCode },
      { field: 'unitCode' },
    );
  }
  return { rankId: rank.id, postingUnitId: unit.id };
}

export function listRanks(db: RegisterDb) {
  return listRankRows(db).map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

/** A staff member with every membership, past ones included. */
export function getStaff(db: RegisterDb, serviceNo: string) {
  const staff = getStaffRow(db, serviceNo);
  if (!staff) throw notFound('staff member', serviceNo);
  const memberships = searchMembers(db, { staffId: staff.id, state: 'all', offset: 0, limit: 1000 }).rows;
  return { staff, memberships };
}

export function createStaff(db: RegisterDb, a: CallInput<'staff.create'>, by: Actor) {
  return transaction(db, () => {
    if (findStaff(db, a.serviceNo)) {
      throw reasonError(
        'CONFLICT',
        'service_no_taken',
        `service number ${a.serviceNo} is already in the roster`,
        { serviceNo: a.serviceNo },
        { field: 'serviceNo' },
      );
    }
    const { rankId, postingUnitId } = resolve(db, a);
    insertStaff(
      db,
      { serviceNo: a.serviceNo, name: a.name, rankId, gender: a.gender, postingUnitId, phone: a.phone },
      by.now().toISOString(),
    );
    appendAudit(
      db,
      { operator: by.operator, action: 'create', entity: 'staff', entityId: a.serviceNo, after: a },
      by.now(),
    );
    return getStaffRow(db, a.serviceNo)!;
  });
}

export function updateStaff(db: RegisterDb, a: CallInput<'staff.update'>, by: Actor) {
  return transaction(db, () => {
    const before = findStaff(db, a.serviceNo);
    if (!before) throw notFound('staff member', a.serviceNo);
    const { rankId, postingUnitId } = resolve(db, a);
    const values = { name: a.name, rankId, gender: a.gender, postingUnitId, phone: a.phone };
    updateStaffRow(db, before.id, values, by.now().toISOString());
    appendAudit(
      db,
      { operator: by.operator, action: 'update', entity: 'staff', entityId: a.serviceNo, before, after: values },
      by.now(),
    );
    return getStaffRow(db, a.serviceNo)!;
  });
}
