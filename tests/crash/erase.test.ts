// SIGKILL during `samooh person erase` (SPEC §10, issue #10). An erasure is all-or-nothing: after a
// kill the person is either whole or erased (never half), the file is sound, the audit chain
// verifies, and the next start finishes what the erasure ledger's sidecar already promised. Once
// the next operation has run, no byte of the person's name or phone is left in the register's
// files, and the membership counts are what they were.
// Runs: SAMOOH_CRASH_RUNS (npm run crash-test), else 3 per scenario.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addGroup, addMembership, addPerson, addUnit, fillGroup, makeRegister } from '../fixtures/builders.js';
import { samooh } from '../fixtures/cli.js';
import { crashRuns, countSyscalls, hasStrace } from '../fixtures/crash.js';
import { auditVerifies, foldWal, integrity, killRun, resetFrom } from './checks.js';

const RUNS = crashRuns(3);
const TIMEOUT = 120_000 + RUNS * 30_000;

const NAME = 'Bhola Nath Tiwari';
const DIGITS = '9835077777';

/** The person's state as stored, read without opening the register the app's way (no ledger replay). */
function personState(file: string, id: number): { erased: boolean; memberships: number } {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const row = db.prepare('SELECT name, phone FROM people WHERE id = ?').get(id) as {
      name: string;
      phone: string | null;
    };
    const erased = row.name !== NAME;
    // Half an erasure would leave the name without the phone or the other way round.
    expect((row.phone ?? '').includes(DIGITS), 'phone and name are erased together').toBe(!erased);
    const memberships = db.prepare('SELECT COUNT(*) FROM memberships WHERE person_id = ?').pluck().get(id) as number;
    return { erased, memberships };
  } finally {
    db.close();
  }
}

/** Whether any of the register's files still holds the name or the phone digits. */
function leftBytes(file: string): string[] {
  const found: string[] = [];
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(part);
    } catch {
      continue;
    }
    if (bytes.includes(Buffer.from('Bhola Nath'))) found.push(`${path.basename(part)}: name`);
    if (bytes.includes(Buffer.from(DIGITS))) found.push(`${path.basename(part)}: phone`);
  }
  return found;
}

describe.runIf(hasStrace())('crash: erasure', () => {
  it(
    `person erase: whole or erased, finished by the next start, no byte left, in ${RUNS} kills`,
    async () => {
      const reg = makeRegister();
      addUnit(reg.db, { code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'thana' });
      const g = addGroup(reg.db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI' });
      fillGroup(reg.db, g.id, 200);
      const person = addPerson(reg.db, { name: NAME, phone: `+91${DIGITS}`, locality: 'Danapur' });
      addMembership(reg.db, { groupId: g.id, personId: person.id, joinedOn: '2025-01-02' });
      await reg.db.close();
      samooh(['compliance', '--db', reg.file]);
      foldWal(reg.file);
      const template = path.join(reg.dir, 'template.sqlite');
      copyFileSync(reg.file, template);
      const work = path.join(reg.dir, 'work.sqlite');
      const fresh = () => {
        resetFrom(template, work);
        rmSync(`${work}.erasures.json`, { force: true });
      };
      const args = ['person', 'erase', '--db', work, '--phone', DIGITS, '--yes'];

      fresh();
      const counts = countSyscalls(args);
      let killed = 0;
      let whole = 0;
      let erasedAtKill = 0;
      let finishedByNextStart = 0;
      for (let i = 0; i < RUNS; i++) {
        fresh();
        const r = killRun(args, counts, i, 7300, 8300);
        const label = `run ${i} (${r.what})`;
        if (r.killed) killed++;
        else expect(r.status, `${label}: ${r.stderr}`).toBe(0);

        expect(integrity(work), label).toBe('ok');
        const atKill = personState(work, person.id);
        expect(atKill.memberships, `${label}: memberships kept`).toBe(1);
        if (atKill.erased) erasedAtKill++;
        else whole++;

        // The next start: opening the register replays the ledger; the chain verifies.
        const audit = auditVerifies(work);
        expect(audit.ok, `${label}: ${audit.output}`).toBe(true);
        const afterStart = personState(work, person.id);
        if (!atKill.erased && afterStart.erased) finishedByNextStart++;

        // The next operation succeeds: the erasure again if it is still owed, else a backup.
        const next = afterStart.erased
          ? samooh(['backup', '--db', work, '--out', path.join(reg.dir, `after-${i}.sqlite`)])
          : samooh(args);
        expect(next.status, `${label}: ${next.stdout} ${next.stderr}`).toBe(0);
        const done = personState(work, person.id);
        expect(done, label).toEqual({ erased: true, memberships: 1 });
        expect(leftBytes(work), `${label}: bytes of the erased person`).toEqual([]);
        const verify = auditVerifies(work);
        expect(verify.ok, `${label}: ${verify.output}`).toBe(true);
      }
      console.log(
        `crash erase: ${killed} of ${RUNS} runs killed; at the kill ${whole} whole, ${erasedAtKill} erased; ` +
          `${finishedByNextStart} finished by the next start from the ledger`,
      );
    },
    TIMEOUT,
  );
});
