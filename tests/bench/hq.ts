// HQ benchmarks (issue 8):
// - import and verify 40 district bundles into an HQ store (read, zip checks, BagIt hashes,
//   signature, chain, evidence copy, one transaction each), against a floor measured in the
//   same run: `openssl dgst -sha256` over the same 40 zips plus 40 Ed25519 verifications with
//   node:crypto — what any verifier must at least do. Target ≤ 3×.
// - `hq report` over 40 districts × 52 weekly bundles (2,080 rows). Target ≤ 50 ms.
// The bundles carry the demo district's real compliance report (one per district, relabelled),
// so their size is a real district's.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegister } from '../../db/connection.js';
import { openHq } from '../../db/hq/connection.js';
import { insertBundle } from '../../db/hq/bundles.js';
import { insertDistrict, insertDistrictKey } from '../../db/hq/trust.js';
import { transaction } from '../../db/exec.js';
import { GENESIS_TAGMANIFEST } from '../../db/bundles.js';
import { bagName } from '../../electron/services/bundle/bundle-format.js';
import { encodePublicKeyFile, generateKeyPair, keyIdHex } from '../../electron/services/bundle/minisign.js';
import { passphraseProtector } from '../../electron/services/bundle/keys.js';
import { buildPayload } from '../../electron/services/bundle/payload.js';
import { assembleBag } from '../../electron/services/bundle/signed-bag.js';
import { buildZip } from '../../electron/services/bundle/zip-write.js';
import { computeCompliance } from '../../electron/services/compliance/compliance.js';
import type { ComplianceReport } from '../../electron/services/compliance/types.js';
import { fillDemo } from '../../electron/services/demo/demo.js';
import { importBundles } from '../../electron/services/hq/import.js';
import { hqReport } from '../../electron/services/hq/report.js';
import { createHqStore, openHqStore } from '../../electron/services/hq/store.js';
import { summaryFigures } from '../../electron/services/hq/summary-figures.js';
import { trustDistrictKey } from '../../electron/services/hq/trust.js';
import { median, round } from './stats.js';
import type { BenchRow } from './types.js';

const DISTRICTS = 40;
const WEEKS = 52;
const COST = { opslimit: 32_768, memlimit: 16 * 1024 * 1024 };
const actor = { operator: 'bench', now: () => new Date('2026-03-02T12:00:00Z') };

async function districtBundle(report: ComplianceReport, code: string, dir: string) {
  const pair = generateKeyPair();
  const keyId = keyIdHex(pair.keyNumber);
  const r = { ...report, district: { code, name: `District ${code}` } };
  const day = '2026-03-02';
  const name = bagName(code, day, 1);
  const uuid = randomUUID();
  const audit = { count: 0, hash: '0'.repeat(64) };
  const payload = buildPayload({
    report: r,
    meta: {
      bagName: name,
      sequence: 1,
      keyId,
      baggingDate: day,
      withMembers: false,
      auditHead: audit,
      previousTagmanifestSha256: null,
      bundleUuid: uuid,
    },
    members: null,
  });
  const bag = assembleBag(
    {
      name,
      district: r.district,
      sequence: 1,
      previousTagmanifestSha256: GENESIS_TAGMANIFEST,
      baggingDate: day,
      uuid,
      policyVersion: r.policyVersion,
      keyId,
      auditHead: audit,
      withMembers: false,
      generatedAt: r.generatedAt,
      signedAt: new Date(`${day}T10:00:00Z`),
    },
    payload,
    { ...pair },
  );
  const zip = await buildZip(
    bag.files.map((f) => ({ name: `${name}/${f.path}`, bytes: f.bytes })),
    new Date(`${day}T10:00:00Z`),
  );
  const file = path.join(dir, `${name}.zip`);
  writeFileSync(file, zip);
  return { code, file, pub: encodePublicKeyFile(pair), bytes: zip.length };
}

function floorMs(files: string[]): { openssl: number; ed25519: number } {
  const ssl: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync('openssl', ['dgst', '-sha256', ...files], { encoding: 'utf8' });
    ssl.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  }
  const keys = Array.from({ length: files.length }, () => generateKeyPairSync('ed25519'));
  const msgs = keys.map(() => randomBytes(64));
  const sigs = keys.map((k, i) => sign(null, msgs[i]!, k.privateKey));
  const ed: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    for (let j = 0; j < keys.length; j++)
      if (!verify(null, msgs[j]!, keys[j]!.publicKey, sigs[j]!)) throw new Error('ed25519');
    ed.push(performance.now() - t0);
  }
  return { openssl: median(ssl), ed25519: median(ed) };
}

