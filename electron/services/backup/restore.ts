// Verified restore (SPEC §10, issue #10). A backup replaces the register only after it proved to
// be one: a regular file of sane size, its `.sha256` (when present) matching, SQLite's
// `integrity_check` clean, a Samooh register of a schema this version can open, of this
// district, and — on a migrated working copy — its audit chain verifying. A damaged one is
// refused with a reason and the register is not touched.
//
// What will be replaced is stated before anything changes (counts, dates, last bundle). A backup
// older than the last bundle made is restored only when the caller says so, and even then the
// sequence does not go backwards: the outbox rows made since are carried forward from the
// sidecar (outbox-sidecar.ts), so the next bundle continues from the highest sequence.
//
// Crash safety: everything — the carried outbox rows, the audit entry of the restore — is
// written into the working copy beside the register; the current register is kept as a backup
// (`…-replaced.sqlite`); then one rename swaps the files. A kill before the rename leaves the
// register as it was (the working copy is removed on the next open); after it, the restored one
// with its audit entry.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appendAudit, verifyAudit } from '../../../db/audit.js';
import { checkRegisterCopy, checkpoint, summarizeRegister, type RegisterSummary } from '../../../db/backup.js';
import { openRegister } from '../../../db/connection.js';
import { transaction } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { AppError, reasonError, type ReasonParams } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import { copyFileDurably, sha256OfFile, syncDir } from '../bundle/store-files.js';
import { backupsDir, freeBackupPath, writeBackup } from './backup.js';
import { carryForward, readSidecar, rowsAhead, writeSidecar } from './outbox-sidecar.js';

/** A state-size register is ≈ 100 MB; a "backup" 40 times that is not one of ours. */
const MAX_BACKUP_BYTES = 4 * 1024 * 1024 * 1024;

export type RestoreRefusal =
  | 'not_a_file'
  | 'too_large'
  | 'checksum_mismatch'
  | 'not_sqlite'
  | 'integrity'
  | 'too_new'
  | 'not_a_register'
  | 'cannot_open'
  | 'audit_broken'
  | 'other_district'
  | 'outbox_fork';

/**
 * A refusal: `details.refusal` is the stable code the Backups page and the tests read,
 * `details.reason` (`backup_<refusal>`) the words the clerk sees, in either language.
 */
function refuse(refusal: RestoreRefusal, message: string, details: Record<string, unknown> = {}): never {
  const file = typeof details.file === 'string' ? path.basename(details.file) : '';
  const params: ReasonParams =
    refusal === 'other_district' ? { file, district: String(details.backup ?? '—') } : { file };
  throw reasonError('BAD_FILE', `backup_${refusal}`, message, params, { ...details, refusal });
}

export interface RestorePlan {
  file: string;
  bytes: number;
  sha256: string;
  /** Whether a `.sha256` file beside the backup was checked (and matched). */
  checksumChecked: boolean;
  backup: RegisterSummary;
  current: RegisterSummary;
  /** The highest bundle sequence ever made from this register (it, or its sidecar). */
  highestSequence: number;
  /** The backup is older than the last bundle made: restoring it must be asked for. */
  olderThanLastBundle: boolean;
  /** Bundles made after the backup, carried forward into the restored register. */
  carriedForward: number[];
}

interface Staged {
  file: string;
  db: RegisterDb;
  plan: RestorePlan;
  carry: ReturnType<typeof rowsAhead>;
}

function readChecksum(file: string): string | null {
  const f = `${file}.sha256`;
  try {
    const st = lstatSync(f);
    if (!st.isFile() || st.size > 4096) return null;
  } catch {
    return null;
  }
  const m = /^([0-9a-fA-F]{64})\b/.exec(readFileSync(f, 'utf8'));
  return m ? m[1]!.toLowerCase() : null;
}

