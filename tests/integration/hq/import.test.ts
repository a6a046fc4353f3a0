// HQ import against real files: real district registers export real signed bundles, HQ verifies
// and judges them against its record — accepted, gap (and its closing), duplicate/replay, fork,
// and every refusal with its reason; nothing half-imported; one bad file never stops the others.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegister } from '../../../db/connection.js';
import { openHq } from '../../../db/hq/connection.js';
import { auditChainFile, GENESIS } from '../../../electron/services/audit-chain/chain.js';
import { importBundles } from '../../../electron/services/hq/import.js';
import { hqReport } from '../../../electron/services/hq/report.js';
import { evidenceDir, openHqStore } from '../../../electron/services/hq/store.js';
import { listTrustedKeys, retireKey, trustDistrictKey } from '../../../electron/services/hq/trust.js';
import { clearDistrictForks } from '../../../electron/services/hq/forks.js';
import type { HqDb } from '../../../db/hq/connection.js';
import {
  actorAt,
  craftBundle,
  exportBundle,
  makeDistrict,
  makeHqStore,
  rekey,
  scratchDir,
  type TestDistrict,
} from './fixtures.js';

const sha = (s: string) => Buffer.from(s).toString('hex').padEnd(64, '0').slice(0, 64);

let scratch: ReturnType<typeof scratchDir>;
let pat: TestDistrict;
let gaya: TestDistrict;
/** PAT's bundles 1–4, exported one day apart. */
let patBundles: Awaited<ReturnType<typeof exportBundle>>[];
let gayaBundle: Awaited<ReturnType<typeof exportBundle>>;

beforeAll(async () => {
  scratch = scratchDir();
  const out = path.join(scratch.dir, 'out');
  mkdirSync(out);
  pat = await makeDistrict(scratch.dir, 'PAT', 1);
  gaya = await makeDistrict(scratch.dir, 'GAYA', 2);
  patBundles = [];
  for (let day = 1; day <= 4; day++) {
    patBundles.push(await exportBundle(pat, out, new Date(`2026-02-0${day}T10:00:00Z`)));
  }
  gayaBundle = await exportBundle(gaya, out, new Date('2026-02-01T11:00:00Z'));
});

afterAll(async () => {
  await pat.db.close();
  await gaya.db.close();
  scratch.remove();
});

