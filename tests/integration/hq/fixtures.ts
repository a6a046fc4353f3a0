// Fixtures for HQ tests: an HQ store and small generated districts, each a real register with
// its own key (sealed at the cheap test scrypt cost), exporting real signed bundles; and a way to
// craft a bundle by hand (e.g. with data/audit-chain.json) signed by a district's key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openRegister, type RegisterDb } from '../../../db/connection.js';
import { seedDefaultRanks } from '../../../db/ranks.js';
import { setSetting } from '../../../db/settings.js';
import { writeBundle, type BundleWritten } from '../../../electron/services/bundle/export.js';
import {
  createDistrictKey,
  loadSigningKey,
  passphraseProtector,
  type SigningKey,
} from '../../../electron/services/bundle/keys.js';
import { encodePublicKeyFile } from '../../../electron/services/bundle/minisign.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import type { ComplianceReport } from '../../../electron/services/compliance/types.js';
import { createHqStore } from '../../../electron/services/hq/store.js';
import { buildPayload } from '../../../electron/services/bundle/payload.js';
import { assembleBag } from '../../../electron/services/bundle/signed-bag.js';
import { bagName } from '../../../electron/services/bundle/bundle-format.js';
import { buildZip } from '../../../electron/services/bundle/zip-write.js';
import type { BagFile } from '../../../electron/services/bundle/bagit.js';
import { addGroup, addMembership, addStaff, addUnit, fillGroup } from '../../fixtures/builders.js';
import { TEST_KDF_COST, TEST_PASSPHRASE } from '../../fixtures/context.js';

export const protector = () => passphraseProtector({ passphrase: TEST_PASSPHRASE, cost: TEST_KDF_COST });
export const actorAt = (iso: string, operator = 'hq-test') => ({ operator, now: () => new Date(iso) });

/** A temp folder the caller removes (for beforeAll set-ups that outlive one test). */
export function scratchDir(prefix = 'samooh-hq-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function makeHqStore(dir: string, name = 'Police HQ Bihar'): Promise<string> {
  const file = path.join(dir, 'hq.sqlite');
  await createHqStore(file, { name, nameHi: 'पुलिस मुख्यालय', protector: protector() }, actorAt('2026-01-01T00:00:00Z'));
  return file;
}

export interface TestDistrict {
  code: string;
  name: string;
  db: RegisterDb;
  file: string;
  pubFile: string;
  key: SigningKey;
}

/**
 * A small district register: a district centre with a staff group, two thanas and an OP whose
 * group sizes vary with `i` (so some units are compliant, some short, some missing), women staff
 * in a women's group for even `i`.
 */
