// The demo district (`samooh demo`, the app's "Open demo district"): a realistic, deterministic
// Bihar police district so that a newcomer — or a benchmark — has something true-to-life to look
// at. Same seed, same register, same compliance report.
//
// `district` scale: ~25 thanas (incl. the Mahila, Cyber and SC/ST thanas), 10 OPs, the police
// lines, 3 division units, 1,500 staff in a rank pyramid (~18 % women), 8,000 citizens with Hindi
// and English names, and a deliberate mix: most thanas compliant, some short, some missing; one
// group near WhatsApp's cap (R7 warning); a women's group with one man in it (R4 fails); one
// division unit without a group (R5 fails); some staff in no group (R6 fails); membership
// history (people who left) and closed groups that no longer count.
// `state` scale: 1,300 thanas/OPs, 2,60,000 citizens, 60,000 staff — for benchmarks.
//
// Thresholds come from the active policy, so the mix survives a policy change.
import type { RegisterDb } from '../../../db/register-db.js';
import { appendAudit } from '../../../db/audit.js';
import { demoInserters, registerCounts, registerIsEmpty } from '../../../db/demo-insert.js';
import { transaction } from '../../../db/exec.js';
import { listRanks, seedDefaultRanks } from '../../../db/ranks.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { CitizenCategory, Gender, GroupKind } from '../../../db/schema.js';
import type { Progress } from '../../contract/progress.js';
import { reasonError } from '../../contract/errors.js';
import type { Policy } from '../../contract/policy.js';
import { fastIndianMobile } from '../../contract/values/phone.js';
import { activePolicy } from '../compliance/policy.js';
import {
  CONSENT_HOW,
  DISTRICTS,
  DIVISION_UNITS,
  EMINENT_OCCUPATIONS,
  FEMALE_MUSLIM_SURNAMES,
  FEMALE_NAMES,
  FEMALE_SURNAMES,
  MALE_NAMES,
  MOHALLAS,
  MUSLIM_SURNAMES,
  PLACE_ROOTS,
  PLACE_SUFFIXES,
  PUBLIC_OCCUPATIONS,
  SPECIAL_THANAS,
  SURNAMES,
  THANA_NAMES,
  type Pair,
} from './demo-vocabulary.js';

export type DemoScale = 'district' | 'state';

export interface DemoOptions {
  scale: DemoScale;
  /** PRNG seed; the same seed (and `now`) gives the same register. */
  seed?: number;
  /** "Today" for the demo's dates; defaults to the real date. */
  now?: Date;
  /** Who filled it, for the audit log. */
  operator?: string;
  progress?: (p: Progress) => void;
}

export interface DemoResult {
  scale: DemoScale;
  seed: number;
  district: { code: string; name: string };
  counts: { units: number; staff: number; groups: number; people: number; memberships: number };
  ms: number;
}

export const DEFAULT_DEMO_SEED = 2019;
export const DEMO_DISTRICT = { code: 'DEMO', name: 'Demo District', nameHi: 'डेमो ज़िला' } as const;

interface ScaleSpec {
  thanas: number;
  ops: number;
  divisions: number;
  staff: number;
  citizens: number;
}

const SCALES: Record<DemoScale, ScaleSpec> = {
  district: { thanas: 25, ops: 10, divisions: 3, staff: 1_500, citizens: 8_000 },
  state: { thanas: 1_000, ops: 300, divisions: 6, staff: 60_000, citizens: 2_60_000 },
};

/** Staff per 1,500 by rank code: a district's pyramid (Bihar police plus home guards, chowkidars). */
const RANK_MIX: readonly [code: string, per1500: number, womenShare: number][] = [
  ['SP', 1, 0],
  ['ADDL_SP', 2, 0.5],
  ['ASP', 1, 0],
  ['DSP', 7, 0.15],
  ['INSPECTOR', 22, 0.1],
  ['SI', 190, 0.22],
  ['ASI', 150, 0.1],
  ['HAVILDAR', 110, 0.05],
  ['CONSTABLE', 780, 0.24],
  ['HOME_GUARD', 120, 0.1],
  ['CHOWKIDAR', 75, 0.03],
  ['DAFADAR', 12, 0],
  ['CIVILIAN', 30, 0.3],
];

/** Where each rank is posted: weights for the district centre, thanas, OPs, division units. */
const POSTING: Record<string, [dc: number, thana: number, op: number, div: number]> = {
  SP: [1, 0, 0, 0],
  ADDL_SP: [1, 0, 0, 0],
  ASP: [1, 0, 0, 0],
  DSP: [1, 0, 0, 0],
  INSPECTOR: [0.4, 0.6, 0, 0],
  SI: [0.15, 0.65, 0.1, 0.1],
  ASI: [0.15, 0.6, 0.15, 0.1],
  HAVILDAR: [0.35, 0.35, 0.1, 0.2],
  CONSTABLE: [0.3, 0.4, 0.1, 0.2],
  HOME_GUARD: [0.3, 0.6, 0.1, 0],
  CHOWKIDAR: [0, 0.85, 0.15, 0],
  DAFADAR: [0, 1, 0, 0],
  CIVILIAN: [0.7, 0, 0, 0.3],
};

