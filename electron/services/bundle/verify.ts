// Verifies a bundle zip against a district's public key (SPEC §7, §8). Used by
// `samooh bundle verify`, by the writer on its own output, and by HQ mode on every import.
//
// It never stops at the first failure: every reason found is listed, each with a stable code
// HQ can store and the UI can translate. Structural zip problems stop the check before any
// content is inflated (see zip-read.ts); after that, every BagIt, signature and consistency
// check runs on the in-memory files.
import {
  BAGIT,
  BAG_INFO,
  MANIFEST,
  PAYLOAD_DIR,
  SIGNATURE,
  TAGMANIFEST,
  bagInfoValue,
  parseBagInfo,
  parseManifest,
  sha256Hex,
  type BagInfo,
} from './bagit.js';
import {
  BAG_NAME_RE,
  DISTRICT_CODE_RE,
  INFO,
  PAYLOAD,
  REQUIRED_INFO,
  REQUIRED_PAYLOAD,
  UUID_RE,
  parseTrustedComment,
  untrustedComment,
} from './bundle-format.js';
import { MinisignError, checkSignature, keyIdHex, parseSignature, type MinisignPublicKey } from './minisign.js';
import { checkSummary } from './summary-schema.js';
import {
  DEFAULT_ZIP_LIMITS,
  crcMismatches,
  readZipDefensively,
  type ZipLimits,
  type ZipProblemCode,
} from './zip-read.js';
import { GENESIS_TAGMANIFEST } from '../../../db/bundles.js';

export type VerifyCode =
  | ZipProblemCode
  | 'bagit_txt_missing'
  | 'bagit_txt_invalid'
  | 'bag_info_missing'
  | 'bag_info_invalid'
  | 'bag_info_field_missing'
  | 'bag_name_mismatch'
  | 'manifest_missing'
  | 'manifest_invalid'
  | 'payload_file_missing'
  | 'payload_hash_mismatch'
  | 'payload_file_unlisted'
  | 'payload_oxum_mismatch'
  | 'required_payload_missing'
  | 'members_flag_mismatch'
  | 'tagmanifest_missing'
  | 'tagmanifest_invalid'
  | 'tagmanifest_incomplete'
  | 'tag_file_missing'
  | 'tag_hash_mismatch'
  | 'unexpected_file'
  | 'signature_missing'
  | 'signature_malformed'
  | 'signature_not_prehashed'
  | 'signature_wrong_key'
  | 'signature_invalid'
  | 'trusted_comment_invalid'
  | 'trusted_comment_mismatch'
  | 'untrusted_comment_mismatch'
  | 'key_id_mismatch'
  | 'district_mismatch'
  | 'sequence_out_of_order'
  | 'sequence_gap'
  | 'chain_mismatch'
  | 'summary_invalid'
  | 'summary_mismatch';

export interface VerifyProblem {
  code: VerifyCode;
  message: string;
  /** The file concerned, relative to the bag folder (or the zip entry for zip problems). */
  file?: string;
}

export interface BagFacts {
  name: string;
  district: string | null;
  districtName: string | null;
  sequence: number | null;
  previousTagmanifestSha256: string | null;
  baggingDate: string | null;
  uuid: string | null;
  keyId: string | null;
  policyVersion: number | null;
  auditHead: string | null;
  auditRows: number | null;
  membersIncluded: boolean | null;
  payloadOxum: string | null;
  tagmanifestSha256: string | null;
  trustedComment: string | null;
  files: { path: string; bytes: number }[];
}

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
  publicKey: MinisignPublicKey;
  /** Check that the bundle belongs to this district. */
  district?: string;
  /**
   * The last bundle HQ accepted from this district, to check sequence and chain; `null` means
   * this must be the district's first bundle. Omitted: only internal consistency is checked.
   */
  previous?: { sequence: number; tagmanifestSha256: string } | null;
  limits?: ZipLimits;
  /** Also report the SHA-256 of the zip file itself (one more pass over it). */
  zipSha256?: boolean;
}

export interface VerifiedBundle {
  report: BundleVerification;
  /** The bag's files by path relative to the bag folder; empty when the zip was refused. */
  files: ReadonlyMap<string, Buffer>;
}

