// The register's bundle store and the crash windows of "Send to HQ" (SPEC §10, issue #10).
//
// A bundle is made once into the store, a folder beside the register file
// (`<folder of the register>/outbox/<register name>/`), and recorded there first (export.ts:
// flushed `.partial` → outbox row → rename). Handing it on — to a folder or USB stick, or as an
// e-mail draft — copies that same file (deliver.ts); a delivery is recorded `pending` before the
// copy and `done` after.
//
// Whatever a crash leaves behind is put right when the register is next opened:
// - a recorded bundle whose file is missing but whose `.partial` (same recorded SHA-256) is
//   there is adopted: renamed into place;
// - every other `.partial` in the store is removed (a bundle that was never recorded; its
//   sequence number was never taken, so the next bundle reuses it with nothing to confuse HQ);
// - a `pending` delivery becomes `done` if the whole copy reached its destination, otherwise
//   `failed`, and its half-written copy is removed.
import { existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import { finishDelivery, listOutbox, outboxBySeq, pendingDeliveries } from '../../../db/bundles.js';
import { transaction } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { carryForward, rowsAhead, writeSidecar } from '../backup/outbox-sidecar.js';
import { partialOf, sha256OfFile, syncDir } from './store-files.js';

/** Where a register keeps the bundles it made. */
export function bundleStoreDir(registerFile: string): string {
  const base = path.basename(registerFile).replace(/\.[^.]*$/, '') || 'register';
  return path.join(path.dirname(registerFile), 'outbox', base);
}

export interface ReconcileReport {
  /** Sequences whose recorded bundle was renamed into place from its `.partial`. */
  adopted: number[];
  /** `.partial` files removed (bundles or copies never finished). */
  removedPartials: number;
  /** Recorded bundles (in the store) whose file is gone and could not be recovered. */
  missing: number[];
  /** Pending deliveries settled: done or failed. */
  deliveries: { id: number; sequence: number; state: 'done' | 'failed' }[];
  /** Outbox rows carried forward from the sidecar (the register was an older copy). */
  carried: number[];
}

const isFile = (p: string) => {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
};

export function reconcileBundleStore(db: RegisterDb, now = new Date()): ReconcileReport {
  const report: ReconcileReport = { adopted: [], removedPartials: 0, missing: [], deliveries: [], carried: [] };
  if (db.readOnly) return report;
  // First the sequence: bundles made after this copy of the register was taken come back.
  const ahead = rowsAhead(db);
  if (ahead.length) {
    try {
      report.carried = transaction(db, () => carryForward(db, ahead, 'samooh', now));
    } catch {
      // They do not chain onto this register (another history): making a bundle refuses
      // until the clerk settles it, rather than signing a sequence HQ already has.
    }
  }
  const dir = bundleStoreDir(db.file);
  const names = existsSync(dir) ? readdirSync(dir) : [];
  let partials = names.filter((n) => n.endsWith('.partial'));

  for (const row of listOutbox(db)) {
    if (path.dirname(row.location) !== dir || isFile(row.location)) continue;
    const prefix = `.${row.fileName}.`;
    const match = partials.find((p) => {
      if (!p.startsWith(prefix)) return false;
      const h = sha256OfFile(path.join(dir, p));
      return h !== null && h.bytes === row.zipBytes && h.sha256 === row.zipSha256;
    });
    if (match) {
      renameSync(path.join(dir, match), row.location);
      partials = partials.filter((p) => p !== match);
      report.adopted.push(row.seq);
    } else report.missing.push(row.seq);
  }
  if (report.adopted.length) syncDir(dir);
  for (const p of partials) {
    const file = path.join(dir, p);
    if (!isFile(file)) continue;
    rmSync(file, { force: true });
    report.removedPartials++;
  }

  for (const d of pendingDeliveries(db)) {
    const bundle = outboxBySeq(db, d.seq);
    const tmp = partialOf(d.location);
    if (isFile(tmp)) {
      rmSync(tmp, { force: true });
      report.removedPartials++;
    }
    let whole: boolean;
    if (d.target === 'folder') {
      const h = sha256OfFile(d.location);
      whole = h !== null && h.sha256 === bundle?.zipSha256;
    } else whole = isFile(d.location); // the draft is written whole or not at all
    const state = whole ? 'done' : 'failed';
    transaction(db, () => {
      finishDelivery(db, d.id, state, now.toISOString());
      appendAudit(
        db,
        {
          operator: d.deliveredBy,
          action: 'deliver',
          entity: 'bundle',
          entityId: d.seq,
          after: { delivery: d.id, target: d.target, location: d.location, state, settledAtStart: true },
        },
        now,
      );
    });
    report.deliveries.push({ id: d.id, sequence: d.seq, state });
  }
  // A restore killed before its final rename leaves its working copy beside the register.
  const base = `${path.basename(db.file)}.restore-`;
  for (const name of readdirSync(path.dirname(db.file))) {
    const file = path.join(path.dirname(db.file), name);
    if (name.startsWith(base) && /\.partial(-wal|-shm|-journal)?$/.test(name) && isFile(file)) {
      rmSync(file, { force: true });
      report.removedPartials++;
    }
  }
  writeSidecar(db);
  return report;
}