/** The district centre's rank-wise staff groups (SPEC §1: "a rank-wise group of police personnel"). */
const RANK_GROUPS: readonly { key: string; ranks: readonly string[]; name: string }[] = [
  {
    key: 'OFFICERS',
    ranks: ['DGP', 'ADG', 'IG', 'DIG', 'SSP', 'SP', 'ADDL_SP', 'ASP', 'DSP', 'INSPECTOR'],
    name: 'Police Officers',
  },
  { key: 'SI', ranks: ['SI'], name: 'Sub-Inspectors' },
  { key: 'ASI-HAV', ranks: ['ASI', 'HAVILDAR'], name: 'ASI & Havildar' },
  { key: 'CONST', ranks: ['CONSTABLE'], name: 'Constables' },
  { key: 'HG-CK', ranks: ['HOME_GUARD', 'CHOWKIDAR', 'DAFADAR'], name: 'Home Guard & Chowkidar' },
  { key: 'MIN', ranks: ['CIVILIAN'], name: 'Ministerial Staff' },
];

/** Share of staff who joined their rank-wise group; the rest rely on other groups or are uncovered. */
const RANK_GROUP_JOIN = 0.965;
const WOMEN_GROUP_JOIN = 0.9;
/** Share of a group's member slots taken by someone already in another group. */
const OVERLAP = 0.03;
/** Extra left memberships (history), as a share of citizen slots. */
const LEFT_SHARE = 0.04;

/** Small, fast, seedable PRNG (mulberry32): the demo must be identical for a seed everywhere. */
class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function slug(s: string): string {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type UnitClass = 'dc' | 'thana' | 'op' | 'div';

interface PlannedUnit {
  id: number;
  code: string;
  key: string; // part of group codes
  cls: UnitClass;
  name: Pair;
  /** Planned status for thanas/OPs; group kind plan for division units. */
  plan: 'compliant' | 'short' | 'missing';
  localities: Pair[];
  staff: { id: number; rankOrder: number; rank: string; gender: Gender }[];
  groupSeq: number;
}

interface PlannedGroup {
  unit: PlannedUnit;
  kind: GroupKind;
  name: string;
  status: 'active' | 'closed';
  /** Citizen member slots to fill. */
  citizens: number;
  /** Part of `citizens` above what the group needs (scaled to hit the citizen total). */
  extra: number;
  staffIds: number[];
  createdOnMs: number;
  /** Share of members that left when the group was closed (closed groups only). */
  leftShare: number;
}

/**
 * Fills an empty register with the demo district. Everything is written in one transaction
 * (a crash leaves the register empty), with one audit entry for the fill.
 */
export function fillDemo(db: RegisterDb, opts: DemoOptions): DemoResult {
  const t0 = performance.now();
  const spec = SCALES[opts.scale];
  if (!spec) {
    throw reasonError(
      'BAD_INPUT',
      'demo_bad_scale',
      `Unknown demo scale ${String(opts.scale)}: use district or state`,
      {
        scale: String(opts.scale),
      },
    );
  }
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw reasonError(
      'BAD_INPUT',
      'demo_bad_seed',
      `The demo seed must be a whole number from 0 to 4294967295, not ${seed}`,
      { seed: String(seed) },
    );
  }
  const now = opts.now ?? new Date();
  const operator = opts.operator ?? 'system';
  const progress = opts.progress ?? (() => {});

  return transaction(db, () => {
    if (!registerIsEmpty(db)) {
      throw reasonError(
        'CONFLICT',
        'register_not_empty',
        'This register already holds units, staff, groups or people; the demo fills only an empty register. Use a new file.',
      );
    }
    seedDefaultRanks(db);
    let district = getSetting(db, 'district');
    if (!district) {
      district = { ...DEMO_DISTRICT };
      setSetting(db, 'district', district);
    }
    const policy = activePolicy(db, { operator, now });
    new DemoBuilder(db, policy, spec, new Random(seed), now, district, progress).build();
    const counts = registerCounts(db);
    appendAudit(
      db,
      {
        operator,
        action: 'demo',
        entity: 'register',
        entityId: district.code,
        after: { scale: opts.scale, seed, district: district.code, ...counts },
      },
      now,
    );
    return {
      scale: opts.scale,
      seed,
      district: { code: district.code, name: district.name },
      counts,
      ms: Math.round(performance.now() - t0),
    };
  });
}