const KNOWN_TAG_FILES = new Set([BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE]);

export async function verifyBundle(input: string | Buffer, opts: VerifyOptions): Promise<VerifiedBundle> {
  const expectedKeyId = keyIdHex(opts.publicKey.keyNumber);
  // CRC-32 is checked below only for files no manifest hashes: SHA-256 covers the rest.
  const zip = await readZipDefensively(input, opts.limits ?? DEFAULT_ZIP_LIMITS, {
    crc: 'deferred',
    zipSha256: opts.zipSha256 ?? false,
  });
  const problems: VerifyProblem[] = zip.problems.map((p) => ({
    code: p.code,
    message: p.message,
    ...(p.entry ? { file: p.entry } : {}),
  }));
  const done = (bag: BagFacts | null, files: ReadonlyMap<string, Buffer>): VerifiedBundle => ({
    report: {
      ok: problems.length === 0,
      problems,
      zipBytes: zip.zipBytes,
      zipSha256: zip.zipSha256,
      bag,
      expectedKeyId,
    },
    files,
  });
  if (problems.length || zip.root === null) return done(null, new Map());

  const files = zip.files;
  const add = (code: VerifyCode, message: string, file?: string) =>
    problems.push(file === undefined ? { code, message } : { code, message, file });
  const text = (p: string) => files.get(p)?.toString('utf8');

  const facts: BagFacts = {
    name: zip.root,
    district: null,
    districtName: null,
    sequence: null,
    previousTagmanifestSha256: null,
    baggingDate: null,
    uuid: null,
    keyId: null,
    policyVersion: null,
    auditHead: null,
    auditRows: null,
    membersIncluded: null,
    payloadOxum: null,
    tagmanifestSha256: null,
    trustedComment: null,
    files: [...files].map(([path, b]) => ({ path, bytes: b.length })).sort((a, b) => a.path.localeCompare(b.path)),
  };

  // ---- bagit.txt
  const bagit = text(BAGIT);
  if (bagit === undefined) add('bagit_txt_missing', 'bagit.txt is missing', BAGIT);
  else {
    const info = parseBagInfo(bagit);
    const version = bagInfoValue(info, 'BagIt-Version');
    const enc = bagInfoValue(info, 'Tag-File-Character-Encoding');
    if (info.errors.length || version !== '1.0' || typeof enc !== 'string' || enc.toUpperCase() !== 'UTF-8') {
      add('bagit_txt_invalid', 'bagit.txt must declare BagIt-Version 1.0 and UTF-8', BAGIT);
    }
  }

  // ---- bag-info.txt
  let info: BagInfo | null = null;
  const single = (label: string): string | null => {
    if (!info) return null;
    const v = bagInfoValue(info, label);
    return typeof v === 'string' ? v : null;
  };
  const infoText = text(BAG_INFO);
  if (infoText === undefined) add('bag_info_missing', 'bag-info.txt is missing', BAG_INFO);
  else {
    info = parseBagInfo(infoText);
    for (const e of info.errors) add('bag_info_invalid', `bag-info.txt: ${e}`, BAG_INFO);
    for (const label of REQUIRED_INFO) {
      const v = bagInfoValue(info, label);
      if (v === undefined || v === '') add('bag_info_field_missing', `bag-info.txt has no ${label}`, BAG_INFO);
      else if (typeof v !== 'string') add('bag_info_invalid', `bag-info.txt has ${label} more than once`, BAG_INFO);
    }
    const seq = single(INFO.sequence);
    const prev = single(INFO.previous);
    const date = single(INFO.baggingDate);
    const uuid = single(INFO.externalIdentifier);
    const district = single(INFO.district);
    const policy = single(INFO.policyVersion);
    const rows = single(INFO.auditRows);
    const members = single(INFO.membersIncluded);
    const keyId = single(INFO.keyId);
    const checkField = (ok: boolean, label: string, what: string) => {
      if (!ok) add('bag_info_invalid', `bag-info.txt: ${label} ${what}`, BAG_INFO);
      return ok;
    };
    if (seq !== null && checkField(/^[1-9]\d{0,8}$/.test(seq), INFO.sequence, 'is not a positive whole number'))
      facts.sequence = Number(seq);
    if (prev !== null && checkField(/^[0-9a-f]{64}$/.test(prev), INFO.previous, 'is not a SHA-256 in hex'))
      facts.previousTagmanifestSha256 = prev;
    if (date !== null && checkField(isDay(date), INFO.baggingDate, 'is not a yyyy-mm-dd date'))
      facts.baggingDate = date;
    if (uuid !== null && checkField(UUID_RE.test(uuid), INFO.externalIdentifier, 'is not a UUID')) facts.uuid = uuid;
    if (district !== null && checkField(DISTRICT_CODE_RE.test(district), INFO.district, 'is not a district code'))
      facts.district = district;
    if (policy !== null && checkField(/^[1-9]\d{0,5}$/.test(policy), INFO.policyVersion, 'is not a version number'))
      facts.policyVersion = Number(policy);
    if (rows !== null && checkField(/^\d{1,12}$/.test(rows), INFO.auditRows, 'is not a count'))
      facts.auditRows = Number(rows);
    if (members !== null && checkField(members === 'yes' || members === 'no', INFO.membersIncluded, 'is not yes/no'))
      facts.membersIncluded = members === 'yes';
    if (keyId !== null && checkField(/^[0-9A-F]{16}$/.test(keyId), INFO.keyId, 'is not a minisign key id'))
      facts.keyId = keyId;
    facts.auditHead = single(INFO.auditHead);
    facts.districtName = single(INFO.districtName);
    facts.payloadOxum = single(INFO.payloadOxum);
  }

  // ---- The bag's name against bag-info.
  const m = BAG_NAME_RE.exec(zip.root);
  if (!m) add('bag_name_mismatch', `the bag folder ${zip.root} is not named samooh-<district>-<yyyymmdd>-<seq>`);
  else if (facts.district !== null && facts.baggingDate !== null && facts.sequence !== null) {
    const [, d, day, s] = m;
    if (d !== facts.district || day !== facts.baggingDate.replace(/-/g, '') || Number(s) !== facts.sequence) {
      add('bag_name_mismatch', `the bag folder ${zip.root} does not match its bag-info (district, date, sequence)`);
    }
  }

  // ---- Payload manifest.
  const listed = new Set<string>();
  /** Files a manifest lists (their SHA-256 is checked, so their CRC need not be). */
  const hashed = new Set<string>();
  const manifestText = text(MANIFEST);
  if (manifestText === undefined) add('manifest_missing', 'manifest-sha256.txt is missing', MANIFEST);
  else {
    const parsed = parseManifest(manifestText);
    for (const e of parsed.errors) add('manifest_invalid', `manifest-sha256.txt: ${e}`, MANIFEST);
    for (const e of parsed.entries) {
      if (!e.path.startsWith(PAYLOAD_DIR)) {
        add('manifest_invalid', `manifest-sha256.txt lists ${e.path}, outside data/`, MANIFEST);
        continue;
      }
      if (listed.has(e.path)) {
        add('manifest_invalid', `manifest-sha256.txt lists ${e.path} twice`, MANIFEST);
        continue;
      }
      listed.add(e.path);
      hashed.add(e.path);
      const bytes = files.get(e.path);
      if (!bytes) add('payload_file_missing', `${e.path} is listed in the manifest but missing`, e.path);
      else if (sha256Hex(bytes) !== e.sha256)
        add('payload_hash_mismatch', `${e.path} does not match its SHA-256 in the manifest`, e.path);
    }
  }
  const payloadFiles = [...files.keys()].filter((p) => p.startsWith(PAYLOAD_DIR));
  for (const p of payloadFiles) {
    if (manifestText !== undefined && !listed.has(p))
      add('payload_file_unlisted', `${p} is in the bag but not in the manifest`, p);
  }
  for (const p of REQUIRED_PAYLOAD) {
    if (!files.has(p) && !listed.has(p)) add('required_payload_missing', `${p} is missing from the bundle`, p);
  }
  if (facts.payloadOxum !== null) {
    const octets = payloadFiles.reduce((s, p) => s + files.get(p)!.length, 0);
    const actual = `${octets}.${payloadFiles.length}`;
    if (facts.payloadOxum !== actual) {
      add('payload_oxum_mismatch', `Payload-Oxum says ${facts.payloadOxum}; the payload is ${actual}`, BAG_INFO);
    }
  }
  if (facts.membersIncluded !== null && facts.membersIncluded !== files.has(PAYLOAD.members)) {
    add(
      'members_flag_mismatch',
      facts.membersIncluded
        ? 'bag-info says members are included but members.csv is absent'
        : 'members.csv is present but bag-info says members are not included',
      PAYLOAD.members,
    );
  }
  for (const p of files.keys()) {
    if (!p.startsWith(PAYLOAD_DIR) && !KNOWN_TAG_FILES.has(p))
      add('unexpected_file', `${p} does not belong in a Samooh bag`, p);
  }

  // ---- Tag manifest.
  const tagBytes = files.get(TAGMANIFEST);
  if (!tagBytes) add('tagmanifest_missing', 'tagmanifest-sha256.txt is missing', TAGMANIFEST);
  else {
    facts.tagmanifestSha256 = sha256Hex(tagBytes);
    const parsed = parseManifest(tagBytes.toString('utf8'));
    for (const e of parsed.errors) add('tagmanifest_invalid', `tagmanifest-sha256.txt: ${e}`, TAGMANIFEST);
    const covered = new Set<string>();
    for (const e of parsed.entries) {
      if (e.path.startsWith(PAYLOAD_DIR) || e.path === TAGMANIFEST || e.path === SIGNATURE) {
        add(
          'tagmanifest_invalid',
          `tagmanifest-sha256.txt lists ${e.path}, which is not a tag file it can cover`,
          TAGMANIFEST,
        );
        continue;
      }
      covered.add(e.path);
      hashed.add(e.path);
      const bytes = files.get(e.path);
      if (!bytes) add('tag_file_missing', `${e.path} is listed in the tag manifest but missing`, e.path);
      else if (sha256Hex(bytes) !== e.sha256)
        add('tag_hash_mismatch', `${e.path} does not match its SHA-256 in the tag manifest`, e.path);
    }
    for (const p of [BAGIT, BAG_INFO, MANIFEST]) {
      if (!covered.has(p)) add('tagmanifest_incomplete', `the tag manifest does not cover ${p}`, TAGMANIFEST);
    }
  }

  // ---- Files no manifest covers (the signature, strays): the zip's own CRC-32.
  for (const p of crcMismatches(
    zip,
    [...files.keys()].filter((f) => !hashed.has(f)),
  )) {
    add('entry_corrupt', `${p}: CRC-32 mismatch`, p);
  }

  // ---- Signature.
  const sigText = text(SIGNATURE);
  if (sigText === undefined) add('signature_missing', 'tagmanifest-sha256.txt.minisig is missing', SIGNATURE);
  else if (tagBytes) {
    try {
      const sig = parseSignature(sigText);
      facts.trustedComment = sig.trustedComment;
      const found = checkSignature(tagBytes, sig, opts.publicKey);
      for (const p of found) {
        if (p === 'wrong_key') {
          add('signature_wrong_key', `signed by key ${keyIdHex(sig.keyNumber)}, not by ${expectedKeyId}`, SIGNATURE);
        } else if (p === 'not_prehashed') {
          add('signature_not_prehashed', 'the signature is not a prehashed (ED) minisign signature', SIGNATURE);
        } else if (p === 'bad_signature') {
          add('signature_invalid', 'the signature does not match tagmanifest-sha256.txt', SIGNATURE);
        } else {
          add('trusted_comment_invalid', 'the trusted comment was changed after signing', SIGNATURE);
        }
      }
      checkTrustedComment(sig.trustedComment, facts, add);
      const expectedUntrusted = untrustedComment(zip.root, facts.keyId ?? expectedKeyId);
      if (sig.untrustedComment !== expectedUntrusted) {
        add(
          'untrusted_comment_mismatch',
          `the signature's untrusted comment was changed (expected "${expectedUntrusted}")`,
          SIGNATURE,
        );
      }
    } catch (err) {
      if (!(err instanceof MinisignError)) throw err;
      add('signature_malformed', `tagmanifest-sha256.txt.minisig: ${err.message}`, SIGNATURE);
    }
  }
  if (facts.keyId !== null && facts.keyId !== expectedKeyId) {
    add('key_id_mismatch', `bag-info names key ${facts.keyId}; the key given is ${expectedKeyId}`, BAG_INFO);
  }

  // ---- District, sequence and chain.
  if (opts.district !== undefined && facts.district !== null && facts.district !== opts.district) {
    add('district_mismatch', `the bundle is from district ${facts.district}, not ${opts.district}`, BAG_INFO);
  }
  if (facts.sequence !== null && facts.previousTagmanifestSha256 !== null) {
    const first = facts.sequence === 1;
    const genesis = facts.previousTagmanifestSha256 === GENESIS_TAGMANIFEST;
    if (first !== genesis) {
      add(
        'chain_mismatch',
        first ? 'bundle 1 must name no previous bundle' : `bundle ${facts.sequence} names no previous bundle`,
        BAG_INFO,
      );
    }
    if (opts.previous !== undefined) {
      const prevSeq = opts.previous?.sequence ?? 0;
      const prevHash = opts.previous?.tagmanifestSha256 ?? GENESIS_TAGMANIFEST;
      if (facts.sequence <= prevSeq) {
        add(
          'sequence_out_of_order',
          `sequence ${facts.sequence} is not after the last accepted ${prevSeq} (replayed or old)`,
          BAG_INFO,
        );
      } else if (facts.sequence > prevSeq + 1) {
        add(
          'sequence_gap',
          `sequence ${facts.sequence} follows ${prevSeq}: bundles ${prevSeq + 1}–${facts.sequence - 1} are missing`,
          BAG_INFO,
        );
      } else if (facts.previousTagmanifestSha256 !== prevHash) {
        add(
          'chain_mismatch',
          `bundle ${facts.sequence} does not name the last accepted bundle's tagmanifest (a fork)`,
          BAG_INFO,
        );
      }
    }
  }

  // ---- summary.json: schema and agreement with bag-info.
  const summaryBytes = files.get(PAYLOAD.summary);
  if (summaryBytes) {
    let summary: unknown;
    try {
      summary = JSON.parse(summaryBytes.toString('utf8'));
    } catch {
      add('summary_invalid', 'summary.json is not JSON', PAYLOAD.summary);
    }
    if (summary !== undefined) {
      const r = checkSummary(summary);
      if (!r.ok) for (const i of r.issues) add('summary_invalid', `summary.json: ${i}`, PAYLOAD.summary);
      else {
        const s = summary as { district: { code: string }; policyVersion: number };
        if (facts.district !== null && s.district.code !== facts.district) {
          add(
            'summary_mismatch',
            `summary.json is for district ${s.district.code}, bag-info says ${facts.district}`,
            PAYLOAD.summary,
          );
        }
        if (facts.policyVersion !== null && s.policyVersion !== facts.policyVersion) {
          add(
            'summary_mismatch',
            `summary.json uses policy ${s.policyVersion}, bag-info says ${facts.policyVersion}`,
            PAYLOAD.summary,
          );
        }
      }
    }
  }

  return done(facts, files);
}

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkTrustedComment(
  tc: string,
  facts: BagFacts,
  add: (code: VerifyCode, message: string, file?: string) => void,
): void {
  const f = parseTrustedComment(tc);
  const expect: [string, string | null][] = [
    ['district', facts.district],
    ['sequence', facts.sequence === null ? null : String(facts.sequence)],
    ['date', facts.baggingDate],
    ['bundle', facts.uuid],
    ['key', facts.keyId],
  ];
  for (const [field, value] of expect) {
    const got = f.get(field);
    if (got === undefined) add('trusted_comment_mismatch', `the trusted comment does not name the ${field}`, SIGNATURE);
    else if (value !== null && got !== value) {
      add('trusted_comment_mismatch', `the trusted comment says ${field} ${got}; bag-info says ${value}`, SIGNATURE);
    }
  }
}
