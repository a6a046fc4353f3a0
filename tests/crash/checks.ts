// What every crash scenario checks after a SIGKILL (SPEC §10): the file is a sound SQLite
// database, its content is all-or-nothing, the audit chain verifies, and the next operation
// succeeds. Shared by tests/crash/*.test.ts.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { samooh } from '../fixtures/cli.js';
import { killAtRandom, killAtSyscall, seededRandom } from '../fixtures/crash.js';

/** Opens the register as the next start would (recovering its WAL) and runs integrity_check. */
export function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

// Values that differ between two runs of the same operation: times, hashes, ids made at random.
const VOLATILE = [
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, // ISO times
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, // UUIDs
  /\b[0-9a-fA-F]{16,}\b/g, // hashes, key ids
  /\d{8}-\d{6}/g, // backup file stamps
];

function normalise(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  let s = v;
  for (const re of VOLATILE) s = s.replace(re, '~');
  return s;
}

/**
 * The register's content as one hash, with run-dependent values masked, so "the state after a
 * completed operation" can be compared across runs. `exclude` leaves tables out.
 */
export function contentDigest(file: string, exclude: string[] = []): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => !exclude.includes(t));
    const hash = createHash('sha256');
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
        .map((r) => JSON.stringify(Object.values(r).map(normalise)))
        .sort();
      hash.update(`|${t}:${rows.length}|${rows.join('\n')}`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** `samooh audit verify` on the register (which also opens it as the next start does). */
export function auditVerifies(file: string): { ok: boolean; output: string } {
  const r = samooh(['audit', 'verify', '--db', file]);
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

/** Makes a template register one self-contained file: its WAL folded in, so a copy is whole. */
export function foldWal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** A fresh working copy of a template register (no WAL, no sidecar, no store, no backups). */
export function resetFrom(template: string, work: string): void {
  for (const suffix of ['', '-wal', '-shm', '.outbox.json']) rmSync(work + suffix, { force: true });
  const dir = path.dirname(work);
  for (const sub of ['outbox', 'backups']) rmSync(path.join(dir, sub), { recursive: true, force: true });
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.startsWith(`${path.basename(work)}.restore-`)) rmSync(path.join(dir, name), { force: true });
  }
  foldWal(template);
  copyFileSync(template, work);
}

/** The system calls that make a write durable or visible: where a kill hurts most. */
export const CRITICAL_SYSCALLS = [
  'fsync',
  'fdatasync',
  'rename',
  'renameat',
  'renameat2',
  'pwrite64',
  'write',
  'unlink',
  'unlinkat',
];

/** Run `i` of a scenario: even runs hit a durability call (cycling through them), odd runs a random moment. */
export function killPlan(
  counts: Map<string, number>,
  i: number,
  random: () => number,
): { syscall: string; when: number } | 'random' {
  if (i % 2 === 1) return 'random';
  const critical = CRITICAL_SYSCALLS.filter((s) => counts.has(s));
  const syscall = critical[(i / 2) % critical.length]!;
  return { syscall, when: 1 + Math.floor(random() * counts.get(syscall)!) };
}

/**
 * Run `i` of a scenario, killed as `killPlan` says: the plan drawn from `planSeed + i`, a random
 * moment from `momentSeed + i` (fixed seeds: a failing run is the same run next time).
 */
export function killRun(
  args: string[],
  counts: Map<string, number>,
  i: number,
  planSeed: number,
  momentSeed: number,
  env: Record<string, string | undefined> = {},
) {
  const plan = killPlan(counts, i, seededRandom(planSeed + i));
  return plan === 'random'
    ? killAtRandom(args, counts, seededRandom(momentSeed + i), env)
    : killAtSyscall(args, plan.syscall, plan.when, env);
}
