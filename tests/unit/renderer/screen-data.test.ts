import { describe, expect, it } from 'vitest';
import type { StaffBreakdownRow, UnitCompliance } from '../../../electron/services/compliance/types.js';
import { toErrorData, fieldErrors } from '../../../renderer/data/errors.js';
import {
  coverageByRank,
  thresholdOf,
  unitsByTypeAndStatus,
  unitsNeedingAttention,
} from '../../../renderer/pages/dashboard/dashboard-data.js';
import { filterUnits, joinCompliance, type UnitListRow } from '../../../renderer/pages/units/units-data.js';
import { ApiError } from '../../../renderer/api/index.js';

function unit(
  code: string,
  type: UnitCompliance['type'],
  status: UnitCompliance['status'],
  members: number,
): UnitCompliance {
  const required = type === 'thana' ? 200 : type === 'op' ? 100 : null;
  return {
    code,
    name: code,
    nameHi: null,
    type,
    parentCode: null,
    division: null,
    status,
    members,
    required,
    shortfall: required === null ? 0 : Math.max(0, required - members),
    groups: status === 'missing' ? [] : [`${code}-G`],
    split: { eminent: 0, public: members, staff: 0 },
    rule: type === 'thana' ? 'R1' : type === 'op' ? 'R2' : type === 'division' ? 'R5' : null,
    bestGroup: status === 'missing' ? null : `${code}-G`,
  };
}

const report = [
  unit('T1', 'thana', 'compliant', 230),
  unit('T2', 'thana', 'short', 150),
  unit('T3', 'thana', 'missing', 0),
  unit('O1', 'op', 'short', 90),
  unit('D1', 'division', 'compliant', 12),
];

describe('dashboard figures', () => {
  it('counts units by type and status', () => {
    expect(unitsByTypeAndStatus(report)).toEqual([
      { type: 'thana', counts: { compliant: 1, short: 1, missing: 1, total: 3 } },
      { type: 'op', counts: { compliant: 0, short: 1, missing: 0, total: 1 } },
      { type: 'division', counts: { compliant: 1, short: 0, missing: 0, total: 1 } },
    ]);
  });

  it('reads thresholds from the report, never from constants', () => {
    expect(thresholdOf(report, 'thana')).toBe(200);
    expect(thresholdOf(report, 'op')).toBe(100);
    expect(thresholdOf(report, 'division')).toBeNull();
  });

  it('lists missing units first, then the biggest shortfall', () => {
    expect(unitsNeedingAttention(report).map((u) => u.code)).toEqual(['T3', 'T2', 'O1']);
  });

  it('sums staff coverage per rank, for all or for women only', () => {
    const rows: StaffBreakdownRow[] = [
      { rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक', gender: 'M', total: 10, covered: 9 },
      { rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक', gender: 'F', total: 4, covered: 2 },
      { rank: 'CONST', rankEn: 'Constable', rankHi: 'सिपाही', gender: 'M', total: 50, covered: 50 },
    ];
    expect(coverageByRank(rows, false)).toEqual([
      { rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक', total: 14, covered: 11, uncovered: 3 },
      { rank: 'CONST', rankEn: 'Constable', rankHi: 'सिपाही', total: 50, covered: 50, uncovered: 0 },
    ]);
    expect(coverageByRank(rows, true)).toEqual([
      { rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक', total: 4, covered: 2, uncovered: 2 },
    ]);
  });
});

describe('units list filters', () => {
  const rows: UnitListRow[] = report.map((u) => ({
    id: 1,
    code: u.code,
    name: u.code === 'T1' ? 'Kotwali' : u.code,
    nameHi: u.code === 'T1' ? 'कोतवाली' : null,
    type: u.type,
    parentCode: null,
    division: u.type === 'division' ? 'CID' : null,
    status: 'active',
    activeGroups: 1,
    closedGroups: 0,
  }));
  const joined = joinCompliance(rows, report);

  it('filters by type, status (failing = short or missing) and text in either script', () => {
    expect(filterUnits(joined, { type: 'thana', status: '', search: '' }).map((u) => u.code)).toEqual([
      'T1',
      'T2',
      'T3',
    ]);
    expect(filterUnits(joined, { type: '', status: 'failing', search: '' }).map((u) => u.code)).toEqual([
      'T2',
      'T3',
      'O1',
    ]);
    expect(filterUnits(joined, { type: 'thana', status: 'short', search: '' }).map((u) => u.code)).toEqual(['T2']);
    expect(filterUnits(joined, { type: '', status: '', search: 'कोतवा' }).map((u) => u.code)).toEqual(['T1']);
    expect(filterUnits(joined, { type: '', status: '', search: 'cid' }).map((u) => u.code)).toEqual(['D1']);
  });
});

describe('errors as data', () => {
  it('brings API errors, plain errors and anything else to { code, message }', () => {
    expect(toErrorData(new ApiError('CONFLICT', 'code used', { field: 'code' }))).toEqual({
      code: 'CONFLICT',
      message: 'code used',
      details: { field: 'code' },
    });
    expect(toErrorData(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toErrorData('weird')).toEqual({ code: 'INTERNAL', message: 'weird' });
  });

  it('finds the fields a backend error names (details.field and zod issue paths)', () => {
    expect(fieldErrors({ code: 'BAD_INPUT', message: 'parent missing', details: { field: 'parentCode' } })).toEqual({
      parentCode: 'parent missing',
    });
    expect(
      fieldErrors({
        code: 'BAD_INPUT',
        message: 'x',
        details: {
          issues: [
            { path: ['inviteLink'], message: 'bad link' },
            { path: [], message: 'ignored' },
          ],
        },
      }),
    ).toEqual({ inviteLink: 'bad link' });
  });
});

describe('members chart axis', () => {
  it('uses round steps that cover the threshold and the biggest group', async () => {
    const { niceAxis } = await import('../../../renderer/pages/dashboard/MembersChart.js');
    expect(niceAxis(210)).toEqual({ max: 250, ticks: [0, 50, 100, 150, 200, 250] });
    expect(niceAxis(905)).toEqual({ max: 1000, ticks: [0, 200, 400, 600, 800, 1000] });
    expect(niceAxis(105)).toEqual({ max: 125, ticks: [0, 25, 50, 75, 100, 125] });
    expect(niceAxis(10.5)).toEqual({ max: 15, ticks: [0, 5, 10, 15] }); // whole numbers only
  });
});
