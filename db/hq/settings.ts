// HQ's settings (JSON values), each key's shape declared once.
import type { HqDb } from './connection.js';
import { first, run } from '../exec.js';

export interface HqTargets {
  /** Distinct citizens in police–public groups, state-wide (the 2019 plan: 2,00,000). */
  citizens: number;
  /** Share of reported units that are compliant, in %. */
  compliantPercent: number;
  /** Share of staff in at least one group (R6), in %. */
  staffCoveredPercent: number;
  /** Districts with a women staff group. */
  womenGroups: number;
}

export const DEFAULT_TARGETS: HqTargets = {
  citizens: 200_000,
  compliantPercent: 100,
  staffCoveredPercent: 100,
  womenGroups: 40,
};

export interface HqSettingsShape {
  /** What this HQ calls itself (reports, the HQ key's trusted comment). */
  identity: { name: string; nameHi?: string | null; createdAt: string };
  targets: HqTargets;
}

export function getHqSetting<K extends keyof HqSettingsShape>(db: HqDb, key: K): HqSettingsShape[K] | undefined {
  const row = first(db, db.k.selectFrom('hqSettings').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as HqSettingsShape[K]) : undefined;
}

export function setHqSetting<K extends keyof HqSettingsShape>(db: HqDb, key: K, value: HqSettingsShape[K]): void {
  const json = JSON.stringify(value);
  run(
    db,
    db.k
      .insertInto('hqSettings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json })),
  );
}