/**
 * For the app's "Open demo district": fills the register when it is empty, and leaves a
 * register that already holds data alone (returns null).
 */
export function fillDemoIfEmpty(db: RegisterDb, opts: DemoOptions): DemoResult | null {
  if (!registerIsEmpty(db)) return null;
  return fillDemo(db, opts);
}

class DemoBuilder {
  private readonly ins;
  private readonly stamp: string;
  private readonly todayMs: number;
  private readonly phones = new Set<number>();
  private readonly units: PlannedUnit[] = [];
  private readonly groups: PlannedGroup[] = [];
  private readonly rankIds = new Map<string, { id: number; order: number }>();
  private staffSeq = 0;
  private written = 0;
  private readonly totalRows: number;
  private lastReport = 0;

  constructor(
    private readonly db: RegisterDb,
    private readonly policy: Policy,
    private readonly spec: ScaleSpec,
    private readonly rnd: Random,
    now: Date,
    private readonly district: { code: string; name: string; nameHi?: string | null },
    private readonly progress: (p: Progress) => void,
  ) {
    this.ins = demoInserters(db);
    this.stamp = now.toISOString();
    this.todayMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    for (const r of listRanks(db)) this.rankIds.set(r.code, { id: r.id, order: r.sortOrder });
    this.totalRows = Math.round(spec.staff * 2.1 + spec.citizens * 2.1 + (spec.thanas + spec.ops) * 3);
  }

  build(): void {
    this.makeUnits();
    this.makeStaff();
    this.planGroups();
    this.writeGroupsAndMembers();
    this.progress({ phase: 'write', done: this.totalRows, total: this.totalRows, message: 'demo district written' });
  }

  // ---------------------------------------------------------------- units

  private makeUnits(): void {
    const D = this.district.code;
    const dc = this.addUnit({
      code: `${D}-DC`,
      key: 'DC',
      cls: 'dc',
      name: ['Police Lines', 'पुलिस लाइन'],
      type: 'district_centre',
    });
    dc.localities = [...MOHALLAS];

    const thanaNames = this.thanaNames(this.spec.thanas);
    const thanaPlan = this.statusPlan(this.spec.thanas, 0.6, 0.28);
    const thanas: PlannedUnit[] = thanaNames.map(({ name, key }, i) => {
      const u = this.addUnit({ code: `${D}-T-${key}`, key, cls: 'thana', name, type: 'thana' });
      u.plan = thanaPlan[i]!;
      // Town thanas (the first few) get mohallas; rural ones villages.
      u.localities = i < 8 ? this.pickSome(MOHALLAS, 6) : this.villages(8);
      return u;
    });

    const areaThanas = thanas.filter((t) => !SPECIAL_THANAS.some((s) => s[0] === t.name[0]));
    const opNames = this.opNames(this.spec.ops);
    const opPlan = this.statusPlan(this.spec.ops, 0.5, 0.3);
    opNames.forEach(({ name, key }, i) => {
      const parent = this.rnd.pick(areaThanas);
      const u = this.addUnit({
        code: `${D}-OP-${key}`,
        key: `OP-${key}`,
        cls: 'op',
        name,
        type: 'op',
        parentId: parent.id,
      });
      u.plan = opPlan[i]!;
      u.localities = [name, ...this.villages(4)];
    });

    for (let i = 0; i < this.spec.divisions; i++) {
      const d = DIVISION_UNITS[i % DIVISION_UNITS.length]!;
      const suffix = i < DIVISION_UNITS.length ? '' : `-${Math.floor(i / DIVISION_UNITS.length) + 1}`;
      const u = this.addUnit({
        code: `${D}-DIV-${d.code}${suffix}`,
        key: `${d.code}${suffix}`,
        cls: 'div',
        name: d.name,
        type: 'division',
        division: d.division,
      });
      // Every third division unit has no group of its own (R5 fails there).
      u.plan = i % 3 === 2 ? 'missing' : 'compliant';
      u.localities = [...MOHALLAS];
    }
  }

  private addUnit(o: {
    code: string;
    key: string;
    cls: UnitClass;
    name: Pair;
    type: 'thana' | 'op' | 'district_centre' | 'division';
    parentId?: number;
    division?: string;
  }): PlannedUnit {
    const id = this.ins.unit({
      code: o.code,
      name: o.name[0],
      nameHi: o.name[1],
      type: o.type,
      parentId: o.parentId ?? null,
      division: o.division ?? null,
      createdAt: this.stamp,
      updatedAt: this.stamp,
    });
    this.tick();
    const u: PlannedUnit = {
      id,
      code: o.code,
      key: o.key,
      cls: o.cls,
      name: o.name,
      plan: 'compliant',
      localities: [],
      staff: [],
      groupSeq: 0,
    };
    this.units.push(u);
    return u;
  }

