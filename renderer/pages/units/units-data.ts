// The units list joins two answers: the register's rows (units.list) and their compliance
// (compliance.report: status, members of the best group, threshold, shortfall).
import type { UnitCompliance, UnitStatus } from '../../../electron/services/compliance/types.js';
import type { Res } from '../../data/call.js';
import type { UnitType } from '../../../electron/contract/domain.js';

export type UnitListRow = Res<'units.list'>[number];

export interface UnitWithCompliance extends UnitListRow {
  compliance: UnitCompliance | undefined;
}

export type StatusFilter = '' | UnitStatus | 'failing';

export function joinCompliance(units: readonly UnitListRow[], report: readonly UnitCompliance[] | undefined) {
  const byCode = new Map((report ?? []).map((u) => [u.code, u]));
  return units.map((u): UnitWithCompliance => ({ ...u, compliance: byCode.get(u.code) }));
}

export interface UnitFilters {
  type: '' | UnitType;
  status: StatusFilter;
  search: string;
}

export function filterUnits(rows: readonly UnitWithCompliance[], f: UnitFilters): UnitWithCompliance[] {
  const q = f.search.trim().toLocaleLowerCase();
  return rows.filter((r) => {
    if (f.type && r.type !== f.type) return false;
    if (f.status) {
      const s = r.compliance?.status;
      if (f.status === 'failing' ? s !== 'short' && s !== 'missing' : s !== f.status) return false;
    }
    if (q) {
      const hay = `${r.code} ${r.name} ${r.nameHi ?? ''} ${r.division ?? ''}`.toLocaleLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

const STATUS_RANK: Record<UnitStatus, number> = { missing: 0, short: 1, compliant: 2 };
export function statusRank(s: UnitStatus | undefined): number | null {
  return s ? STATUS_RANK[s] : null;
}
