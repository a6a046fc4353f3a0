// The staff sheet: upsert by service number; the posting unit must be a unit the register will
// have after the units sheet. A blank phone keeps the register's.
import type { StaffRecord } from '../sheet-rows.js';
import { same, type PlanContext } from './plan-context.js';

export function planStaff(ctx: PlanContext): void {
  const p = ctx.input.staff;
  if (!p) return;
  const c = ctx.countsFor('staff');
  const recs = ctx.dedupe('staff', p.records, (r) => r.serviceNo, 'service_no', c);
  for (const r of recs) {
    if (!ctx.finalUnits.has(r.postingUnitCode)) {
      const m = ctx.missingRef('units', r.postingUnitCode);
      c.rejected++;
      ctx.reject(
        'staff',
        r.row,
        ctx.header('staff', 'posting_unit_code'),
        r.postingUnitCode,
        m.code,
        m.message,
        m.params,
      );
      ctx.rejectedByPlan.staff.set(r.serviceNo, r.row);
      continue;
    }
    const old = ctx.staffByNo.get(r.serviceNo);
    const value = {
      serviceNo: r.serviceNo,
      name: r.name,
      rankId: r.rankId,
      gender: r.gender,
      postingUnitCode: r.postingUnitCode,
      phone: r.phone ?? old?.phone ?? null,
    };
    ctx.finalStaff.add(r.serviceNo);
    ctx.sample('staff', r.row, () => staffValues(r, value.phone));
    ctx.settle(
      'staff',
      c,
      value,
      old,
      !!old &&
        (old.name !== value.name ||
          old.rankId !== value.rankId ||
          old.gender !== value.gender ||
          ctx.unitCodeById.get(old.postingUnitId) !== value.postingUnitCode ||
          !same(old.phone, value.phone)),
    );
  }
}

export function staffValues(r: StaffRecord, phone: string | null): Record<string, string | null> {
  return {
    service_no: r.serviceNo,
    name: r.name,
    rank: r.rank,
    gender: r.gender,
    posting_unit_code: r.postingUnitCode,
    phone,
  };
}
