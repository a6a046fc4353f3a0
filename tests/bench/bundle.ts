// Bundle benchmarks (issue 4): writing a signed bundle at demo (district) and state size, and
// verify throughput against `openssl dgst -sha256` hashing the same payload in the same run.
//
// Export is timed as the "Send to HQ" button runs it once the key is unlocked: the compliance
// report, payload, signature, zip, the read-back verification and the outbox transaction.
// (Unlocking a passphrase key costs minisign's 1 GiB scrypt, a few seconds, by design; the app
// unlocks through safeStorage instead.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegister, type RegisterDb } from '../../db/connection.js';
import { registerCounts } from '../../db/demo-insert.js';
import { computeCompliance } from '../../electron/services/compliance/compliance.js';
import { fillDemo, type DemoScale } from '../../electron/services/demo/demo.js';
import { writeBundle } from '../../electron/services/bundle/export.js';
import {
  createDistrictKey,
  districtKeyInfo,
  loadSigningKey,
  passphraseProtector,
} from '../../electron/services/bundle/keys.js';
import { verifyBundle } from '../../electron/services/bundle/verify.js';
import { median, round } from './stats.js';
import type { BenchRow } from './types.js';

const T0 = new Date('2026-01-05T10:00:00Z');

/** A register filled by the demo generator (the compliance engineer's), district or state size. */
function demoRegister(file: string, scale: DemoScale): RegisterDb {
  const db = openRegister(file);
  fillDemo(db, { scale, now: T0, operator: 'bench' });
  return db;
}

const COST = { opslimit: 32_768, memlimit: 16 * 1024 * 1024 };

async function exportRun(scale: DemoScale, dir: string, withMembers: boolean, runs: number, db?: RegisterDb) {
  db ??= demoRegister(path.join(dir, `${scale}.sqlite`), scale);
  const protector = passphraseProtector({ passphrase: 'bench', cost: COST });
  if (!districtKeyInfo(db)) await createDistrictKey(db, protector, 'bench');
  const key = await loadSigningKey(db, protector);
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof writeBundle>> | undefined;
  for (let i = 0; i < runs; i++) {
    const folder = mkdtempSync(path.join(dir, `${scale}-${withMembers ? 'm' : 'c'}-`));
    const t0 = performance.now();
    const report = computeCompliance(db);
    last = await writeBundle(db, { key, report, folder, withMembers, target: 'folder', operator: 'bench' });
    times.push(performance.now() - t0);
  }
  const c = registerCounts(db);
  return {
    ms: median(times),
    bundle: last!,
    db,
    key,
    size: `${c.units.toLocaleString('en-IN')} units, ${c.memberships.toLocaleString('en-IN')} memberships`,
  };
}

function opensslMs(files: string[], runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('openssl', ['dgst', '-sha256', ...files], { encoding: 'utf8' });
    xs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  }
  return median(xs);
}

export async function benchBundle(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-bundle-'));
  const rows: BenchRow[] = [];
  try {
    const demo = await exportRun('district', dir, false, 5);
    rows.push({
      name: `bundle export, demo district (${demo.size}), median of 5`,
      value: round(demo.ms),
      unit: 'ms',
      target: '≤ 1000 ms',
      pass: demo.ms <= 1000,
    });
    const demoMembers = await exportRun('district', dir, true, 3, demo.db);
    rows.push({
      name: `bundle export with members.csv, demo district (${demoMembers.bundle.figures.memberRows?.toLocaleString('en-IN')} rows), median of 3`,
      value: round(demoMembers.ms),
      unit: 'ms',
      target: '≤ 1000 ms',
      pass: demoMembers.ms <= 1000,
    });
    await demo.db.close();

    const state = await exportRun('state', dir, false, 3);
    rows.push({
      name: `bundle export, state size (${state.size}), median of 3`,
      value: round(state.ms),
      unit: 'ms',
      target: '≤ 5000 ms',
      pass: state.ms <= 5000,
    });
    // Not a target: no district sends a state's citizens; it sizes the verify run below.
    const withMembers = await exportRun('state', dir, true, 1, state.db);
    rows.push({
      name: `bundle export with members.csv, state size (${withMembers.bundle.figures.memberRows?.toLocaleString('en-IN')} rows), for scale`,
      value: round(withMembers.ms),
      unit: 'ms',
      target: 'no target (a district sends tens of thousands of rows, not lakhs)',
      pass: true,
    });

    // Verify throughput over the largest payload, against openssl hashing the same payload files.
    const file = withMembers.bundle.file;
    const first = await verifyBundle(file, { publicKey: state.key });
    if (!first.report.ok) throw new Error(`bench bundle does not verify: ${JSON.stringify(first.report.problems)}`);
    const payloadDir = path.join(dir, 'payload');
    mkdirSync(payloadDir);
    let payloadBytes = 0;
    const payloadFiles: string[] = [];
    for (const [p, bytes] of first.files) {
      if (!p.startsWith('data/')) continue;
      const out = path.join(payloadDir, path.basename(p));
      writeFileSync(out, bytes);
      payloadFiles.push(out);
      payloadBytes += bytes.length;
    }
    const verifyTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      const v = await verifyBundle(file, { publicKey: state.key });
      verifyTimes.push(performance.now() - t0);
      if (!v.report.ok) throw new Error('verify failed');
    }
    const verifyMs = median(verifyTimes);
    const sslMs = opensslMs(payloadFiles, 9);
    const ours = payloadBytes / 1e6 / (verifyMs / 1000);
    const floor = payloadBytes / 1e6 / (sslMs / 1000);
    rows.push({
      name: `bundle verify throughput, median of 9 (${(payloadBytes / 1e6).toFixed(1)} MB payload; floor: openssl dgst -sha256 on the same files, median of 9)`,
      value: round(ours),
      unit: 'MB/s',
      floor: round(floor),
      ratio: round(ours / floor, 2),
      target: '≥ 50 % of openssl',
      pass: ours / floor >= 0.5,
    });
    await state.db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
