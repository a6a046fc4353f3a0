// SIGKILL during `samooh bundle export` (SPEC §10, issue #10): make (flushed .partial → outbox
// row + audit → rename) then deliver (pending → durable copy → done). After each kill: a sound
// database; nothing outside the bundle tables and the audit log changed; every audit entry
// matches a recorded step (a made bundle has its export entry, a finished delivery its deliver
// entry); no finished bundle exists in the store or the USB folder that the outbox does not
// record. After the next start (`audit verify` opens the register): every recorded bundle is on
// disk with its recorded hash, no .partial is left, no delivery pending; and the next export
// succeeds and continues the chain. Runs: SAMOOH_CRASH_RUNS, else 3.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../db/connection.js';
import { seedDefaultRanks } from '../../db/ranks.js';
import { setSetting } from '../../db/settings.js';
import { createDistrictKey, passphraseProtector } from '../../electron/services/bundle/keys.js';
import { bundleStoreDir } from '../../electron/services/bundle/store.js';
import { addGroup, addUnit, fillGroup } from '../fixtures/builders.js';
import { samooh } from '../fixtures/cli.js';
import { TEST_KDF_COST } from '../fixtures/context.js';
import { crashRuns, countSyscalls, hasStrace } from '../fixtures/crash.js';
import { tempDir } from '../fixtures/temp.js';
import { auditVerifies, contentDigest, foldWal, integrity, killRun, resetFrom } from './checks.js';

const RUNS = crashRuns(3);
/** Each killed run and its checks spawn the CLI a few times (≈ 10 s on a busy machine). */
const TIMEOUT = 120_000 + RUNS * 30_000;
const PASS = { SAMOOH_PASSPHRASE: 'crash test passphrase' };
// An export writes the outbox, its deliveries, its audit entries and the signed audit checkpoint.
const BUNDLE_TABLES = ['bundle_outbox', 'bundle_deliveries', 'audit_log', 'audit_checkpoints', 'sqlite_sequence'];

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function facts(file: string) {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const outbox = db.prepare('SELECT seq, zip_sha256 AS sha, location FROM bundle_outbox ORDER BY seq').all() as {
      seq: number;
      sha: string;
      location: string;
    }[];
    const deliveries = db.prepare('SELECT state, location FROM bundle_deliveries').all() as {
      state: string;
      location: string;
    }[];
    const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'bundle'").all() as { action: string }[];
    return { outbox, deliveries, audit: audit.map((a) => a.action) };
  } finally {
    db.close();
  }
}

const zipsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.zip')) : []);
const partialsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.partial')) : []);

describe.runIf(hasStrace())('crash: bundle export', () => {
  it(
    `bundle export: recorded first, delivered second, settled on the next start, in ${RUNS} kills`,
    async () => {
      const dir = tempDir();
      const template = path.join(dir, 'template.sqlite');
      const reg = openRegister(template);
      seedDefaultRanks(reg);
      setSetting(reg, 'district', { code: 'PAT', name: 'Patna' });
      await createDistrictKey(
        reg,
        passphraseProtector({ passphrase: PASS.SAMOOH_PASSPHRASE, cost: TEST_KDF_COST }),
        't',
      );
      addUnit(reg, { code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'thana' });
      fillGroup(reg, addGroup(reg, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI' }).id, 50);
      await reg.close();
      // Derived tables (search index, counts) are brought up to date by the first real use; the
      // template starts from there, so the export changes only what it should.
      samooh(['compliance', '--db', template]);
      foldWal(template);
      const work = path.join(dir, 'work.sqlite');
      const usb = path.join(dir, 'usb');
      const store = bundleStoreDir(work);
      const args = ['bundle', 'export', '--db', work, '--out', usb];
      const fresh = () => {
        resetFrom(template, work);
        rmSync(usb, { recursive: true, force: true });
        mkdirSync(usb);
      };

      fresh();
      const counts = countSyscalls(args, PASS);
      let killed = 0;
      let recordedBeforeRename = 0;
      let pendingDeliveries = 0;
      for (let i = 0; i < RUNS; i++) {
        fresh();
        const before = contentDigest(work, BUNDLE_TABLES);
        const r = killRun(args, counts, i, 3000, 4000, PASS);
        const label = `run ${i} (${r.what})`;
        if (r.killed) killed++;
        else expect(r.status, `${label}: ${r.stderr}`).toBe(0);

        expect(integrity(work), label).toBe('ok');
        expect(contentDigest(work, BUNDLE_TABLES), `${label}: other tables changed`).toBe(before);
        const f = facts(work);
        expect(f.outbox.length, label).toBeLessThanOrEqual(1);
        // Each committed step carries its audit entry, and nothing else does.
        expect(f.audit.filter((a) => a === 'export').length, label).toBe(f.outbox.length);
        expect(f.audit.filter((a) => a === 'deliver').length, label).toBe(
          f.deliveries.filter((d) => d.state === 'done').length,
        );
        // No finished bundle anywhere that the outbox does not record.
        const recorded = new Set(f.outbox.map((o) => o.sha));
        for (const z of [
          ...zipsIn(store).map((n) => path.join(store, n)),
          ...zipsIn(usb).map((n) => path.join(usb, n)),
        ]) {
          expect(recorded.has(sha256(z)), `${label}: unrecorded bundle ${z}`).toBe(true);
        }
        if (f.outbox.length && !existsSync(f.outbox[0]!.location)) recordedBeforeRename++;
        pendingDeliveries += f.deliveries.filter((d) => d.state === 'pending').length;

        // The next start settles it.
        const audit = auditVerifies(work);
        expect(audit.ok, `${label}: ${audit.output}`).toBe(true);
        const settled = facts(work);
        for (const o of settled.outbox) {
          expect(existsSync(o.location), `${label}: bundle ${o.seq} missing after the next start`).toBe(true);
          expect(sha256(o.location), label).toBe(o.sha);
        }
        expect(partialsIn(store), label).toEqual([]);
        expect(partialsIn(usb), label).toEqual([]);
        expect(
          settled.deliveries.filter((d) => d.state === 'pending'),
          label,
        ).toEqual([]);

        // And the next export works, continuing the chain.
        const again = samooh([...args, '--json'], PASS);
        expect(again.status, `${label}: ${again.stderr}`).toBe(0);
        const made = again.json() as { sequence: number; file: string; zipSha256: string };
        expect(made.sequence, label).toBe(settled.outbox.length + 1);
        expect(sha256(made.file), label).toBe(made.zipSha256);
        expect(auditVerifies(work).ok, label).toBe(true);
      }
      copyFileSync(work, path.join(dir, 'last.sqlite'));
      console.log(
        `crash bundle export: ${killed} of ${RUNS} runs killed; ${recordedBeforeRename} left a recorded bundle as .partial (adopted), ${pendingDeliveries} a pending delivery (settled)`,
      );
    },
    TIMEOUT,
  );
});
