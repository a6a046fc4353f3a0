// Units: view, create, edit. Deleting, closing and merging a unit made by mistake: edits.ts.
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { listGroups } from '../../../db/groups.js';
import type { RegisterDb } from '../../../db/register-db.js';
import {
  countChildren,
  findUnit,
  getUnitRow,
  insertUnit,
  listUnits,
  updateUnit as updateUnitRow,
  type UnitValues,
} from '../../../db/units.js';
import type { CallInput } from '../../contract/calls/index.js';
import type { UnitType } from '../../contract/domain.js';
import { notFound, reasonError } from '../../contract/errors.js';
import { assertUnitCodeFree } from './codes.js';
import type { Actor } from '../actor.js';

/** OPs need a parent thana; other units may not have an OP or themselves as parent. */
function resolveParent(db: RegisterDb, type: UnitType, parentCode: string | null, selfCode?: string): number | null {
  if (!parentCode) {
    if (type === 'op')
      throw reasonError('BAD_INPUT', 'parent_required', 'an OP needs its parent thana', {}, { field: 'parentCode' });
    return null;
  }
  if (parentCode === selfCode)
    throw reasonError('BAD_INPUT', 'parent_self', 'a unit cannot be its own parent', {}, { field: 'parentCode' });
  const parent = findUnit(db, parentCode);
  if (!parent)
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `parent unit ${parentCode} does not exist`,
      { key: parentCode },
      { field: 'parentCode' },
    );
  if (type === 'op' && parent.type !== 'thana') {
    throw reasonError(
      'BAD_INPUT',
      'parent_not_thana',
      `the parent of an OP must be a thana; ${parentCode} is a ${parent.type}`,
      { code: parentCode },
      { field: 'parentCode' },
    );
  }
  return parent.id;
}

/** A unit with its groups and its OPs. */
export function getUnit(db: RegisterDb, code: string) {
  const unit = getUnitRow(db, code);
  if (!unit) throw notFound('unit', code);
  const children = listUnits(db, { parentCode: code });
  return { unit, groups: listGroups(db, { unitCode: code }), children };
}

export function createUnit(db: RegisterDb, a: CallInput<'units.create'>, by: Actor) {
  const at = by.now().toISOString();
  return transaction(db, () => {
    assertUnitCodeFree(db, a.code);
    const values: UnitValues = {
      code: a.code,
      name: a.name,
      nameHi: a.nameHi,
      type: a.type,
      parentId: resolveParent(db, a.type, a.parentCode),
      division: a.division,
    };
    insertUnit(db, values, at);
    appendAudit(db, { operator: by.operator, action: 'create', entity: 'unit', entityId: a.code, after: a }, by.now());
    return getUnitRow(db, a.code)!;
  });
}

export function updateUnit(db: RegisterDb, a: CallInput<'units.update'>, by: Actor) {
  const at = by.now().toISOString();
  return transaction(db, () => {
    const before = findUnit(db, a.code);
    if (!before) throw notFound('unit', a.code);
    if (before.type === 'thana' && a.type !== 'thana' && countChildren(db, before.id) > 0) {
      throw reasonError(
        'CONFLICT',
        'unit_has_ops',
        `${a.code} has OPs under it; move them to another thana first`,
        { code: a.code },
        { field: 'type' },
      );
    }
    const values = {
      name: a.name,
      nameHi: a.nameHi,
      type: a.type,
      parentId: resolveParent(db, a.type, a.parentCode, a.code),
      division: a.division,
    };
    updateUnitRow(db, before.id, values, at);
    appendAudit(
      db,
      { operator: by.operator, action: 'update', entity: 'unit', entityId: a.code, before, after: values },
      by.now(),
    );
    return getUnitRow(db, a.code)!;
  });
}
