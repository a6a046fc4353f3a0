// The state report (SPEC §8, `samooh hq report`, the HQ dashboard): state figures are the sums
// over each district's latest accepted bundle; per district its latest bundle, silence, gaps,
// forks and policy version; trends over time from every bundle held.
import type { HqDb } from '../../../db/hq/connection.js';
import {
  allSequences,
  bundleFigures,
  bundlesOf,
  lastReceived,
  latestBundles,
  openForks,
  type HqBundleRow,
} from '../../../db/hq/bundles.js';
import { latestSignedPolicy } from '../../../db/hq/policies.js';
import { DEFAULT_TARGETS, getHqSetting, setHqSetting, type HqTargets } from '../../../db/hq/settings.js';
import { getDistrict, listDistrictKeys, listDistricts } from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { notFound, reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import type { ComplianceSummary } from '../compliance/types.js';
import type { ShortUnit } from './summary-figures.js';

export type { HqTargets };

export const DEFAULT_SILENT_DAYS = 14;
const DAY_MS = 86_400_000;

export interface StateFigures {
  districtsTrusted: number;
  districtsReporting: number;
  units: number;
  compliant: number;
  short: number;
  missing: number;
  percentCompliant: number;
  citizens: number;
  memberships: number;
  staffTotal: number;
  staffCovered: number;
  womenStaffTotal: number;
  womenStaffInWomenGroup: number;
  thanas: number;
  thanasCompliant: number;
  womenGroups: number;
  districtsSilent: number;
  districtsWithGaps: number;
  districtsForked: number;
  districtsOnOldPolicy: number;
}

export interface DistrictRow {
  code: string;
  name: string;
  nameHi: string | null;
  latestSequence: number | null;
  latestGeneratedAt: string | null;
  latestBaggingDate: string | null;
  receivedAt: string | null;
  /** Whole days since a bundle last arrived (since the district was trusted, if none ever did). */
  silentDays: number;
  silent: boolean;
  gaps: number[];
  forked: boolean;
  forks: { sequence: number; detail: string; message: string; detectedAt: string }[];
  policyVersion: number | null;
  oldPolicy: boolean;
  percentCompliant: number | null;
  summary: ComplianceSummary | null;
}

export interface TrendPoint {
  date: string;
  districts: number;
  units: number;
  compliant: number;
  citizens: number;
  staffTotal: number;
  staffCovered: number;
  thanas: number;
  thanasCompliant: number;
}

export interface HqReport {
  generatedAt: string;
  hq: { name: string; nameHi: string | null };
  silentDaysLimit: number;
  currentPolicyVersion: number;
  targets: HqTargets;
  state: StateFigures;
  districts: DistrictRow[];
  trend: TrendPoint[];
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

function gapsByDistrict(db: HqDb): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let district = '';
  let expected = 1;
  for (const r of allSequences(db)) {
    if (r.districtCode !== district) {
      district = r.districtCode;
      expected = 1;
    }
    const gaps = out.get(district) ?? [];
    for (let s = expected; s < r.sequence; s++) gaps.push(s);
    out.set(district, gaps);
    expected = r.sequence + 1;
  }
  return out;
}

/** State totals over time: at each bagging date, the sums over each district's latest bundle so far. */
function trend(db: HqDb): TrendPoint[] {
  const latest = new Map<string, ReturnType<typeof bundleFigures>[number]>();
  const points: TrendPoint[] = [];
  const rows = bundleFigures(db);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const held = latest.get(r.districtCode);
    if (!held || held.sequence < r.sequence) latest.set(r.districtCode, r);
    if (rows[i + 1]?.baggingDate === r.baggingDate) continue;
    const p: TrendPoint = {
      date: r.baggingDate,
      districts: latest.size,
      units: 0,
      compliant: 0,
      citizens: 0,
      staffTotal: 0,
      staffCovered: 0,
      thanas: 0,
      thanasCompliant: 0,
    };
    for (const b of latest.values()) {
      p.units += b.units;
      p.compliant += b.compliant;
      p.citizens += b.citizens;
      p.staffTotal += b.staffTotal;
      p.staffCovered += b.staffCovered;
      p.thanas += b.thanas;
      p.thanasCompliant += b.thanasCompliant;
    }
    points.push(p);
  }
  return points.slice(-104);
}

export function hqTargets(db: HqDb): HqTargets {
  return { ...DEFAULT_TARGETS, ...(getHqSetting(db, 'targets') ?? {}) };
}

export function setHqTargets(db: HqDb, patch: Partial<HqTargets>): HqTargets {
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in DEFAULT_TARGETS))
      throw reasonError('BAD_INPUT', 'hq_target_unknown', `Unknown target "${k}".`, { target: k });
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
      throw reasonError('BAD_INPUT', 'hq_target_count', `The target ${k} must be a whole number of 0 or more.`, {
        target: k,
      });
    }
    if ((k === 'compliantPercent' || k === 'staffCoveredPercent') && v > 100) {
      throw reasonError('BAD_INPUT', 'hq_target_percent', `The target ${k} is a percentage (0–100).`, { target: k });
    }
  }
  return transaction(db, () => {
    const next = { ...hqTargets(db), ...patch };
    setHqSetting(db, 'targets', next);
    return next;
  });
}

