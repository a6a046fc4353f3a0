// SIGKILL during `samooh import register` (SPEC §10, issue #10): at injected durability calls
// (fsync, rename, pwrite…) and at random moments. After each kill the register is a sound
// database holding exactly the state before the import or after it, the audit chain verifies,
// and the import run again succeeds. Runs: SAMOOH_CRASH_RUNS (npm run crash-test), else 3.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashRuns, countSyscalls, hasStrace } from '../fixtures/crash.js';
import { makeRegister } from '../fixtures/builders.js';
import { samooh } from '../fixtures/cli.js';
import { messyWorkbook } from '../integration/register-io/messy-workbook.js';
import { auditVerifies, contentDigest, foldWal, integrity, killRun, resetFrom } from './checks.js';

const RUNS = crashRuns(3);
/** Each killed run and its checks spawn the CLI a few times (≈ 10 s on a busy machine). */
const TIMEOUT = 120_000 + RUNS * 30_000;

describe.runIf(hasStrace())('crash: import', () => {
  it(
    `import register: all or nothing in ${RUNS} kills`,
    async () => {
      const reg = makeRegister();
      const book = await messyWorkbook(reg.dir);
      await reg.db.close();
      const template = path.join(reg.dir, 'template.sqlite');
      foldWal(reg.file);
      copyFileSync(reg.file, template);
      const work = path.join(reg.dir, 'work.sqlite');
      const args = ['import', 'register', '--db', work, book];

      resetFrom(template, work);
      const before = contentDigest(work);
      const counts = countSyscalls(args);
      const after = contentDigest(work);
      expect(after).not.toBe(before);

      let killed = 0;
      const states = { before: 0, after: 0 };
      for (let i = 0; i < RUNS; i++) {
        resetFrom(template, work);
        const r = killRun(args, counts, i, 1000, 2000);
        const label = `run ${i} (${r.what})`;
        if (r.killed) killed++;
        expect(integrity(work), label).toBe('ok');
        const now = contentDigest(work);
        expect([before, after], `${label}: neither before nor after`).toContain(now);
        states[now === before ? 'before' : 'after']++;
        const audit = auditVerifies(work);
        expect(audit.ok, `${label}: ${audit.output}`).toBe(true);
        const again = samooh(args);
        expect(again.status, `${label}: the next import: ${again.stderr}`).toBe(0);
        // From the state before, the next import makes exactly the state a clean import makes.
        if (now === before) expect(contentDigest(work), label).toBe(after);
        expect(auditVerifies(work).ok, label).toBe(true);
      }
      console.log(
        `crash import: ${killed} of ${RUNS} runs killed; left before ${states.before}, after ${states.after}`,
      );
    },
    TIMEOUT,
  );
});
