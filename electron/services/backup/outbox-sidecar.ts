// The outbox kept outside the register file too (SPEC §10, issue #10): restoring an older backup
// must never let the bundle sequence go backwards. HQ accepts each sequence number once; a
// register restored from before bundle no. 7 would otherwise sign a different no. 7.
//
// `<register file>.outbox.json` holds every outbox row (a few hundred bytes each; a district
// sends a few bundles a month), written durably after each bundle is made and whenever the
// register is opened. When the register is behind it — a restored backup, a file copied back by
// hand — the rows it lacks are carried forward into the register (they chain: the outbox's
// triggers check each one), with an audit entry, so the next bundle continues from the highest
// sequence ever made.
import { lstatSync, readFileSync } from 'node:fs';
import { appendAudit } from '../../../db/audit.js';
import { insertOutbox, lastOutbox, listOutbox, type OutboxRow } from '../../../db/bundles.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { getSetting } from '../../../db/settings.js';
import { writeFileDurably } from '../bundle/store-files.js';

const FORMAT = 'samooh-outbox/1';
/** Far above any real outbox (≈ 600 bytes a row); a bigger file is not ours. */
const MAX_BYTES = 16 * 1024 * 1024;

export interface Sidecar {
  format: typeof FORMAT;
  district: string;
  rows: OutboxRow[];
}

export const sidecarFile = (registerFile: string) => `${registerFile}.outbox.json`;

const ROW_KEYS: (keyof OutboxRow)[] = [
  'seq',
  'createdAt',
  'createdBy',
  'uuid',
  'fileName',
  'baggingDate',
  'keyId',
  'previousTagmanifestSha256',
  'tagmanifestSha256',
  'zipSha256',
  'zipBytes',
  'withMembers',
  'target',
  'location',
  'figures',
];

function isRow(v: unknown): v is OutboxRow {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return ROW_KEYS.every((k) => k in r) && Number.isInteger(r.seq) && (r.seq as number) >= 1;
}

/** The sidecar beside a register, or null when there is none or it is not one (then it is rewritten). */
export function readSidecar(registerFile: string): Sidecar | null {
  const file = sidecarFile(registerFile);
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Sidecar>;
    if (parsed.format !== FORMAT || typeof parsed.district !== 'string' || !Array.isArray(parsed.rows)) return null;
    if (!parsed.rows.every(isRow)) return null;
    return { format: FORMAT, district: parsed.district, rows: [...parsed.rows].sort((a, b) => a.seq - b.seq) };
  } catch {
    return null;
  }
}

export function highestSequence(s: Sidecar | null): number {
  return s?.rows.length ? s.rows[s.rows.length - 1]!.seq : 0;
}

export function writeSidecar(db: RegisterDb): void {
  const district = getSetting(db, 'district')?.code;
  if (!district || db.readOnly) return;
  const rows = listOutbox(db, 1_000_000).reverse();
  const keep = readSidecar(db.file);
  // Never shorten it: rows the register lacks stay until carried forward.
  if (keep && keep.district === district && highestSequence(keep) > (rows.at(-1)?.seq ?? 0)) return;
  const body: Sidecar = { format: FORMAT, district, rows };
  writeFileDurably(sidecarFile(db.file), JSON.stringify(body));
}

/** Outbox rows the sidecar holds beyond the register's last, in order; [] when none or not ours. */
export function rowsAhead(db: RegisterDb, s: Sidecar | null = readSidecar(db.file)): OutboxRow[] {
  const district = getSetting(db, 'district')?.code;
  if (!s || s.district !== district) return [];
  const last = lastOutbox(db)?.seq ?? 0;
  return s.rows.filter((r) => r.seq > last);
}

/**
 * Inserts the rows the register lacks (call inside a transaction). Each must continue the chain;
 * the outbox trigger refuses one that does not, and the caller's transaction rolls back.
 */
export function carryForward(db: RegisterDb, rows: OutboxRow[], operator: string, now: Date): number[] {
  for (const r of rows) insertOutbox(db, r);
  if (rows.length) {
    appendAudit(
      db,
      {
        operator,
        action: 'carry_forward',
        entity: 'bundle',
        entityId: rows.at(-1)!.seq,
        after: {
          sequences: rows.map((r) => r.seq),
          reason: 'bundles made after this copy of the register, kept outside it',
        },
      },
      now,
    );
  }
  return rows.map((r) => r.seq);
}