export async function benchHq(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-hq-'));
  const rows: BenchRow[] = [];
  try {
    const reg = openRegister(path.join(dir, 'demo.sqlite'));
    fillDemo(reg, { scale: 'district', now: new Date('2026-03-01T10:00:00Z'), operator: 'bench' });
    const report = computeCompliance(reg, { now: new Date('2026-03-02T10:00:00Z') });
    await reg.close();

    const usb = path.join(dir, 'usb');
    mkdirSync(usb);
    const bundles = [];
    for (let i = 0; i < DISTRICTS; i++)
      bundles.push(await districtBundle(report, `D${String(i + 1).padStart(2, '0')}`, usb));
    const totalBytes = bundles.reduce((s, b) => s + b.bytes, 0);

    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const hqFile = path.join(dir, `hq-${run}.sqlite`);
      await createHqStore(
        hqFile,
        { name: 'Bench HQ', protector: passphraseProtector({ passphrase: 'bench', cost: COST }) },
        actor,
      );
      const db = openHqStore(hqFile);
      for (const b of bundles) trustDistrictKey(db, { district: b.code, publicKeyText: b.pub }, actor);
      const t0 = performance.now();
      const r = await importBundles(db, [usb], actor);
      times.push(performance.now() - t0);
      await db.close();
      if (r.accepted.length !== DISTRICTS) throw new Error(`bench import: ${JSON.stringify(r.rejected.slice(0, 2))}`);
    }
    const ours = median(times);
    const floor = floorMs(bundles.map((b) => b.file));
    const floorTotal = floor.openssl + floor.ed25519;
    rows.push({
      name: `hq import + verify, ${DISTRICTS} district bundles (${(totalBytes / 1e6).toFixed(1)} MB), median of 5 (floor: openssl dgst -sha256 on the same zips ${round(floor.openssl)} ms + ${DISTRICTS} Ed25519 verifications ${round(floor.ed25519)} ms)`,
      value: round(ours),
      unit: 'ms',
      floor: round(floorTotal),
      ratio: round(ours / floorTotal, 2),
      target: '≤ 3× floor',
      pass: ours / floorTotal <= 3,
    });

    // hq report over 40 × 52 weekly bundles: rows as import writes them, from the real summary.
    const big = openHq(path.join(dir, 'hq-year.sqlite'), { create: true });
    const figures = summaryFigures(report);
    transaction(big, () => {
      for (let d = 0; d < DISTRICTS; d++) {
        const code = `D${String(d + 1).padStart(2, '0')}`;
        insertDistrictAndKey(big, code, keyIdFor(d));
        let prev = GENESIS_TAGMANIFEST;
        for (let w = 1; w <= WEEKS; w++) {
          const day = new Date(Date.UTC(2025, 2, 3) + (w - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
          const tag = (d * 1000 + w).toString(16).padStart(64, '0');
          insertBundle(big, {
            districtCode: code,
            sequence: w,
            uuid: randomUUID(),
            tagmanifestSha256: tag,
            previousTagmanifestSha256: prev,
            zipSha256: (d * 1000 + w).toString(16).padStart(64, 'f'),
            zipBytes: 200_000,
            fileName: `${bagName(code, day.replace(/-/g, ''), w)}.zip`,
            storedAs: 'x',
            keyId: keyIdFor(d),
            baggingDate: day,
            generatedAt: `${day}T10:00:00.000Z`,
            policyVersion: 1,
            receivedAt: `${day}T12:00:00.000Z`,
            receivedBy: 'bench',
            auditFromCount: null,
            auditFromHead: null,
            auditToCount: null,
            auditToHead: null,
            ...figures.columns,
          });
          prev = tag;
        }
      }
    });
    const reportTimes: number[] = [];
    let districtsSeen = 0;
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      const r = hqReport(big, actor);
      reportTimes.push(performance.now() - t0);
      districtsSeen = r.state.districtsReporting;
    }
    await big.close();
    if (districtsSeen !== DISTRICTS) throw new Error('bench report: wrong district count');
    const reportMs = median(reportTimes);
    rows.push({
      name: `hq report, ${DISTRICTS} districts × ${WEEKS} weekly bundles (${DISTRICTS * WEEKS} rows, trends included), median of 21`,
      value: round(reportMs, 2),
      unit: 'ms',
      target: '≤ 50 ms',
      pass: reportMs <= 50,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const keyIdFor = (d: number) => (0xa000 + d).toString(16).toUpperCase().padStart(16, '0');

/** A trust-store row with a fixed key id per district (the report does not read keys). */
function insertDistrictAndKey(db: ReturnType<typeof openHq>, code: string, keyId: string): void {
  insertDistrict(db, {
    code,
    name: `District ${code}`,
    nameHi: null,
    addedAt: '2025-03-01T00:00:00.000Z',
    addedBy: 'bench',
  });
  insertDistrictKey(db, {
    keyId,
    districtCode: code,
    publicKey: Buffer.concat([Buffer.from('Ed'), Buffer.from(keyId, 'hex').reverse(), randomBytes(32)]).toString(
      'base64',
    ),
    label: null,
    addedAt: '2025-03-01T00:00:00.000Z',
    addedBy: 'bench',
  });
}