/** Checks the backup and prepares a migrated working copy beside the register. */
async function stage(db: RegisterDb, file: string): Promise<Staged> {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    refuse('not_a_file', `There is no file at ${file}.`, { file });
  }
  if (!st.isFile()) refuse('not_a_file', `${file} is not a regular file.`, { file });
  if (st.size > MAX_BACKUP_BYTES) refuse('too_large', `${file} is too large to be a Samooh backup.`, { file });
  const h = sha256OfFile(file)!;
  const expected = readChecksum(file);
  if (expected && expected !== h.sha256) {
    refuse('checksum_mismatch', `${path.basename(file)} does not match its .sha256 file: it was damaged or changed.`, {
      file,
    });
  }
  const problem = checkRegisterCopy(file);
  if (problem) {
    const why =
      problem.reason === 'not_sqlite'
        ? 'it is not a SQLite database'
        : problem.reason === 'integrity'
          ? `SQLite finds it damaged (${problem.detail.slice(0, 3).join('; ')})`
          : problem.reason === 'too_new'
            ? `it was written by a newer Samooh (schema ${problem.schemaVersion}; this version knows up to ${problem.supported})`
            : 'it is not a Samooh register';
    refuse(problem.reason, `${path.basename(file)} cannot be restored: ${why}.`, { file, ...problem });
  }

  const staging = `${db.file}.restore-${randomBytes(4).toString('hex')}.partial`;
  copyFileDurably(file, staging);
  let sdb: RegisterDb;
  try {
    sdb = openRegister(staging, { mustExist: true });
  } catch (err) {
    rmSync(staging, { force: true });
    refuse('cannot_open', `${path.basename(file)} cannot be opened as a register: ${(err as Error).message}`, { file });
  }
  try {
    const audit = verifyAudit(sdb);
    if (!audit.ok) {
      refuse(
        'audit_broken',
        `The audit log in ${path.basename(file)} does not verify: ${audit.problems[0]!.message}.`,
        {
          file,
          problems: audit.problems.slice(0, 10),
        },
      );
    }
    const backup = summarizeRegister(sdb);
    const current = summarizeRegister(db);
    if (current.district && backup.district?.code !== current.district.code) {
      refuse(
        'other_district',
        `${path.basename(file)} is a register of ${backup.district?.code ?? 'no district'}, not of ${current.district.code}.`,
        { file, backup: backup.district?.code ?? null, current: current.district.code },
      );
    }
    // The current register's outbox, kept outside it, is what a restore must not lose.
    writeSidecar(db);
    const sidecar = readSidecar(db.file);
    const carry = rowsAhead(sdb, sidecar);
    const highestSequence = Math.max(current.lastBundle?.sequence ?? 0, sidecar?.rows.at(-1)?.seq ?? 0);
    const plan: RestorePlan = {
      file,
      bytes: h.bytes,
      sha256: h.sha256,
      checksumChecked: expected !== null,
      backup,
      current,
      highestSequence,
      olderThanLastBundle: (backup.lastBundle?.sequence ?? 0) < highestSequence,
      carriedForward: carry.map((r) => r.seq),
    };
    return { file: staging, db: sdb, plan, carry };
  } catch (err) {
    await sdb.close();
    rmSync(staging, { force: true });
    throw err;
  }
}

async function discard(s: Staged): Promise<void> {
  await s.db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(s.file + suffix, { force: true });
}

/** What restoring `file` would replace, after checking it; changes nothing. */
export async function inspectBackup(db: RegisterDb, file: string): Promise<RestorePlan> {
  const s = await stage(db, file);
  await discard(s);
  return s.plan;
}

export interface RestoreSession {
  db(): RegisterDb;
  open(file: string): RegisterDb;
  close(): Promise<void>;
}

export interface Restored {
  plan: RestorePlan;
  /** The register as it was, kept as a backup. */
  keptAs: string;
}

export async function restoreBackup(
  session: RestoreSession,
  file: string,
  opts: { acceptOlder: boolean },
  by: Actor,
): Promise<Restored> {
  const db = session.db();
  const registerFile = db.file;
  const s = await stage(db, file);
  const { plan } = s;
  const now = by.now();
  let keptAs: string;
  try {
    if (plan.olderThanLastBundle && !opts.acceptOlder) {
      throw reasonError(
        'CONFLICT',
        'older_backup',
        `${path.basename(file)} is older than bundle no. ${plan.highestSequence}; confirm restoring it (bundles made since are kept in the outbox).`,
        { file: path.basename(file), sequence: plan.highestSequence },
        { plan },
      );
    }
    const folder = backupsDir(registerFile);
    mkdirSync(folder, { recursive: true });
    const code = plan.current.district?.code ?? plan.backup.district?.code ?? 'register';
    keptAs = freeBackupPath(folder, code, now, 'replaced');
    try {
      transaction(s.db, () => {
        carryForward(s.db, s.carry, by.operator, now);
        appendAudit(
          s.db,
          {
            operator: by.operator,
            action: 'restore',
            entity: 'register',
            entityId: plan.backup.district?.code ?? null,
            before: { ...plan.current, keptAs: path.basename(keptAs) },
            after: {
              ...plan.backup,
              from: path.basename(file),
              sha256: plan.sha256,
              carriedForward: plan.carriedForward,
            },
          },
          now,
        );
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      refuse(
        'outbox_fork',
        `The bundles made since ${path.basename(file)} do not follow on from it: ${(err as Error).message}`,
        { file },
      );
    }
    checkpoint(s.db);
    await s.db.close();
    // The register as it is now, kept (a consistent copy, WAL included).
    await writeBackup(db, keptAs, by);
  } catch (err) {
    await discard(s).catch(() => {});
    throw err;
  }
  await session.close();
  // After a clean close SQLite has folded and removed the WAL; a stale one must never be read
  // against the restored file.
  for (const suffix of ['-wal', '-shm']) if (existsSync(registerFile + suffix)) rmSync(registerFile + suffix);
  renameSync(s.file, registerFile);
  syncDir(path.dirname(registerFile));
  session.open(registerFile);
  return { plan, keptAs };
}
