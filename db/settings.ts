// Typed access to the settings table (JSON values). Each key's shape is declared here so every
// reader and writer agrees.
import type { RegisterDb } from './register-db.js';
import { first, run } from './exec.js';

export interface SettingsShape {
  /** The district this register belongs to (set by `samooh init` / first run). */
  district: { code: string; name: string; nameHi?: string | null };
  /** 'district' for a district register, 'hq' for an HQ database. */
  mode: 'district' | 'hq';
  /** Column mappings the clerk chose in the import wizard, by sheet and header signature. */
  importMappings: Record<string, Record<string, string>>;
  /** The HQ public key signed policies are checked against (`samooh policy trust-hq`). */
  hqPolicyKey: { keyId: string; publicKey: string; trustedAt: string; trustedBy: string };
  /** "Email to HQ" draft settings. */
  email: { to: string; subject: string; body: string };
  /** Salt of the erasure ledger's phone hashes (services/privacy/ledger.ts); also in the sidecar. */
  erasureSalt: string;
  /** The clerk's name, written into the audit log as the operator (asked at first run). */
  operatorName: string;
  /** Automatic backups (on close and daily): how many to keep. */
  backup: { keep: number };
  /** An erasure could not rewrite the file (another connection was reading): retried on open. */
  erasureScrubPending: boolean;
}

export type SettingKey = keyof SettingsShape;

export function getSetting<K extends SettingKey>(db: RegisterDb, key: K): SettingsShape[K] | undefined {
  const row = first(db, db.k.selectFrom('settings').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as SettingsShape[K]) : undefined;
}

export function setSetting<K extends SettingKey>(db: RegisterDb, key: K, value: SettingsShape[K]): void {
  const json = JSON.stringify(value);
  run(
    db,
    db.k
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json })),
  );
}