export async function makeDistrict(dir: string, code: string, i: number): Promise<TestDistrict> {
  const name = `District ${code}`;
  const file = path.join(dir, `${code}.sqlite`);
  const db = openRegister(file);
  seedDefaultRanks(db);
  setSetting(db, 'district', { code, name, nameHi: `ज़िला ${code}` });
  addUnit(db, { code: `${code}-DC`, name: 'Police Lines', type: 'district_centre' });
  addUnit(db, { code: `${code}-T1`, name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  addUnit(db, { code: `${code}-T2`, name: 'Sadar', type: 'thana' });
  addUnit(db, { code: `${code}-OP1`, name: 'Outpost', type: 'op', parent: `${code}-T1` });
  const g1 = addGroup(db, { code: `${code}-G1`, unit: `${code}-T1` });
  fillGroup(db, g1.id, 20 + ((i * 37) % 200));
  if (i % 3 !== 0) {
    const g2 = addGroup(db, { code: `${code}-G2`, unit: `${code}-T2` });
    fillGroup(db, g2.id, 200 + (i % 5));
  }
  const op = addGroup(db, { code: `${code}-G3`, unit: `${code}-OP1`, kind: 'cyber_senani' });
  fillGroup(db, op.id, 60 + ((i * 13) % 60));
  const staffGroup = addGroup(db, { code: `${code}-S1`, unit: `${code}-DC`, kind: 'staff' });
  const women = i % 2 === 0 ? addGroup(db, { code: `${code}-W1`, unit: `${code}-DC`, kind: 'women_staff' }) : null;
  for (let s = 0; s < 4 + (i % 4); s++) {
    const female = s % 2 === 0;
    const st = addStaff(db, { serviceNo: `${code}-S${s}`, unit: `${code}-DC`, gender: female ? 'F' : 'M' });
    if (s !== 1) addMembership(db, { groupId: staffGroup.id, staffId: st.id });
    if (women && female) addMembership(db, { groupId: women.id, staffId: st.id });
  }
  await createDistrictKey(db, protector(), 'district-clerk', new Date('2026-01-01T00:00:00Z'));
  const key = await loadSigningKey(db, protector());
  const pubFile = path.join(dir, `${code}.pub`);
  writeFileSync(pubFile, encodePublicKeyFile(key));
  return { code, name, db, file, pubFile, key };
}

/** The district's next real bundle, as `samooh bundle export` writes it. */
export async function exportBundle(
  d: TestDistrict,
  folder: string,
  now: Date,
): Promise<BundleWritten & { report: ComplianceReport }> {
  const report = computeCompliance(d.db, { now });
  const w = await writeBundle(d.db, {
    key: d.key,
    report,
    folder,
    withMembers: false,
    target: 'folder',
    operator: 'district-clerk',
    now,
  });
  return { ...w, report };
}

/** A second key for a district (key rotation: its PC was replaced). */
export async function rekey(d: TestDistrict, dir: string): Promise<{ key: SigningKey; pubFile: string }> {
  const { generateKeyPair, keyIdHex } = await import('../../../electron/services/bundle/minisign.js');
  const pair = generateKeyPair();
  const key: SigningKey = { ...pair, keyId: keyIdHex(pair.keyNumber) };
  const pubFile = path.join(dir, `${d.code}-new.pub`);
  writeFileSync(pubFile, encodePublicKeyFile(key));
  return { key, pubFile };
}

/**
 * A bundle assembled by hand: any key, sequence, predecessor and extra payload files (for
 * chains the register's outbox would never write: forks, rewritten audit history, new keys).
 */
export async function craftBundle(o: {
  key: SigningKey;
  report: ComplianceReport;
  sequence: number;
  previousTagmanifestSha256: string;
  baggingDate: string;
  extra?: BagFile[];
  folder: string;
}): Promise<{ file: string; tagmanifestSha256: string }> {
  const name = bagName(o.report.district.code, o.baggingDate, o.sequence);
  const uuid = randomUUID();
  const payload = [
    ...buildPayload({
      report: o.report,
      meta: {
        bagName: name,
        sequence: o.sequence,
        keyId: o.key.keyId,
        baggingDate: o.baggingDate,
        withMembers: false,
        auditHead: { count: 0, hash: '0'.repeat(64) },
        previousTagmanifestSha256: o.sequence > 1 ? o.previousTagmanifestSha256 : null,
        bundleUuid: uuid,
      },
      members: null,
    }),
    ...(o.extra ?? []),
  ];
  const bag = assembleBag(
    {
      name,
      district: o.report.district,
      sequence: o.sequence,
      previousTagmanifestSha256: o.previousTagmanifestSha256,
      baggingDate: o.baggingDate,
      uuid,
      policyVersion: o.report.policyVersion,
      keyId: o.key.keyId,
      auditHead: { count: 0, hash: '0'.repeat(64) },
      withMembers: false,
      generatedAt: o.report.generatedAt,
      signedAt: new Date(`${o.baggingDate}T10:00:00Z`),
    },
    payload,
    o.key,
  );
  const zip = await buildZip(
    bag.files.map((f) => ({ name: `${name}/${f.path}`, bytes: f.bytes })),
    new Date(`${o.baggingDate}T10:00:00Z`),
  );
  const file = path.join(o.folder, `${name}.zip`);
  writeFileSync(file, zip);
  return { file, tagmanifestSha256: bag.tagmanifestSha256 };
}
