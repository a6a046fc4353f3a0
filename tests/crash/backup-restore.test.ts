// SIGKILL during `samooh backup` and `samooh restore` (SPEC §10, issue #10). A backup never
// changes the register, and leaves either no backup under its name or a whole one (a sound
// register identical to the original). A restore leaves the register exactly as before or
// exactly as a completed restore does (one rename is its commit point). After each kill: a sound
// database, the audit chain verifies, and the operation run again succeeds.
// Runs: SAMOOH_CRASH_RUNS (npm run crash-test), else 3 per scenario.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addGroup, addUnit, fillGroup, makeRegister } from '../fixtures/builders.js';
import { samooh } from '../fixtures/cli.js';
import { crashRuns, countSyscalls, hasStrace } from '../fixtures/crash.js';
import { registerDigest } from '../fixtures/digest.js';
import { auditVerifies, contentDigest, foldWal, integrity, killRun, resetFrom } from './checks.js';

const RUNS = crashRuns(3);
/** Each killed run and its checks spawn the CLI a few times (≈ 10 s on a busy machine). */
const TIMEOUT = 120_000 + RUNS * 30_000;

/** A register with some rows, settled by one real use, as one self-contained file. */
async function templateRegister(): Promise<{ dir: string; template: string }> {
  const reg = makeRegister();
  addUnit(reg.db, { code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'thana' });
  fillGroup(reg.db, addGroup(reg.db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI' }).id, 300);
  await reg.db.close();
  samooh(['compliance', '--db', reg.file]);
  foldWal(reg.file);
  const template = path.join(reg.dir, 'template.sqlite');
  copyFileSync(reg.file, template);
  return { dir: reg.dir, template };
}

describe.runIf(hasStrace())('crash: backup and restore', () => {
  it(
    `backup: the register untouched and the backup whole or absent, in ${RUNS} kills`,
    async () => {
      const { dir, template } = await templateRegister();
      const work = path.join(dir, 'work.sqlite');
      resetFrom(template, work);
      const counts = countSyscalls(['backup', '--db', work, '--out', path.join(dir, 'reference.sqlite')]);
      let killed = 0;
      let whole = 0;
      for (let i = 0; i < RUNS; i++) {
        resetFrom(template, work);
        const before = registerDigest(work).sha256;
        const out = path.join(dir, `backup-${i}.sqlite`);
        const args = ['backup', '--db', work, '--out', out];
        const r = killRun(args, counts, i, 5000, 6000);
        const label = `run ${i} (${r.what})`;
        if (r.killed) killed++;
        expect(integrity(work), label).toBe('ok');
        expect(registerDigest(work).sha256, `${label}: a backup changed the register`).toBe(before);
        if (existsSync(out)) {
          whole++;
          expect(integrity(out), label).toBe('ok');
          expect(registerDigest(out).sha256, `${label}: the backup is not the register`).toBe(before);
        }
        const audit = auditVerifies(work);
        expect(audit.ok, `${label}: ${audit.output}`).toBe(true);
        const next = path.join(dir, `backup-${i}-next.sqlite`);
        const again = samooh(['backup', '--db', work, '--out', next]);
        expect(again.status, `${label}: ${again.stderr}`).toBe(0);
        expect(registerDigest(next).sha256, label).toBe(before);
      }
      console.log(`crash backup: ${killed} of ${RUNS} runs killed; ${whole} left a whole backup, the rest none`);
    },
    TIMEOUT,
  );

  it(
    `restore: the register exactly before or exactly restored, in ${RUNS} kills`,
    async () => {
      const { dir, template: original } = await templateRegister();
      const backup = path.join(dir, 'the-backup.sqlite');
      expect(samooh(['backup', '--db', original, '--out', backup]).status).toBe(0);
      // The register moves on after the backup: a restore has something to replace.
      const reg = path.join(dir, 'changed.sqlite');
      copyFileSync(original, reg);
      const { openRegister } = await import('../../db/connection.js');
      const db = openRegister(reg);
      addUnit(db, { code: 'PAT-T-GANDHI', name: 'Gandhi Maidan', type: 'thana' });
      await db.close();
      foldWal(reg);
      const template = path.join(dir, 'template-changed.sqlite');
      copyFileSync(reg, template);

      const work = path.join(dir, 'work.sqlite');
      const args = ['restore', '--db', work, backup, '--yes'];
      resetFrom(template, work);
      const before = contentDigest(work);
      const counts = countSyscalls(args);
      const after = contentDigest(work);
      expect(after).not.toBe(before);

      let killed = 0;
      const states = { before: 0, after: 0 };
      for (let i = 0; i < RUNS; i++) {
        resetFrom(template, work);
        const r = killRun(args, counts, i, 7000, 8000);
        const label = `run ${i} (${r.what})`;
        if (r.killed) killed++;
        expect(integrity(work), label).toBe('ok');
        const now = contentDigest(work);
        expect([before, after], `${label}: neither before nor after`).toContain(now);
        states[now === before ? 'before' : 'after']++;
        const audit = auditVerifies(work);
        expect(audit.ok, `${label}: ${audit.output}`).toBe(true);
        const again = samooh(args);
        expect(again.status, `${label}: ${again.stderr}`).toBe(0);
        // From the state before, the next restore makes exactly what a clean restore makes.
        if (now === before) expect(contentDigest(work), label).toBe(after);
        expect(auditVerifies(work).ok, label).toBe(true);
      }
      console.log(
        `crash restore: ${killed} of ${RUNS} runs killed; left before ${states.before}, after ${states.after}`,
      );
    },
    TIMEOUT,
  );
});