async function freshHq(): Promise<{ db: HqDb; dir: string }> {
  const dir = path.join(scratch.dir, `hq-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const file = await makeHqStore(dir);
  const db = openHqStore(file);
  trustDistrictKey(
    db,
    { district: 'PAT', publicKeyText: readFileSync(pat.pubFile, 'utf8'), name: 'Patna' },
    actorAt('2026-01-02T00:00:00Z'),
  );
  return { db, dir };
}

const at = (iso: string) => actorAt(iso);

describe('hq import: the chain', () => {
  it('accepts the next bundle, reports a replay as a duplicate, warns of a gap and closes it', async () => {
    const { db } = await freshHq();
    const [b1, b2, b3, b4] = patBundles;
    const r1 = await importBundles(db, [b1!.file], at('2026-02-01T12:00:00Z'));
    expect(r1).toEqual({
      accepted: [{ file: b1!.file, district: 'PAT', sequence: 1, warnings: [] }],
      duplicates: [],
      rejected: [],
    });
    // The same bundle again (and a copy of it under another name): nothing changes.
    const copy = path.join(path.dirname(b1!.file), 'copy-of-first.zip');
    copyFileSync(b1!.file, copy);
    const again = await importBundles(db, [b1!.file, copy], at('2026-02-02T12:00:00Z'));
    expect(again.accepted).toEqual([]);
    expect(again.duplicates).toEqual([
      { file: b1!.file, district: 'PAT', sequence: 1 },
      { file: copy, district: 'PAT', sequence: 1 },
    ]);

    const r3 = await importBundles(db, [b3!.file], at('2026-02-03T12:00:00Z'));
    expect(r3.accepted).toHaveLength(1);
    expect(r3.accepted[0]!.warnings).toEqual([
      { code: 'gap', message: 'bundles 2 from PAT have not arrived', missing: [2] },
    ]);
    expect(hqReport(db, at('2026-02-03T12:00:00Z')).districts[0]!.gaps).toEqual([2]);

    const r2 = await importBundles(db, [b2!.file, b4!.file], at('2026-02-04T12:00:00Z'));
    expect(r2.accepted.map((a) => [a.sequence, a.warnings])).toEqual([
      [2, []],
      [4, []],
    ]);
    const report = hqReport(db, at('2026-02-04T12:00:00Z'));
    expect(report.districts[0]).toMatchObject({ code: 'PAT', latestSequence: 4, gaps: [], forked: false });
    // Evidence: one content-addressed zip per accepted bundle, byte for byte.
    const ev = evidenceDir(db);
    const kept = readdirSync(ev, { recursive: true }).filter((f) => String(f).endsWith('.zip'));
    expect(kept).toHaveLength(4);
    expect(readFileSync(path.join(ev, `${b2!.zipSha256}.zip`))).toEqual(readFileSync(b2!.file));
    await db.close();
  });

  it('refuses a different bundle at a held sequence as a fork and flags the district until cleared', async () => {
    const { db, dir } = await freshHq();
    await importBundles(db, [patBundles[0]!.file, patBundles[1]!.file], at('2026-02-02T12:00:00Z'));
    // The district restored an old backup and bagged sequence 2 again, differently.
    const forked = await craftBundle({
      key: pat.key,
      report: { ...patBundles[1]!.report, generatedAt: '2026-02-05T10:00:00.000Z' },
      sequence: 2,
      previousTagmanifestSha256: patBundles[0]!.tagmanifestSha256,
      baggingDate: '2026-02-05',
      folder: dir,
    });
    // And a bundle 3 that names a predecessor HQ never saw.
    const stray = await craftBundle({
      key: pat.key,
      report: patBundles[2]!.report,
      sequence: 3,
      previousTagmanifestSha256: sha('another history'),
      baggingDate: '2026-02-06',
      folder: dir,
    });
    const r = await importBundles(db, [forked.file, stray.file], at('2026-02-06T12:00:00Z'));
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => [x.district, x.reason])).toEqual([
      ['PAT', 'fork'],
      ['PAT', 'fork'],
    ]);
    expect(r.rejected[0]!.message).toMatch(/already holds a different bundle 2/);
    expect(r.rejected[1]!.message).toMatch(/does not name the bundle 2 HQ holds/);
    const row = hqReport(db, at('2026-02-06T12:00:00Z')).districts[0]!;
    expect(row.forked).toBe(true);
    expect(row.forks.map((f) => f.sequence)).toEqual([2, 3]);
    expect(row.latestSequence).toBe(2);
    expect(hqReport(db, at('2026-02-06T12:00:00Z')).state.districtsForked).toBe(1);
    expect(clearDistrictForks(db, 'PAT', at('2026-02-07T00:00:00Z')).cleared).toBe(2);
    expect(hqReport(db, at('2026-02-07T12:00:00Z')).districts[0]!.forked).toBe(false);
    await db.close();
  });

  it('checks a late bundle against its successor too (a gap closed by a stranger is a fork)', async () => {
    const { db, dir } = await freshHq();
    await importBundles(db, [patBundles[0]!.file, patBundles[2]!.file], at('2026-02-03T12:00:00Z'));
    // A bundle 2 that follows 1 correctly but is not the one bundle 3 names.
    const impostor = await craftBundle({
      key: pat.key,
      report: patBundles[1]!.report,
      sequence: 2,
      previousTagmanifestSha256: patBundles[0]!.tagmanifestSha256,
      baggingDate: '2026-02-02',
      folder: dir,
    });
    const r = await importBundles(db, [impostor.file], at('2026-02-04T12:00:00Z'));
    expect(r.rejected).toMatchObject([{ district: 'PAT', reason: 'fork' }]);
    expect(r.rejected[0]!.message).toMatch(/bundle 3, which HQ holds, names a different bundle 2/);
    // The real bundle 2 closes the gap.
    const ok = await importBundles(db, [patBundles[1]!.file], at('2026-02-04T12:00:00Z'));
    expect(ok.accepted).toMatchObject([{ sequence: 2, warnings: [] }]);
    expect(hqReport(db, at('2026-02-04T12:00:00Z')).districts[0]!.gaps).toEqual([]);
    await db.close();
  });
});

describe('hq import: refusals, each with its reason', () => {
  it('untrusted key, tampered payload, bad signature, unsafe zip, not a bundle — and the rest still go in', async () => {
    const { db, dir } = await freshHq();
    const b1 = patBundles[0]!;
    const zip = readFileSync(b1.file);
    // Entries are stored, so the summary's text is in the zip as it is: change one figure.
    const tampered = path.join(dir, 'tampered.zip');
    const i = zip.indexOf('"units": ');
    expect(i).toBeGreaterThan(0);
    const t = Buffer.from(zip);
    t[i + 9] = t[i + 9] === 0x39 ? 0x38 : t[i + 9]! + 1;
    writeFileSync(tampered, t);
    // A flipped character in the signature's base64 line.
    const badSig = path.join(dir, 'bad-signature.zip');
    const s = Buffer.from(zip);
    const sigAt = s.indexOf('\ntrusted comment:') - 10;
    expect(sigAt).toBeGreaterThan(0);
    s[sigAt] = s[sigAt] === 0x41 ? 0x42 : 0x41;
    writeFileSync(badSig, s);
    const unsafe = path.join(dir, 'unsafe.zip');
    execFileSync('python3', [
      '-c',
      "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('../../etc/evil.txt','x')\nz.close()",
      unsafe,
    ]);
    const notZip = path.join(dir, 'notes.zip');
    writeFileSync(notZip, 'this is a letter, not a zip');
    const otherZip = path.join(dir, 'photos.zip');
    execFileSync('python3', [
      '-c',
      "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('photos/a.txt','x')\nz.close()",
      otherZip,
    ]);
    const missing = path.join(dir, 'no-such.zip');

    const r = await importBundles(
      db,
      [gayaBundle.file, tampered, badSig, unsafe, notZip, otherZip, missing, b1.file],
      at('2026-02-02T12:00:00Z'),
    );
    expect(r.accepted.map((a) => a.file)).toEqual([b1.file]);
    const reasons = Object.fromEntries(r.rejected.map((x) => [path.basename(x.file), [x.district, x.reason]]));
    expect(reasons).toEqual({
      'no-such.zip': [null, 'not_a_bundle'],
      [path.basename(gayaBundle.file)]: ['GAYA', 'untrusted_key'],
      'tampered.zip': ['PAT', 'bag_invalid'],
      'bad-signature.zip': ['PAT', 'bad_signature'],
      'unsafe.zip': [null, 'unsafe_zip'],
      'notes.zip': [null, 'not_a_bundle'],
      'photos.zip': [null, 'not_a_bundle'],
    });
    for (const x of r.rejected) expect(x.message.length).toBeGreaterThan(10);
    expect(r.rejected.find((x) => x.reason === 'untrusted_key')!.message).toMatch(/does not trust/);
    // Nothing of the refused files was kept.
    const kept = readdirSync(evidenceDir(db), { recursive: true }).filter((f) => String(f).endsWith('.zip'));
    expect(kept).toHaveLength(1);
    await db.close();
  });

  it('imports a folder: bundles in sequence order whatever the listing, other files ignored', async () => {
    const { db, dir } = await freshHq();
    const folder = path.join(dir, 'usb');
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    for (const b of [...patBundles].reverse()) copyFileSync(b.file, path.join(folder, 'nested', path.basename(b.file)));
    writeFileSync(path.join(folder, 'readme.txt'), 'not a bundle');
    const r = await importBundles(db, [folder], at('2026-02-05T12:00:00Z'));
    expect(r.accepted.map((a) => [a.sequence, a.warnings.length])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(r.rejected).toEqual([]);
    await db.close();
  });

  it('refuses a retired key from its retirement day, accepts a rotated key, and lists both', async () => {
    const { db, dir } = await freshHq();
    await importBundles(db, [patBundles[0]!.file, patBundles[1]!.file], at('2026-02-02T12:00:00Z'));
    // PAT's PC is replaced on 3 Feb: a new key, trusted; the old one retired from that day.
    const fresh = await rekey(pat, dir);
    trustDistrictKey(
      db,
      { district: 'PAT', publicKeyText: readFileSync(fresh.pubFile, 'utf8'), label: 'new PC' },
      at('2026-02-03T09:00:00Z'),
    );
    retireKey(db, { district: 'PAT', keyId: pat.key.keyId, from: '2026-02-03' }, at('2026-02-03T09:00:00Z'));
    const keys = listTrustedKeys(db, 'PAT');
    expect(keys.map((k) => [k.keyId, k.status, k.retiredFrom])).toEqual([
      [pat.key.keyId, 'retired', '2026-02-03'],
      [fresh.key.keyId, 'active', null],
    ]);
    // Bundle 3 bagged on 3 Feb with the old key: refused. The same content under the new key: accepted.
    const old = await importBundles(db, [patBundles[2]!.file], at('2026-02-03T12:00:00Z'));
    expect(old.rejected).toMatchObject([{ district: 'PAT', reason: 'retired_key' }]);
    expect(old.rejected[0]!.message).toMatch(/retired from 2026-02-03/);
    const rotated = await craftBundle({
      key: fresh.key,
      report: patBundles[2]!.report,
      sequence: 3,
      previousTagmanifestSha256: patBundles[1]!.tagmanifestSha256,
      baggingDate: '2026-02-03',
      folder: dir,
    });
    const ok = await importBundles(db, [rotated.file], at('2026-02-03T12:00:00Z'));
    expect(ok.accepted).toMatchObject([{ district: 'PAT', sequence: 3, warnings: [] }]);
    // A key is trusted for one district only.
    expect(() =>
      trustDistrictKey(
        db,
        { district: 'GAYA', publicKeyText: readFileSync(fresh.pubFile, 'utf8') },
        at('2026-02-03T12:00:00Z'),
      ),
    ).toThrow(/already trusted for district PAT/);
    await db.close();
  });
});

describe('hq import: long work', () => {
  it('reports progress per file and stops on cancel without recording anything', async () => {
    const { db } = await freshHq();
    const events: { phase: string; done: number; total: number }[] = [];
    const r = await importBundles(
      db,
      patBundles.slice(0, 2).map((b) => b.file),
      {
        ...at('2026-02-02T12:00:00Z'),
        progress: (p) => events.push(p),
      },
    );
    expect(r.accepted).toHaveLength(2);
    expect(events.map((e) => [e.phase, e.done, e.total])).toEqual([
      ['verify', 0, 2],
      ['verify', 1, 2],
      ['verify', 2, 2],
    ]);
    const abort = new AbortController();
    const cancelled = importBundles(
      db,
      patBundles.slice(2).map((b) => b.file),
      {
        ...at('2026-02-04T12:00:00Z'),
        signal: abort.signal,
        progress: () => abort.abort(),
      },
    );
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(hqReport(db, at('2026-02-04T12:00:00Z')).districts[0]!.latestSequence).toBe(2);
    expect(readdirSync(evidenceDir(db)).filter((f) => f.endsWith('.zip'))).toHaveLength(2);
    await db.close();
  });
});

describe('hq import: the audit chain a bundle carries', () => {
  it('accepts spans that extend the head HQ holds and flags a rewritten history as a fork', async () => {
    const { db, dir } = await freshHq();
    const k = await rekey(pat, dir);
    trustDistrictKey(
      db,
      { district: 'BHO', publicKeyText: readFileSync(k.pubFile, 'utf8') },
      at('2026-01-02T00:00:00Z'),
    );
    const report = { ...patBundles[0]!.report, district: { code: 'BHO', name: 'Bhojpur' } };
    const d = (c: string) => sha(c);
    const span1 = auditChainFile({ count: 0, head: GENESIS }, [d('a'), d('b')]);
    const span2 = auditChainFile(span1.to, [d('c')]);
    // History rewritten: row b edited, so the chain no longer passes through span1's head.
    const rewritten = auditChainFile(auditChainFile({ count: 0, head: GENESIS }, [d('a'), d('B')]).to, [
      d('c'),
      d('e'),
    ]);
    const file = (x: object) => [{ path: 'data/audit-chain.json', bytes: Buffer.from(JSON.stringify(x)) }];
    const b1 = await craftBundle({
      key: k.key,
      report,
      sequence: 1,
      previousTagmanifestSha256: GENESIS,
      baggingDate: '2026-02-01',
      extra: file(span1),
      folder: dir,
    });
    const b2 = await craftBundle({
      key: k.key,
      report,
      sequence: 2,
      previousTagmanifestSha256: b1.tagmanifestSha256,
      baggingDate: '2026-02-02',
      extra: file(span2),
      folder: dir,
    });
    const b3 = await craftBundle({
      key: k.key,
      report,
      sequence: 3,
      previousTagmanifestSha256: b2.tagmanifestSha256,
      baggingDate: '2026-02-03',
      extra: file(rewritten),
      folder: dir,
    });
    const broken = { ...span2, to: { ...span2.to, head: d('x') } };
    const b3b = await craftBundle({
      key: k.key,
      report,
      sequence: 3,
      previousTagmanifestSha256: b2.tagmanifestSha256,
      baggingDate: '2026-02-04',
      extra: file(broken),
      folder: dir,
    });
    const r = await importBundles(db, [b1.file, b2.file, b3.file, b3b.file], at('2026-02-04T12:00:00Z'));
    expect(r.accepted.map((a) => a.sequence)).toEqual([1, 2]);
    expect(r.rejected.map((x) => [path.basename(x.file), x.reason])).toEqual([
      [path.basename(b3.file), 'fork'],
      [path.basename(b3b.file), 'bag_invalid'],
    ]);
    expect(r.rejected[0]!.message).toMatch(/history was rewritten/);
    expect(hqReport(db, at('2026-02-04T12:00:00Z')).districts.find((x) => x.code === 'BHO')!.forked).toBe(true);
    await db.close();
  });
});

describe('HQ and district files refuse each other', () => {
  it('an HQ command refuses a register and a register opener refuses an HQ file', async () => {
    const { db, dir } = await freshHq();
    const hqFile = db.file;
    await db.close();
    expect(() => openHqStore(pat.file)).toThrow(/is not an HQ database/);
    expect(() => openRegister(hqFile)).toThrow(/is an HQ database, not a district register/);
    expect(() => openHq(path.join(dir, 'none.sqlite'))).toThrow(/no HQ database at/);
    expect(existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
    // Still an HQ file, untouched.
    const again = openHqStore(hqFile);
    expect(hqReport(again, at('2026-02-01T00:00:00Z')).state.districtsTrusted).toBe(1);
    await again.close();
  });
});