  /** A shuffled list with fixed shares, so every seed gets compliant, short and missing units. */
  private statusPlan(n: number, compliantShare: number, shortShare: number): PlannedUnit['plan'][] {
    const compliant = Math.round(n * compliantShare);
    const short = Math.min(n - compliant, Math.max(n > 2 ? 1 : 0, Math.round(n * shortShare)));
    const plan: PlannedUnit['plan'][] = [];
    for (let i = 0; i < n; i++) plan.push(i < compliant ? 'compliant' : i < compliant + short ? 'short' : 'missing');
    return this.rnd.shuffle(plan);
  }

  private thanaNames(n: number): { name: Pair; key: string }[] {
    if (n <= THANA_NAMES.length + SPECIAL_THANAS.length) {
      const area = THANA_NAMES.slice(0, Math.max(0, n - SPECIAL_THANAS.length));
      const all = [...area, ...SPECIAL_THANAS].slice(0, n);
      return all.map((name) => ({ name, key: slug(name[0]) }));
    }
    // State size: "<place> (<district>)", unique for up to lcm(places, 38) stations.
    const places = this.rnd.shuffle(this.placeCombos());
    const out: { name: Pair; key: string }[] = [];
    for (let i = 0; i < n; i++) {
      const p = places[i % places.length]!;
      const d = DISTRICTS[i % DISTRICTS.length]!;
      out.push({ name: [`${p[0]} (${d[0]})`, `${p[1]} (${d[1]})`], key: String(i + 1).padStart(4, '0') });
    }
    return out;
  }

  private opNames(n: number): { name: Pair; key: string }[] {
    const places = this.rnd.shuffle(this.placeCombos());
    const out: { name: Pair; key: string }[] = [];
    const small = n <= places.length;
    for (let i = 0; i < n; i++) {
      const p = places[i % places.length]!;
      if (small) out.push({ name: [`${p[0]} OP`, `${p[1]} ओपी`], key: slug(p[0]) });
      else {
        const d = DISTRICTS[i % DISTRICTS.length]!;
        out.push({ name: [`${p[0]} OP (${d[0]})`, `${p[1]} ओपी (${d[1]})`], key: String(i + 1).padStart(4, '0') });
      }
    }
    return out;
  }

  private placeCombos(): Pair[] {
    const out: Pair[] = [];
    for (const r of PLACE_ROOTS) for (const s of PLACE_SUFFIXES) out.push([r[0] + s[0], r[1] + s[1]]);
    return out;
  }

  private villages(n: number): Pair[] {
    const out: Pair[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.rnd.pick(PLACE_ROOTS);
      const s = this.rnd.pick(PLACE_SUFFIXES);
      out.push([r[0] + s[0], r[1] + s[1]]);
    }
    return out;
  }

  private pickSome<T>(list: readonly T[], n: number): T[] {
    return this.rnd.shuffle([...list]).slice(0, n);
  }

  // ---------------------------------------------------------------- staff

  private makeStaff(): void {
    const byClass: Record<UnitClass, PlannedUnit[]> = { dc: [], thana: [], op: [], div: [] };
    for (const u of this.units) byClass[u.cls].push(u);
    const classes: UnitClass[] = ['dc', 'thana', 'op', 'div'];

    // Counts per rank, scaled from the 1,500 pyramid; rounding lands on the largest rank.
    const mix = RANK_MIX.filter(([code]) => this.rankIds.has(code));
    if (mix.length === 0)
      throw reasonError(
        'BAD_INPUT',
        'demo_no_ranks',
        'The register has none of the default ranks; the demo needs them',
      );
    const factor = this.spec.staff / 1500;
    const counts = mix.map(([, per]) => Math.max(0, Math.round(per * factor)));
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest]! += this.spec.staff - counts.reduce((a, b) => a + b, 0);

