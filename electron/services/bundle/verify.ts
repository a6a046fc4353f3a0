// Verifies a bundle zip against a district's public key (SPEC §7, §8). Used by
// `samooh bundle verify`, by the writer on its own output, and by HQ mode on every import.
//
// It never stops at the first failure: every reason found is listed, each with a stable code
// HQ can store and the UI can translate. Structural zip problems stop the check before any
// content is inflated (see zip-read.ts); after that, every BagIt, signature and consistency
// check runs on the in-memory files. Each check is its own step (verify/), and the problems
// come in the order of the steps below — callers and HQ's stored reasons rely on it.
import { BAGIT, BAG_INFO } from './bagit.js';
import { PAYLOAD } from './bundle-format.js';
import { keyIdHex, type MinisignPublicKey } from './minisign.js';
import { checkBagInfo, checkBagName, type BagInfoFacts } from './verify/check-bag-info.js';
import { checkBagitTxt } from './verify/check-bagit.js';
import { checkChain, checkDistrict, type PreviousBundle } from './verify/check-chain.js';
import {
  checkPayloadManifest,
  checkTagManifest,
  checkUnexpectedFiles,
  checkUnhashedCrc,
} from './verify/check-manifests.js';
import { checkKeyId, checkSignature } from './verify/check-signature.js';
import { checkSummaryFile } from './verify/check-summary.js';
import { checkZip } from './verify/check-zip.js';
import type { BagFacts, VerifyProblem } from './verify/report.js';
import type { ZipLimits } from './zip-read.js';

export type { BagFacts, VerifyCode, VerifyProblem } from './verify/report.js';

export interface BundleVerification {
  ok: boolean;
  problems: VerifyProblem[];
  zipBytes: number;
  zipSha256: string | null;
  /** What the bag says about itself (trustworthy only when ok). */
  bag: BagFacts | null;
  /** The signing key's id as minisign prints it. */
  expectedKeyId: string;
}

export interface VerifyOptions {
  /**
   * The signer's key — or, for HQ (which holds many), a function that picks it from bag-info's
   * facts once the zip is read (so the zip is read once); it may throw to stop the check.
   */
  publicKey: MinisignPublicKey | ((facts: BagInfoFacts) => MinisignPublicKey);
  /** Check that the bundle belongs to this district. */
  district?: string;
  /**
   * The last bundle HQ accepted from this district, to check sequence and chain; `null` means
   * this must be the district's first bundle. Omitted: only internal consistency is checked.
   */
  previous?: PreviousBundle;
  limits?: ZipLimits;
  /** Also report the SHA-256 of the zip file itself (one more pass over it). */
  zipSha256?: boolean;
}

export interface VerifiedBundle {
  report: BundleVerification;
  /** The bag's files by path relative to the bag folder; empty when the zip was refused. */
  files: ReadonlyMap<string, Buffer>;
}

export async function verifyBundle(input: string | Buffer, opts: VerifyOptions): Promise<VerifiedBundle> {
  const { zip, problems } = await checkZip(input, opts);
  let publicKey = typeof opts.publicKey === 'function' ? null : opts.publicKey;
  const done = (bag: BagFacts | null, files: ReadonlyMap<string, Buffer>): VerifiedBundle => ({
    report: {
      ok: problems.length === 0,
      problems,
      zipBytes: zip.zipBytes,
      zipSha256: zip.zipSha256,
      bag,
      expectedKeyId: publicKey ? keyIdHex(publicKey.keyNumber) : '',
    },
    files,
  });
  if (problems.length || zip.root === null) return done(null, new Map());

  const { files, root } = zip;
  problems.push(...checkBagitTxt(files.get(BAGIT)?.toString('utf8')));
  const info = checkBagInfo(files.get(BAG_INFO)?.toString('utf8'));
  problems.push(...info.problems, ...checkBagName(root, info.facts));
  if (typeof opts.publicKey === 'function') publicKey = opts.publicKey(info.facts);
  const key = publicKey!;
  const payload = checkPayloadManifest(files, info.facts);
  problems.push(...payload.problems, ...checkUnexpectedFiles(files));
  const tags = checkTagManifest(files);
  problems.push(...tags.problems, ...checkUnhashedCrc(zip, new Set([...payload.hashed, ...tags.hashed])));
  const signature = checkSignature(files, { root, publicKey: key, facts: info.facts });
  problems.push(...signature.problems, ...checkKeyId(info.facts.keyId, key));
  problems.push(...checkDistrict(info.facts, opts.district), ...checkChain(info.facts, opts.previous));
  problems.push(...checkSummaryFile(files.get(PAYLOAD.summary), info.facts));

  const f = info.facts;
  // Spelled out in this order: `samooh bundle verify --json` prints the facts as they are.
  const facts: BagFacts = {
    name: root,
    district: f.district,
    districtName: f.districtName,
    sequence: f.sequence,
    previousTagmanifestSha256: f.previousTagmanifestSha256,
    baggingDate: f.baggingDate,
    uuid: f.uuid,
    keyId: f.keyId,
    policyVersion: f.policyVersion,
    auditHead: f.auditHead,
    auditRows: f.auditRows,
    membersIncluded: f.membersIncluded,
    payloadOxum: f.payloadOxum,
    tagmanifestSha256: tags.tagmanifestSha256,
    trustedComment: signature.trustedComment,
    files: [...files].map(([path, b]) => ({ path, bytes: b.length })).sort((a, b) => a.path.localeCompare(b.path)),
  };
  return done(facts, files);
}
