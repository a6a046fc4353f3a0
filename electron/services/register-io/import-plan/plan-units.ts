// The units sheet: upsert by code, blanks keep the register's values, and the parent rule —
// only a top-level thana can be a parent — checked against the units as they will be after the
// whole sheet (a file may name a parent on a later row), so no cycles can be written.
import type { IssueReason } from '../types.js';
import type { UnitRecord } from '../sheet-rows.js';
import { same, type PlanContext } from './plan-context.js';

type UnitValue = Omit<UnitRecord, 'row'>;

export function planUnits(ctx: PlanContext): void {
  const p = ctx.input.units;
  if (!p) return;
  const c = ctx.countsFor('units');
  const recs = ctx.rejectCaseClashes(
    'units',
    ctx.dedupe('units', p.records, (r) => r.code, 'code', c),
    ctx.unitByCode.keys(),
    c,
  );
  const merged = recs.map((r) => {
    const old = ctx.unitByCode.get(r.code);
    const value: UnitValue = {
      code: r.code,
      name: r.name,
      nameHi: r.nameHi ?? old?.nameHi ?? null,
      type: r.type,
      parentCode: r.parentCode ?? (old ? ctx.parentCodeOf(old) : null),
      division: r.division ?? old?.division ?? null,
    };
    return { r, old, value };
  });
  for (const m of merged) ctx.finalUnits.set(m.value.code, { type: m.value.type, parentCode: m.value.parentCode });

  for (const m of merged) {
    const problem = parentProblem(ctx, m.value);
    if (problem) {
      c.rejected++;
      ctx.reject(
        'units',
        m.r.row,
        ctx.header('units', 'parent_code'),
        m.value.parentCode,
        problem.code,
        problem.message,
        problem.params,
      );
      ctx.rejectedByPlan.units.set(m.value.code, m.r.row);
      // A later row (or sheet) must see the unit as the register has it, or not at all.
      if (!m.old) ctx.finalUnits.delete(m.value.code);
      else ctx.finalUnits.set(m.old.code, { type: m.old.type, parentCode: ctx.parentCodeOf(m.old) });
      continue;
    }
    ctx.sample('units', m.r.row, () => unitValues(m.value));
    const o = m.old;
    ctx.settle(
      'units',
      c,
      m.value,
      o,
      !!o &&
        (o.name !== m.value.name ||
          !same(o.nameHi, m.value.nameHi) ||
          o.type !== m.value.type ||
          !same(ctx.parentCodeOf(o), m.value.parentCode) ||
          !same(o.division, m.value.division)),
    );
  }
}

/** Why a unit's parent is not acceptable, if it is not. */
function parentProblem(ctx: PlanContext, v: UnitValue): IssueReason | undefined {
  const parent = v.parentCode;
  // An OP without a parent is refused whatever else is wrong: that is what the clerk must fix.
  if (v.type === 'op' && parent === null) {
    return {
      code: 'REQUIRED',
      message: 'an OP needs parent_code: the code of its thana',
      params: { variant: 'op_parent' },
    };
  }
  if (parent === null) return undefined;
  const pu = ctx.finalUnits.get(parent);
  if (!pu) return ctx.missingRef('units', parent);
  if (pu.type !== 'thana')
    return {
      code: 'PARENT_NOT_THANA',
      message: `parent ${parent} is a ${pu.type}, not a thana`,
      params: { variant: 'type', parent, type: pu.type },
    };
  if (pu.parentCode !== null) {
    return {
      code: 'PARENT_NOT_THANA',
      message: `parent ${parent} itself belongs to ${pu.parentCode}; name a top-level thana`,
      params: { variant: 'nested', parent, grandparent: pu.parentCode },
    };
  }
  if (parent === v.code) return { code: 'PARENT_SELF', message: 'a unit cannot be its own parent' };
  return undefined;
}

export function unitValues(v: UnitValue): Record<string, string | null> {
  return {
    code: v.code,
    name: v.name,
    name_hi: v.nameHi,
    type: v.type,
    parent_code: v.parentCode,
    division: v.division,
  };
}