export function hqReport(db: HqDb, actor: Pick<Actor, 'now'>, opts: { silentDays?: number } = {}): HqReport {
  const now = actor.now();
  const silentLimit = opts.silentDays ?? DEFAULT_SILENT_DAYS;
  const identity = getHqSetting(db, 'identity');
  const currentPolicyVersion = latestSignedPolicy(db)?.version ?? 1;
  const latest = new Map<string, HqBundleRow>(latestBundles(db).map((b) => [b.districtCode, b]));
  const received = new Map(lastReceived(db).map((r) => [r.districtCode, r.receivedAt]));
  const gaps = gapsByDistrict(db);
  const forks = new Map<string, DistrictRow['forks']>();
  for (const f of openForks(db)) {
    const list = forks.get(f.districtCode) ?? [];
    list.push({ sequence: f.sequence, detail: f.detail, message: f.message, detectedAt: f.detectedAt });
    forks.set(f.districtCode, list);
  }
  const state: StateFigures = {
    districtsTrusted: 0,
    districtsReporting: 0,
    units: 0,
    compliant: 0,
    short: 0,
    missing: 0,
    percentCompliant: 0,
    citizens: 0,
    memberships: 0,
    staffTotal: 0,
    staffCovered: 0,
    womenStaffTotal: 0,
    womenStaffInWomenGroup: 0,
    thanas: 0,
    thanasCompliant: 0,
    womenGroups: 0,
    districtsSilent: 0,
    districtsWithGaps: 0,
    districtsForked: 0,
    districtsOnOldPolicy: 0,
  };
  const districts: DistrictRow[] = listDistricts(db).map((d) => {
    const b = latest.get(d.code);
    const since = received.get(d.code) ?? d.addedAt;
    const silentDays = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS));
    const row: DistrictRow = {
      code: d.code,
      name: d.name,
      nameHi: d.nameHi,
      latestSequence: b?.sequence ?? null,
      latestGeneratedAt: b?.generatedAt ?? null,
      latestBaggingDate: b?.baggingDate ?? null,
      receivedAt: b?.receivedAt ?? null,
      silentDays,
      silent: silentDays > silentLimit,
      gaps: gaps.get(d.code) ?? [],
      forked: forks.has(d.code),
      forks: forks.get(d.code) ?? [],
      policyVersion: b?.policyVersion ?? null,
      oldPolicy: b !== undefined && b.policyVersion < currentPolicyVersion,
      percentCompliant: b ? pct(b.compliant, b.units) : null,
      summary: b ? (JSON.parse(b.summary) as ComplianceSummary) : null,
    };
    state.districtsTrusted++;
    if (row.silent) state.districtsSilent++;
    if (row.gaps.length) state.districtsWithGaps++;
    if (row.forked) state.districtsForked++;
    if (row.oldPolicy) state.districtsOnOldPolicy++;
    if (b) {
      state.districtsReporting++;
      state.units += b.units;
      state.compliant += b.compliant;
      state.short += b.short;
      state.missing += b.missing;
      state.citizens += b.citizens;
      state.memberships += b.memberships;
      state.staffTotal += b.staffTotal;
      state.staffCovered += b.staffCovered;
      state.womenStaffTotal += b.womenStaffTotal;
      state.womenStaffInWomenGroup += b.womenStaffInWomenGroup;
      state.thanas += b.thanas;
      state.thanasCompliant += b.thanasCompliant;
      state.womenGroups += b.womenGroups;
    }
    return row;
  });
  state.percentCompliant = pct(state.compliant, state.units);
  return {
    generatedAt: now.toISOString(),
    hq: { name: identity?.name ?? '', nameHi: identity?.nameHi ?? null },
    silentDaysLimit: silentLimit,
    currentPolicyVersion,
    targets: hqTargets(db),
    state,
    districts,
    trend: trend(db),
  };
}

export interface DistrictDetail {
  code: string;
  name: string;
  nameHi: string | null;
  keys: { keyId: string; retiredFrom: string | null }[];
  latest: {
    sequence: number;
    baggingDate: string;
    generatedAt: string;
    receivedAt: string;
    policyVersion: number;
    keyId: string;
    fileName: string;
    summary: ComplianceSummary;
    shortUnits: ShortUnit[];
  } | null;
  history: {
    sequence: number;
    baggingDate: string;
    receivedAt: string;
    units: number;
    compliant: number;
    citizens: number;
  }[];
}

/** The drill-down: a district's latest summary, its short units, and its bundles. */
export function districtDetail(db: HqDb, code: string): DistrictDetail {
  const d = getDistrict(db, code);
  if (!d) throw notFound('district', code);
  const bundles = bundlesOf(db, code);
  const b = bundles[bundles.length - 1];
  return {
    code: d.code,
    name: d.name,
    nameHi: d.nameHi,
    keys: listDistrictKeys(db, code).map((k) => ({ keyId: k.keyId, retiredFrom: k.retiredFrom })),
    latest: b
      ? {
          sequence: b.sequence,
          baggingDate: b.baggingDate,
          generatedAt: b.generatedAt,
          receivedAt: b.receivedAt,
          policyVersion: b.policyVersion,
          keyId: b.keyId,
          fileName: b.fileName,
          summary: JSON.parse(b.summary) as ComplianceSummary,
          shortUnits: JSON.parse(b.shortUnits) as ShortUnit[],
        }
      : null,
    history: bundles.map((x) => ({
      sequence: x.sequence,
      baggingDate: x.baggingDate,
      receivedAt: x.receivedAt,
      units: x.units,
      compliant: x.compliant,
      citizens: x.citizens,
    })),
  };
}
