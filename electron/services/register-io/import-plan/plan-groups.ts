// The groups sheet: upsert by code; the unit must be one the register will have after the units
// sheet, the admin (when named, or kept from the register) a staff member it will have after the
// staff sheet. Blanks keep the register's values; a new group without a status is active.
import type { GroupStatus } from '../../../../db/schema.js';
import type { GroupRecord } from '../sheet-rows.js';
import type { IssueReason } from '../types.js';
import { same, type PlanContext } from './plan-context.js';

type GroupValue = Omit<GroupRecord, 'row' | 'status'> & { status: GroupStatus };

export function planGroups(ctx: PlanContext): void {
  const p = ctx.input.groups;
  if (!p) return;
  const c = ctx.countsFor('groups');
  const recs = ctx.rejectCaseClashes(
    'groups',
    ctx.dedupe('groups', p.records, (r) => r.code, 'code', c),
    ctx.groupByCode.keys(),
    c,
  );
  for (const r of recs) {
    const old = ctx.groupByCode.get(r.code);
    const oldAdmin = old && old.adminStaffId !== null ? (ctx.staffNoById.get(old.adminStaffId) ?? null) : null;
    const value: GroupValue = {
      code: r.code,
      unitCode: r.unitCode,
      kind: r.kind,
      name: r.name,
      createdOn: r.createdOn ?? old?.createdOn ?? null,
      adminServiceNo: r.adminServiceNo ?? oldAdmin,
      inviteLink: r.inviteLink ?? old?.inviteLink ?? null,
      status: r.status ?? old?.status ?? 'active',
    };
    const problem = referenceProblem(ctx, value);
    if (problem) {
      c.rejected++;
      ctx.reject('groups', r.row, problem.column, problem.value, problem.code, problem.message, problem.params);
      ctx.rejectedByPlan.groups.set(r.code, r.row);
      continue;
    }
    ctx.finalGroups.add(r.code);
    ctx.sample('groups', r.row, () => groupValues(value));
    ctx.settle(
      'groups',
      c,
      value,
      old,
      !!old &&
        (ctx.unitCodeById.get(old.unitId) !== value.unitCode ||
          old.kind !== value.kind ||
          old.name !== value.name ||
          !same(old.createdOn, value.createdOn) ||
          !same(oldAdmin, value.adminServiceNo) ||
          !same(old.inviteLink, value.inviteLink) ||
          old.status !== value.status),
    );
  }
}

/** The first reference of a group that does not resolve: its unit, then its admin. */
function referenceProblem(
  ctx: PlanContext,
  v: GroupValue,
): ({ column: string; value: string } & IssueReason) | undefined {
  if (!ctx.finalUnits.has(v.unitCode)) {
    return { column: ctx.header('groups', 'unit_code'), value: v.unitCode, ...ctx.missingRef('units', v.unitCode) };
  }
  if (v.adminServiceNo !== null && !ctx.finalStaff.has(v.adminServiceNo)) {
    return {
      column: ctx.header('groups', 'admin_service_no'),
      value: v.adminServiceNo,
      ...ctx.missingRef('staff', v.adminServiceNo),
    };
  }
  return undefined;
}

export function groupValues(v: GroupValue): Record<string, string | null> {
  return {
    code: v.code,
    unit_code: v.unitCode,
    kind: v.kind,
    name: v.name,
    created_on: v.createdOn,
    admin_service_no: v.adminServiceNo,
    invite_link: v.inviteLink,
    status: v.status,
  };
}
