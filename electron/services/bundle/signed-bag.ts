// Assembles a signed bag in memory: payload → manifest → bag-info (with Payload-Oxum) →
// tagmanifest → minisign signature over the tagmanifest. Pure: no database, no files.
import pkg from '../../../package.json' with { type: 'json' };
import {
  BAGIT,
  BAGIT_TXT,
  BAG_INFO,
  MANIFEST,
  SIGNATURE,
  TAGMANIFEST,
  bagInfoText,
  manifestText,
  payloadOxum,
  sha256Hex,
  type BagFile,
} from './bagit.js';
import { INFO, trustedComment, untrustedComment } from './bundle-format.js';
import { signPrehashed, type MinisignSecretKey } from './minisign.js';

export interface BagHeader {
  name: string;
  district: { code: string; name: string; nameHi?: string | null };
  sequence: number;
  previousTagmanifestSha256: string;
  baggingDate: string;
  uuid: string;
  policyVersion: number;
  keyId: string;
  auditHead: { count: number; hash: string };
  withMembers: boolean;
  generatedAt: string;
  signedAt: Date;
}

export interface SignedBag {
  name: string;
  /** Tag files first, then the payload; paths relative to the bag folder. */
  files: BagFile[];
  tagmanifestSha256: string;
  payloadOxum: string;
  trustedComment: string;
}

export function assembleBag(header: BagHeader, payload: readonly BagFile[], key: MinisignSecretKey): SignedBag {
  const manifest = Buffer.from(
    manifestText(payload.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes) }))),
    'utf8',
  );
  const oxum = payloadOxum(payload);
  const d = header.district;
  const info = Buffer.from(
    bagInfoText([
      [INFO.sourceOrganization, `${d.name} District Police`],
      [INFO.baggingDate, header.baggingDate],
      [INFO.payloadOxum, oxum],
      [INFO.externalIdentifier, header.uuid],
      [INFO.softwareAgent, `Samooh ${pkg.version}`],
      [INFO.district, d.code],
      [INFO.districtName, d.nameHi ? `${d.name} / ${d.nameHi}` : d.name],
      [INFO.sequence, header.sequence],
      [INFO.previous, header.previousTagmanifestSha256],
      [INFO.policyVersion, header.policyVersion],
      [INFO.keyId, header.keyId],
      [INFO.auditHead, header.auditHead.hash],
      [INFO.auditRows, header.auditHead.count],
      [INFO.membersIncluded, header.withMembers ? 'yes' : 'no'],
      [INFO.generatedAt, header.generatedAt],
      [INFO.summarySchemaVersion, 1],
    ]),
    'utf8',
  );
  const bagit = Buffer.from(BAGIT_TXT, 'utf8');
  const tagmanifest = Buffer.from(
    manifestText([
      { path: BAGIT, sha256: sha256Hex(bagit) },
      { path: BAG_INFO, sha256: sha256Hex(info) },
      { path: MANIFEST, sha256: sha256Hex(manifest) },
    ]),
    'utf8',
  );
  const tc = trustedComment({
    timestamp: Math.floor(header.signedAt.getTime() / 1000),
    district: d.code,
    sequence: header.sequence,
    date: header.baggingDate,
    bundle: header.uuid,
    keyId: header.keyId,
  });
  const signature = Buffer.from(
    signPrehashed(tagmanifest, key, tc, untrustedComment(header.name, header.keyId)),
    'utf8',
  );
  return {
    name: header.name,
    files: [
      { path: BAGIT, bytes: bagit },
      { path: BAG_INFO, bytes: info },
      { path: MANIFEST, bytes: manifest },
      { path: TAGMANIFEST, bytes: tagmanifest },
      { path: SIGNATURE, bytes: signature },
      ...payload,
    ],
    tagmanifestSha256: sha256Hex(tagmanifest),
    payloadOxum: oxum,
    trustedComment: tc,
  };
}
