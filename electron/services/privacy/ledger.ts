// The erasure ledger (issue #10): which phone numbers were erased, as salted hashes — never the
// numbers — kept in the register (erasure_ledger) AND in a sidecar file next to it
// (`<register>.erasures.json`). A register restored from a backup made before an erasure lacks
// the entry; the sidecar still has it, and `reconcileErasures` (run whenever a register is
// opened) erases that person again and audits it.
//
// The hash is scrypt (N = 2^14): a salted SHA-256 of a 10-digit mobile number can be reversed by
// trying them all in minutes; scrypt makes each guess cost ~16 MB and tens of milliseconds. The
// ledger also keeps the person's id, so re-applying needs one hash per entry, not one per citizen.
import { randomBytes, scryptSync } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { insertLedgerEntry, listLedger, type LedgerRow } from '../../../db/erasure.js';
import { transaction } from '../../../db/exec.js';
import { findPerson } from '../../../db/people.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { getSetting, setSetting } from '../../../db/settings.js';

const HEX64 = /^[0-9a-f]{64}$/;
/** A sidecar larger than this is not ours (a million erasures take ~150 MB less). */
const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;

export const sidecarSchema = z.strictObject({
  format: z.literal('samooh-erasures'),
  schemaVersion: z.literal(1),
  district: z.string(),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  entries: z.array(
    z.strictObject({
      phoneHash: z.string().regex(HEX64),
      personId: z.number().int().positive(),
      erasedAt: z.string().min(1).max(40),
    }),
  ),
});
export type Sidecar = z.infer<typeof sidecarSchema>;

export const sidecarPath = (registerFile: string) => `${registerFile}.erasures.json`;

export function phoneHash(salt: string, phone: string): string {
  return scryptSync(phone, Buffer.from(salt, 'hex'), 32, { N: 1 << 14, r: 8, p: 1 }).toString('hex');
}

export type SidecarRead = { kind: 'none' } | { kind: 'ok'; sidecar: Sidecar } | { kind: 'bad'; reason: string };

/** Read defensively: a regular file, size checked first, parsed against its schema. */
export function readSidecar(registerFile: string): SidecarRead {
  const file = sidecarPath(registerFile);
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return { kind: 'none' };
  }
  if (!st.isFile()) return { kind: 'bad', reason: `${file} is not a regular file` };
  if (st.size > MAX_SIDECAR_BYTES) return { kind: 'bad', reason: `${file} is larger than any erasure ledger` };
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success
      ? { kind: 'ok', sidecar: parsed.data }
      : { kind: 'bad', reason: `${file} is not an erasure ledger: ${parsed.error.issues[0]?.message ?? ''}` };
  } catch (err) {
    return { kind: 'bad', reason: `${file} cannot be read: ${(err as Error).message}` };
  }
}

/** Written to a temp file, flushed, renamed: a crash leaves the old ledger or the new one. */
export function writeSidecar(registerFile: string, s: Sidecar): void {
  const file = sidecarPath(registerFile);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(s, null, 1) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * The ledger's salt: the register's, else the sidecar's (a register restored from before the
 * first erasure), else a new one. Stored in the register in the caller's transaction.
 */
export function ledgerSalt(db: RegisterDb, sidecar: Sidecar | null): string {
  const have = getSetting(db, 'erasureSalt');
  if (have) return have;
  const salt = sidecar?.salt ?? randomBytes(16).toString('hex');
  setSetting(db, 'erasureSalt', salt);
  return salt;
}

/** The sidecar as the union of what it held and the register's ledger. */
export function syncSidecar(db: RegisterDb, previous: Sidecar | null): void {
  const salt = getSetting(db, 'erasureSalt');
  if (!salt) return;
  const entries = new Map<string, Sidecar['entries'][number]>();
  for (const e of previous?.salt === salt ? previous.entries : []) entries.set(e.phoneHash, e);
  for (const r of listLedger(db)) {
    if (!entries.has(r.phoneHash))
      entries.set(r.phoneHash, { phoneHash: r.phoneHash, personId: r.personId, erasedAt: r.erasedAt });
  }
  writeSidecar(db.file, {
    format: 'samooh-erasures',
    schemaVersion: 1,
    district: getSetting(db, 'district')?.code ?? '',
    salt,
    entries: [...entries.values()],
  });
}

export interface Reconciled {
  /** People erased again because the sidecar knew of an erasure this register did not. */
  reapplied: number;
  /** Sidecar entries recorded (their person was not in this register, or already erased). */
  recorded: number;
  /** Why the sidecar was not used, if it was not. */
  problem: string | null;
}

/**
 * Brings a just-opened register and its sidecar into agreement: erasures the sidecar knows and
 * the register does not are applied (and audited) here; the register's are written to the
 * sidecar. `erase` is the erasure itself (services/privacy/erase.ts), passed in to keep this file
 * free of it.
 */
export function reconcileErasures(
  db: RegisterDb,
  erase: (personId: number, reapplied: { erasedAt: string }) => void,
  now: Date,
): Reconciled {
  if (db.readOnly) return { reapplied: 0, recorded: 0, problem: null };
  const read = readSidecar(db.file);
  if (read.kind === 'bad') return { reapplied: 0, recorded: 0, problem: read.reason };
  const sidecar = read.kind === 'ok' ? read.sidecar : null;
  const district = getSetting(db, 'district')?.code ?? '';
  if (sidecar && sidecar.district !== district) {
    return {
      reapplied: 0,
      recorded: 0,
      problem: `the erasure ledger beside this file is for district ${sidecar.district}`,
    };
  }
  const known = new Set(listLedger(db).map((r) => r.phoneHash));
  const missing = (sidecar?.entries ?? []).filter((e) => !known.has(e.phoneHash));
  let reapplied = 0;
  let recorded = 0;
  if (missing.length) {
    const salt = transaction(db, () => ledgerSalt(db, sidecar));
    if (sidecar && salt !== sidecar.salt) {
      return { reapplied: 0, recorded: 0, problem: 'the erasure ledger beside this file belongs to another register' };
    }
    for (const e of missing) {
      const p = findPerson(db, e.personId);
      if (p && !p.erasedAt && p.phone && phoneHash(salt, p.phone) === e.phoneHash) {
        erase(p.id, { erasedAt: e.erasedAt });
        reapplied++;
      } else {
        const row: LedgerRow = { ...e, appliedAt: now.toISOString() };
        transaction(db, () => insertLedgerEntry(db, row));
        recorded++;
      }
    }
  }
  if (missing.length || listLedger(db).length !== (sidecar?.entries.length ?? 0)) syncSidecar(db, sidecar);
  return { reapplied, recorded, problem: null };
}