    mix.forEach(([code, , womenShare], ri) => {
      const rank = this.rankIds.get(code)!;
      const weights = POSTING[code] ?? [1, 0, 0, 0];
      for (let i = 0; i < counts[ri]!; i++) {
        let cls = classes[this.rnd.weighted(weights)]!;
        if (byClass[cls].length === 0) cls = 'dc';
        const unit = this.rnd.pick(byClass[cls]);
        const gender: Gender =
          code === 'CONSTABLE' && this.rnd.chance(0.0025) ? 'X' : this.rnd.chance(womenShare) ? 'F' : 'M';
        const joinYear = this.rnd.int(rank.order <= 9 ? 1995 : 2000, 2023);
        const prefix =
          code === 'HOME_GUARD'
            ? 'HG'
            : code === 'CHOWKIDAR' || code === 'DAFADAR'
              ? 'CK'
              : code === 'CIVILIAN'
                ? 'MIN'
                : 'BP';
        const serviceNo = `${prefix}-${joinYear}-${String(++this.staffSeq).padStart(6, '0')}`;
        const id = this.ins.staff({
          serviceNo,
          name: this.personName(gender === 'F' ? 'F' : 'M', 0.25),
          rankId: rank.id,
          gender,
          postingUnitId: unit.id,
          phone: this.rnd.chance(0.92) ? this.phone() : null,
          createdAt: this.stamp,
          updatedAt: this.stamp,
        });
        unit.staff.push({ id, rankOrder: rank.order, rank: code, gender });
        this.tick();
      }
    });
  }

  // ---------------------------------------------------------------- groups (plan)

  private planGroups(): void {
    const { R1, R2, R7 } = this.policy.rules;
    const cap = R7.cap;
    const chunkMax = Math.max(50, Math.floor(cap * 0.85));
    const warnSize = Math.min(cap, Math.ceil((cap * R7.warnPercent) / 100) + this.rnd.int(2, 20));
    const dc = this.units.find((u) => u.cls === 'dc')!;
    const allStaff = this.units.flatMap((u) => u.staff);

    // District centre: rank-wise staff groups (chunked below the cap), women's groups.
    for (const rg of RANK_GROUPS) {
      const members = allStaff.filter((s) => rg.ranks.includes(s.rank) && this.rnd.chance(RANK_GROUP_JOIN));
      const parts = Math.max(1, Math.ceil(members.length / chunkMax));
      for (let p = 0; p < parts; p++) {
        const part = members.filter((_, i) => i % parts === p);
        if (part.length === 0) continue;
        const label = parts > 1 ? ` ${p + 1}` : '';
        this.plan(
          dc,
          'staff',
          `${this.district.name} ${rg.name}${label} (Rank-wise)`,
          0,
          part.map((s) => s.id),
          this.day('2019-03-01', '2019-12-31'),
        );
      }
    }
    const women = allStaff.filter((s) => s.gender === 'F' && this.rnd.chance(WOMEN_GROUP_JOIN));
    // The SP's office often adds a male officer as admin-member: R4 forbids it, and the demo shows it.
    const man = allStaff.filter((s) => s.gender === 'M').sort((a, b) => a.rankOrder - b.rankOrder)[0];
    const wParts = Math.max(1, Math.ceil((women.length + 1) / chunkMax));
    for (let p = 0; p < wParts; p++) {
      const ids = women.filter((_, i) => i % wParts === p).map((s) => s.id);
      if (p === 0 && man) ids.push(man.id);
      const label = wParts > 1 ? ` ${p + 1}` : '';
      const name =
        p % 2 === 0
          ? `${this.district.name} Mahila Police Parivar${label}`
          : `महिला पुलिस ${this.district.nameHi ?? this.district.name}${label}`;
      this.plan(dc, 'women_staff', name, 0, ids, this.day('2019-06-01', '2020-03-31'));
    }
    // An old staff group, closed when the rank-wise groups replaced it; everyone left.
    this.plan(
      dc,
      'staff',
      `${this.district.name} Police Family (old)`,
      0,
      this.pickSome(allStaff, Math.min(180, allStaff.length)).map((s) => s.id),
      this.day('2018-08-15', '2018-12-31'),
      'closed',
      1,
    );

    // Division units: a division_staff or staff group, or none.
    this.units
      .filter((u) => u.cls === 'div')
      .forEach((u, i) => {
        if (u.plan === 'missing') return;
        const ids = u.staff.filter(() => this.rnd.chance(0.95)).map((s) => s.id);
        const kind: GroupKind = i % 2 === 0 ? 'division_staff' : 'staff';
        const parts = Math.max(1, Math.ceil(ids.length / chunkMax));
        for (let p = 0; p < parts; p++) {
          const label = parts > 1 ? ` ${p + 1}` : '';
          const name = kind === 'division_staff' ? `${u.name[0]} Jawan Group${label}` : `${u.name[0]} Staff${label}`;
          this.plan(
            u,
            kind,
            name,
            0,
            ids.filter((_, j) => j % parts === p),
            this.day('2019-04-01', '2021-12-31'),
          );
        }
      });

    // Thanas and OPs: police–public groups sized to the planned status.
    let warnPlaced = false;
    for (const u of this.units) {
      if (u.cls !== 'thana' && u.cls !== 'op') continue;
      const required = (u.cls === 'thana' ? R1.minMembers : R2.minMembers) ?? 100;
      const kinds = (u.cls === 'thana' ? R1.groupKinds : R2.groupKinds) as GroupKind[];
      const officers = u.staff.filter((s) => s.rankOrder <= (this.rankIds.get('ASI')?.order ?? 99));
      const inGroup = officers.filter(() => this.rnd.chance(0.8)).map((s) => s.id);
      const mainKind = this.rnd.chance(0.65) ? kinds[0]! : (kinds[1] ?? kinds[0]!);
      const otherKind = kinds.find((k) => k !== mainKind) ?? mainKind;
      const created = this.day('2018-08-15', '2021-06-30');
      if (u.plan === 'compliant') {
        let size = required + this.rnd.int(5, Math.round(required * 0.9));
        let extra = size - required;
        if (!warnPlaced && u.cls === 'thana') {
          size = warnSize;
          extra = 0;
          warnPlaced = true;
        }
        this.plan(
          u,
          mainKind,
          this.groupName(u, mainKind),
          Math.max(0, size - inGroup.length),
          inGroup,
          created,
          'active',
          0,
          extra,
        );
        if (this.rnd.chance(0.35)) {
          this.plan(
            u,
            otherKind,
            this.groupName(u, otherKind),
            this.rnd.int(30, Math.max(31, required - 20)),
            [],
            this.day('2019-01-01', '2023-12-31'),
          );
        }
      } else if (u.plan === 'short') {
        const size = this.rnd.int(Math.round(required * 0.4), required - 1);
        this.plan(u, mainKind, this.groupName(u, mainKind), Math.max(0, size - inGroup.length), inGroup, created);
        if (this.rnd.chance(0.25)) {
          this.plan(
            u,
            otherKind,
            this.groupName(u, otherKind),
            this.rnd.int(10, Math.max(11, Math.round(size * 0.8))),
            [],
            this.day('2019-01-01', '2023-12-31'),
          );
        }
      } else if (this.rnd.chance(0.5)) {
        // Missing: only an old group, closed; half its members never recorded as left.
        this.plan(
          u,
          'cyber_senani',
          `${this.groupName(u, 'cyber_senani')} (old)`,
          this.rnd.int(60, 150),
          inGroup,
          this.day('2018-08-15', '2019-03-31'),
          'closed',
          0.5,
        );
      }
    }
  }

  private plan(
    unit: PlannedUnit,
    kind: GroupKind,
    name: string,
    citizens: number,
    staffIds: number[],
    createdOnMs: number,
    status: 'active' | 'closed' = 'active',
    leftShare = 0,
    extra = 0,
  ): void {
    this.groups.push({ unit, kind, name, status, citizens, extra, staffIds, createdOnMs, leftShare });
  }

  private groupName(u: PlannedUnit, kind: GroupKind): string {
    const [en, hi] = u.name;
    const templates =
      kind === 'cyber_senani'
        ? [`Cyber Senani ${en}`, `साइबर सेनानी ${hi}`, `${en} Cyber Senani Group`]
        : u.cls === 'op'
          ? [`${en} Police Public Group`, `${hi} पुलिस-पब्लिक ग्रुप`, `${en} Jan Samvad`]
          : [
              `${en} Police Public Group`,
              `${hi} थाना पुलिस-पब्लिक ग्रुप`,
              `${en} Thana Jan Samvad`,
              `पुलिस मित्र ${hi}`,
              `${en} PS Prabuddh Nagrik Manch`,
              `${hi} थाना जनसंवाद समूह`,
            ];
    return this.rnd.pick(templates);
  }

  // ---------------------------------------------------------------- groups and members (write)

  private writeGroupsAndMembers(): void {
    // Scale the compliant groups' surplus so that the member slots match the citizen total.
    const wanted = Math.round(this.spec.citizens * (1 + OVERLAP));
    const active = this.groups.filter((g) => g.status === 'active');
    const fixed = active.reduce((n, g) => n + g.citizens - g.extra, 0);
    const extras = active.reduce((n, g) => n + g.extra, 0);
    if (extras > 0) {
      const k = Math.max(0.05, Math.min(20, (wanted - fixed) / extras));
      const ceiling = Math.floor(this.policy.rules.R7.cap * 0.88);
      for (const g of active) {
        if (g.extra === 0) continue;
        const base = g.citizens - g.extra;
        g.extra = Math.round(g.extra * k);
        g.citizens = Math.min(Math.max(base, ceiling - g.staffIds.length), base + g.extra);
      }
    }

    const pool = new CitizenPool(this, this.spec.citizens);
    const activePublic: { id: number; g: PlannedGroup; members: Set<number> }[] = [];
    for (const g of this.groups) {
      const admin = [...g.unit.staff].sort((a, b) => a.rankOrder - b.rankOrder)[0];
      g.unit.groupSeq += 1;
      const createdOn = isoDay(g.createdOnMs);
      const groupId = this.ins.group({
        code: `${this.district.code}-${g.unit.key}-${g.unit.groupSeq}`,
        unitId: g.unit.id,
        kind: g.kind,
        name: g.name,
        createdOn,
        adminStaffId: admin?.id ?? null,
        inviteLink: this.rnd.chance(0.85) ? this.inviteLink() : null,
        status: g.status,
        createdAt: this.stamp,
        updatedAt: this.stamp,
      });
      this.tick();
      const closedOnMs =
        g.status === 'closed' ? this.dayBetween(g.createdOnMs + 180 * DAY_MS, this.todayMs - 200 * DAY_MS) : 0;
      const leaves = () => g.status === 'closed' && this.rnd.chance(g.leftShare);

      for (const staffId of g.staffIds) {
        const joined = this.dayBetween(g.createdOnMs, g.status === 'closed' ? closedOnMs : this.todayMs - 3 * DAY_MS);
        this.ins.membership({
          groupId,
          personId: null,
          staffId,
          joinedOn: isoDay(joined),
          leftOn: leaves() ? isoDay(closedOnMs) : null,
          createdAt: this.stamp,
          updatedAt: this.stamp,
        });
        this.tick();
      }
      const members = new Set<number>();
      for (let i = 0; i < g.citizens; i++) {
        const joined = this.dayBetween(g.createdOnMs, g.status === 'closed' ? closedOnMs : this.todayMs - 3 * DAY_MS);
        const person = pool.take(g, members, joined);
        members.add(person.index);
        this.ins.membership({
          groupId,
          personId: person.id,
          staffId: null,
          joinedOn: isoDay(joined),
          leftOn: leaves() ? isoDay(closedOnMs) : null,
          createdAt: this.stamp,
          updatedAt: this.stamp,
        });
        this.tick();
      }
      if (g.status === 'active' && g.kind !== 'staff' && g.kind !== 'women_staff' && g.kind !== 'division_staff') {
        activePublic.push({ id: groupId, g, members });
      }
    }

    // History: people who left a police–public group (some left for good, some are still in
    // another group), and the citizens the groups did not need (former members only).
    const leftCount = Math.round(this.spec.citizens * LEFT_SHARE);
    for (let i = 0; i < leftCount + pool.remaining() && activePublic.length > 0; i++) {
      const target = this.rnd.pick(activePublic);
      const joined = this.dayBetween(target.g.createdOnMs, this.todayMs - 30 * DAY_MS);
      const person = pool.remaining() > 0 ? pool.fresh(target.g, joined) : pool.reuse(target.members);
      if (!person) continue;
      const left = this.dayBetween(joined + DAY_MS, this.todayMs - DAY_MS);
      this.ins.membership({
        groupId: target.id,
        personId: person.id,
        staffId: null,
        joinedOn: isoDay(joined),
        leftOn: isoDay(left),
        createdAt: this.stamp,
        updatedAt: this.stamp,
      });
      this.tick();
    }

    // Transfers: some staff left a thana's group when posted elsewhere.
    const thanaGroups = activePublic.filter((p) => p.g.unit.cls === 'thana');
    const allStaff = this.units.flatMap((u) => u.staff);
    const transfers = Math.round(allStaff.length * 0.04);
    for (let i = 0; i < transfers && thanaGroups.length > 0; i++) {
      const target = this.rnd.pick(thanaGroups);
      const s = this.rnd.pick(allStaff);
      const joined = this.dayBetween(target.g.createdOnMs, this.todayMs - 60 * DAY_MS);
      this.ins.membership({
        groupId: target.id,
        personId: null,
        staffId: s.id,
        joinedOn: isoDay(joined),
        leftOn: isoDay(this.dayBetween(joined + DAY_MS, this.todayMs - DAY_MS)),
        createdAt: this.stamp,
        updatedAt: this.stamp,
      });
      this.tick();
    }
  }

  // ---------------------------------------------------------------- small makers

  /** `people` and the citizen pool need these too. */
  personName(gender: 'F' | 'M', hindiShare: number): string {
    const first = this.rnd.pick(gender === 'F' ? FEMALE_NAMES : MALE_NAMES);
    const surnames = first.muslim
      ? gender === 'F'
        ? FEMALE_MUSLIM_SURNAMES
        : MUSLIM_SURNAMES
      : gender === 'F'
        ? FEMALE_SURNAMES
        : SURNAMES;
    const last = this.rnd.pick(surnames);
    return this.rnd.chance(hindiShare) ? `${first.hi} ${last[1]}` : `${first.en} ${last[0]}`;
  }

  phone(): string {
    // The import's own check for 10-digit numbers (libphonenumber's Indian mobile pattern).
    const isIndianMobile = (n: number) => fastIndianMobile(String(n)) !== null;
    // Indian mobile numbers begin with 6–9, but not every such number is a mobile: the import
    // judges by libphonenumber's mobile ranges, and the demo's export must import back whole
    // (issue #10: 3,698 of 12,740 rows were refused as fixed-line). So the drawn number moves up
    // to the next one the import accepts — without extra random draws, so the rest of the demo
    // (groups, counts) stays what the same seed always gave. Unique across citizens and staff.
    for (;;) {
      const lead = [9, 9, 9, 8, 8, 7, 7, 6][this.rnd.int(0, 7)]!;
      let n = lead * 1_000_000_000 + this.rnd.int(0, 999_999_999);
      // Mobile ranges are blocks of leading digits: move to the next block, keep the last five.
      for (let step = 0; step < 1_000 && !isIndianMobile(n); step++) {
        n += 100_000;
        if (n > 9_999_999_999) n -= 4_000_000_000;
      }
      if (!this.phones.has(n)) {
        this.phones.add(n);
        return `+91${n}`;
      }
    }
  }

  private inviteLink(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let code = '';
    for (let i = 0; i < 22; i++) code += alphabet[this.rnd.int(0, alphabet.length - 1)];
    return `https://chat.whatsapp.com/${code}`;
  }

  /** A day between two ISO dates, kept before today. */
  private day(from: string, to: string): number {
    return this.dayBetween(Date.parse(from), Date.parse(to));
  }

  dayBetween(fromMs: number, toMs: number): number {
    const hi = Math.min(toMs, this.todayMs - DAY_MS);
    const lo = Math.min(fromMs, hi);
    return lo + this.rnd.int(0, Math.floor((hi - lo) / DAY_MS)) * DAY_MS;
  }

  get random(): Random {
    return this.rnd;
  }

  get stampIso(): string {
    return this.stamp;
  }

  get inserters() {
    return this.ins;
  }

  tick(): void {
    this.written++;
    if (this.written - this.lastReport >= 10_000) {
      this.lastReport = this.written;
      this.progress({ phase: 'write', done: Math.min(this.written, this.totalRows - 1), total: this.totalRows });
    }
  }
}

