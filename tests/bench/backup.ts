// Backup and restore benchmarks (issue #10) on a state-size register: a consistent online
// backup (SQLite's backup API, flushed, with its .sha256) against copying the same file with
// the OS (`copyFileSync` + fsync, the floor), and the checks a restore makes before replacing
// anything (hash, integrity_check, a migrated working copy, the audit chain) against the floor
// of hashing and integrity-checking the file alone.
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkpoint } from '../../db/backup.js';
import { openRegister } from '../../db/connection.js';
import { fillDemo } from '../../electron/services/demo/demo.js';
import { writeBackup } from '../../electron/services/backup/backup.js';
import { inspectBackup } from '../../electron/services/backup/restore.js';
import { sha256OfFile } from '../../electron/services/bundle/store-files.js';
import { median, round } from './stats.js';
import type { BenchRow } from './types.js';

const RUNS = 3;
const actor = { operator: 'bench', now: () => new Date('2026-01-05T10:00:00Z') };

export async function benchBackup(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-backup-'));
  try {
    const file = path.join(dir, 'state.sqlite');
    const db = openRegister(file);
    fillDemo(db, { scale: 'state', now: actor.now(), operator: 'bench' });
    checkpoint(db);
    const mb = statSync(file).size / (1024 * 1024);

    const copy: number[] = [];
    const backup: number[] = [];
    let last = '';
    for (let i = 0; i < RUNS; i++) {
      const c = path.join(dir, `copy-${i}.sqlite`);
      let t0 = performance.now();
      copyFileSync(file, c);
      const fd = openSync(c, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      copy.push(performance.now() - t0);
      rmSync(c);
      last = path.join(dir, `backup-${i}.sqlite`);
      t0 = performance.now();
      await writeBackup(db, last, actor);
      backup.push(performance.now() - t0);
    }

    const floorCheck: number[] = [];
    const inspect: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      sha256OfFile(last);
      const raw = new Database(last, { readonly: true });
      raw.pragma('integrity_check');
      raw.close();
      floorCheck.push(performance.now() - t0);
      t0 = performance.now();
      await inspectBackup(db, last);
      inspect.push(performance.now() - t0);
    }
    await db.close();
    const b = median(backup);
    const c = median(copy);
    const ins = median(inspect);
    const fc = median(floorCheck);
    return [
      {
        name: `backup of a state register (${round(mb, 0)} MB), backup API + fsync + .sha256`,
        value: round(b, 0),
        unit: 'ms',
        floor: round(c, 0),
        ratio: round(b / c, 2),
        target: '≤ 6 × copying the file',
        pass: b <= 6 * c,
      },
      {
        name: 'restore checks before replacing (hash, integrity, migrated copy, audit chain)',
        value: round(ins, 0),
        unit: 'ms',
        floor: round(fc, 0),
        ratio: round(ins / fc, 2),
        target: '≤ 4 × hash + integrity_check alone',
        pass: ins <= 4 * fc,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