interface PoolPerson {
  index: number;
  id: number;
}

/**
 * The district's citizens, created when a group first needs them: each comes from the group's
 * own area (its locality list). A small share of slots, and every slot once the pool is used up,
 * goes to someone already in another group.
 */
class CitizenPool {
  private readonly people: PoolPerson[] = [];

  constructor(
    private readonly b: DemoBuilder,
    private readonly size: number,
  ) {}

  remaining(): number {
    return this.size - this.people.length;
  }

  /** A citizen for one of `g`'s member slots, joining on `joinedMs`. */
  take(g: PlannedGroup, members: Set<number>, joinedMs: number): PoolPerson {
    const rnd = this.b.random;
    if (this.remaining() > 0 && (this.people.length === 0 || !rnd.chance(OVERLAP))) return this.fresh(g, joinedMs);
    return this.reuse(members) ?? this.fresh(g, joinedMs);
  }

  /** Someone already in another group and not in this one. */
  reuse(members: Set<number>): PoolPerson | undefined {
    const rnd = this.b.random;
    for (let tries = 0; tries < 20 && this.people.length > 0; tries++) {
      const p = this.people[rnd.int(0, this.people.length - 1)]!;
      if (!members.has(p.index)) return p;
    }
    return undefined;
  }

  /** A new citizen from the group's area; consent is dated up to 15 days before the first join. */
  fresh(g: PlannedGroup, joinedMs: number): PoolPerson {
    const rnd = this.b.random;
    const gender = rnd.chance(0.78) ? 'M' : 'F';
    const eminent = rnd.chance(0.6);
    const category: CitizenCategory = eminent ? 'eminent' : 'public';
    const occupation = rnd.pick(
      eminent
        ? EMINENT_OCCUPATIONS
        : gender === 'F'
          ? PUBLIC_OCCUPATIONS
          : PUBLIC_OCCUPATIONS.filter((o) => o[0] !== 'Homemaker'),
    );
    const hindi = rnd.chance(0.35);
    const locality = g.unit.localities.length ? rnd.pick(g.unit.localities) : null;
    const consentGiven = rnd.chance(0.93);
    const id = this.b.inserters.person({
      phone: this.b.phone(),
      name: this.b.personName(gender, hindi ? 1 : 0),
      locality: locality ? (hindi ? locality[1] : locality[0]) : null,
      occupation: hindi ? occupation[1] : occupation[0],
      category,
      consentOn: consentGiven ? isoDay(joinedMs - rnd.int(0, 15) * DAY_MS) : null,
      consentHow: consentGiven ? rnd.pick(CONSENT_HOW) : null,
      erasedAt: null,
      createdAt: this.b.stampIso,
      updatedAt: this.b.stampIso,
    });
    this.b.tick();
    const p: PoolPerson = { index: this.people.length, id };
    this.people.push(p);
    return p;
  }
}
