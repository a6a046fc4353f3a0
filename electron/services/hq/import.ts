// `samooh hq import` and the HQ import screen (SPEC §8): many bundles at once, each read
// defensively, verified by the bundle verifier against the district's trusted key, then judged
// against HQ's record of that district:
//   next in sequence and naming the held predecessor → accepted;
//   a later sequence with a hole → accepted with a `gap` warning naming the missing numbers;
//   a missing one arriving later → accepted when its chain links agree both ways (gap closes);
//   the same bundle again → duplicate, nothing changes;
//   a different bundle at a held sequence, or one whose links or audit span contradict what HQ
//   holds → rejected as `fork`, and the district is flagged until HQ clears it.
// Each bundle is its own transaction (and its evidence file is written before it commits and
// removed if it does not), so one bad file never stops the others and nothing is half-imported.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { GENESIS_TAGMANIFEST } from '../../../db/bundles.js';
import type { HqDb } from '../../../db/hq/connection.js';
import {
  bundleAt,
  bundleByTagmanifest,
  bundleByZipSha,
  forkByZipSha,
  insertBundle,
  insertFork,
  lastBundle,
  sequencesOf,
  type HeldBundle,
} from '../../../db/hq/bundles.js';
import { getDistrictKey } from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { AppError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import { checkAuditChain, type ChainHead } from '../audit-chain/chain.js';
import { BAG_INFO, BAGIT } from '../bundle/bagit.js';
import { PAYLOAD } from '../bundle/bundle-format.js';
import { parsePublicKey } from '../bundle/minisign.js';
import { verifyBundle, type BagFacts, type VerifyProblem } from '../bundle/verify.js';
import { checkBagInfo } from '../bundle/verify/check-bag-info.js';
import { DEFAULT_ZIP_LIMITS, readZipDefensively, type ZipLimits } from '../bundle/zip-read.js';
import { collectImportFiles } from './import-files.js';
import { evidenceDir } from './store.js';
import { summaryFigures } from './summary-figures.js';

export type RefusalReason =
  'untrusted_key' | 'retired_key' | 'bad_signature' | 'bag_invalid' | 'unsafe_zip' | 'not_a_bundle' | 'fork';

export const REFUSAL_REASONS: readonly RefusalReason[] = [
  'untrusted_key',
  'retired_key',
  'bad_signature',
  'bag_invalid',
  'unsafe_zip',
  'not_a_bundle',
  'fork',
];

export interface ImportWarning {
  code: 'gap';
  message: string;
  /** The sequence numbers HQ does not hold below this bundle. */
  missing: number[];
}

export interface HqImportResult {
  accepted: { file: string; district: string; sequence: number; warnings: ImportWarning[] }[];
  duplicates: { file: string; district: string; sequence: number }[];
  rejected: { file: string; district: string | null; reason: RefusalReason; message: string }[];
}

/** A bundle is at most this big at HQ (districts send a few hundred KB; members.csv adds MBs). */
export const HQ_ZIP_LIMITS: ZipLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxZipBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

const AUDIT_CHAIN_FILE = 'data/audit-chain.json';

type Outcome =
  | { kind: 'accepted'; district: string; sequence: number; warnings: ImportWarning[] }
  | { kind: 'duplicate'; district: string; sequence: number }
  | { kind: 'rejected'; district: string | null; reason: RefusalReason; message: string };

class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly district: string | null,
  ) {
    super(message);
  }
}

/** Reads a regular file (no links, no devices), size checked before reading, at most `max` bytes. */
function readBundleFile(file: string, max: number): Buffer {
  let st;
  try {
    st = lstatSync(file);
  } catch (err) {
    throw new Refusal('not_a_bundle', `cannot read the file: ${(err as Error).message}`, null);
  }
  if (st.isSymbolicLink()) throw new Refusal('unsafe_zip', 'the path is a link, not a file', null);
  if (!st.isFile()) throw new Refusal('not_a_bundle', 'not a regular file', null);
  if (st.size === 0) throw new Refusal('not_a_bundle', 'the file is empty', null);
  if (st.size > max) throw new Refusal('unsafe_zip', `the file is ${st.size} bytes; a bundle is at most ${max}`, null);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) throw new Refusal('unsafe_zip', `the file is ${size} bytes; a bundle is at most ${max}`, null);
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

const UNSAFE_ZIP = new Set([
  'zip_too_large',
  'too_many_entries',
  'unsafe_path',
  'symlink_entry',
  'special_entry',
  'duplicate_entry',
  'too_large',
  'zip_bomb',
  'overlapping_entries',
  'encrypted_entry',
]);
const SIGNATURE = new Set([
  'signature_missing',
  'signature_malformed',
  'signature_not_prehashed',
  'signature_wrong_key',
  'signature_invalid',
  'trusted_comment_invalid',
  'trusted_comment_mismatch',
  'untrusted_comment_mismatch',
  'key_id_mismatch',
]);

const words = (problems: readonly VerifyProblem[]) =>
  problems
    .slice(0, 3)
    .map((p) => p.message)
    .join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '');

/** The refusal a verifier's problems amount to, in order of what matters most. */
function refusalOf(problems: readonly VerifyProblem[], district: string | null): Refusal | null {
  if (problems.length === 0) return null;
  const pick = (pred: (p: VerifyProblem) => boolean) => problems.filter(pred);
  const unsafe = pick((p) => UNSAFE_ZIP.has(p.code));
  if (unsafe.length) return new Refusal('unsafe_zip', `unsafe zip: ${words(unsafe)}`, district);
  const notBag = pick((p) =>
    ['zip_unreadable', 'not_one_folder', 'unsupported_compression', 'bagit_txt_missing', 'bag_info_missing'].includes(
      p.code,
    ),
  );
  if (notBag.length) return new Refusal('not_a_bundle', `not a Samooh bundle: ${words(notBag)}`, district);
  const mismatch = pick((p) => p.code === 'district_mismatch');
  if (mismatch.length)
    return new Refusal('untrusted_key', `the key is not trusted for this bundle: ${words(mismatch)}`, district);
  const sig = pick((p) => SIGNATURE.has(p.code));
  if (sig.length) return new Refusal('bad_signature', `the signature does not hold: ${words(sig)}`, district);
  return new Refusal('bag_invalid', `the bag is not valid: ${words(problems)}`, district);
}

interface Peeked {
  district: string;
  sequence: number;
  keyId: string;
}

/** Enough of the bag to pick the key: the zip read defensively, bag-info's district and key id. */
async function peek(buf: Buffer): Promise<Peeked> {
  const zip = await readZipDefensively(buf, HQ_ZIP_LIMITS, { crc: 'deferred' });
  const problems: VerifyProblem[] = zip.problems.map((p) => ({ code: p.code, message: p.message }));
  const early = refusalOf(problems, null);
  if (early) throw early;
  if (!zip.files.has(BAGIT) || !zip.files.has(BAG_INFO)) {
    throw new Refusal(
      'not_a_bundle',
      'not a Samooh bundle: the zip holds no BagIt bag (bagit.txt, bag-info.txt)',
      null,
    );
  }
  const { facts } = checkBagInfo(zip.files.get(BAG_INFO)!.toString('utf8'));
  if (facts.district === null || facts.sequence === null || facts.keyId === null) {
    throw new Refusal(
      'not_a_bundle',
      'not a Samooh bundle: bag-info.txt does not name a district, a sequence and a key id',
      facts.district,
    );
  }
  return { district: facts.district, sequence: facts.sequence, keyId: facts.keyId };
}

function gapsBelow(db: HqDb, district: string, sequence: number): number[] {
  const held = new Set(sequencesOf(db, district));
  const missing: number[] = [];
  for (let s = 1; s < sequence; s++) if (!held.has(s)) missing.push(s);
  return missing;
}

const range = (nums: number[]) => {
  if (nums.length === 0) return '';
  const parts: string[] = [];
  let start = nums[0]!;
  let prev = start;
  for (const n of [...nums.slice(1), NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = n;
  }
  return parts.join(', ');
};

interface ForkFound {
  detail: 'sequence_held' | 'chain_mismatch' | 'audit_history_rewritten';
  message: string;
}

/** The chain links and audit span against the held neighbours; null when they agree. */
function contradiction(
  bag: BagFacts & { sequence: number; tagmanifestSha256: string; previousTagmanifestSha256: string },
  audit: { from: ChainHead; to: ChainHead } | null,
  auditFile: unknown,
  prev: HeldBundle | undefined,
  next: HeldBundle | undefined,
): ForkFound | null {
  const seq = bag.sequence;
  if (seq > 1 && prev && prev.tagmanifestSha256 !== bag.previousTagmanifestSha256) {
    return {
      detail: 'chain_mismatch',
      message: `bundle ${seq} does not name the bundle ${seq - 1} HQ holds as its predecessor: a different history (fork)`,
    };
  }
  if (next && next.previousTagmanifestSha256 !== bag.tagmanifestSha256) {
    return {
      detail: 'chain_mismatch',
      message: `bundle ${seq + 1}, which HQ holds, names a different bundle ${seq}: this one belongs to another history (fork)`,
    };
  }
  if (audit) {
    const held =
      prev && prev.auditToCount !== null && prev.auditToHead !== null
        ? { count: prev.auditToCount, head: prev.auditToHead }
        : null;
    const rewritten = checkAuditChain(auditFile, held).find((p) => p.code === 'audit_history_rewritten');
    if (rewritten) return { detail: 'audit_history_rewritten', message: rewritten.message };
    if (next && next.auditFromCount !== null && next.auditFromHead !== null) {
      if (next.auditFromCount !== audit.to.count || next.auditFromHead !== audit.to.head) {
        return {
          detail: 'audit_history_rewritten',
          message: `the audit log in bundle ${seq} does not lead to the one bundle ${seq + 1} started from: the district's history was rewritten`,
        };
      }
    }
  }
  return null;
}

/** The evidence file for an accepted zip: `<evidence>/<aa>/<sha256>.zip`; created if new. */
function keepEvidence(db: HqDb, sha: string, buf: Buffer): { storedAs: string; created: string | null } {
  const storedAs = `${sha.slice(0, 2)}/${sha}.zip`;
  const target = path.join(evidenceDir(db), storedAs);
  if (existsSync(target)) return { storedAs, created: null };
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < buf.length) off += writeChunk(fd, buf, off);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
  return { storedAs, created: target };
}

function writeChunk(fd: number, buf: Buffer, off: number): number {
  const n = writeSync(fd, buf, off, buf.length - off);
  if (off + n >= buf.length) fsyncSync(fd);
  return n;
}

async function importOne(db: HqDb, file: string, actor: Actor): Promise<Outcome> {
  const buf = readBundleFile(file, HQ_ZIP_LIMITS.maxZipBytes);
  const zipSha256 = createHash('sha256').update(buf).digest('hex');
  const same = bundleByZipSha(db, zipSha256);
  if (same) return { kind: 'duplicate', district: same.districtCode, sequence: same.sequence };

  const peeked = await peek(buf);
  const key = getDistrictKey(db, peeked.keyId);
  if (!key) {
    throw new Refusal(
      'untrusted_key',
      `signed by key ${peeked.keyId}, which HQ does not trust (add the district's .pub with samooh hq trust)`,
      peeked.district,
    );
  }
  if (key.districtCode !== peeked.district) {
    throw new Refusal(
      'untrusted_key',
      `key ${peeked.keyId} is trusted for district ${key.districtCode}, but the bundle says it is from ${peeked.district}`,
      peeked.district,
    );
  }
  const { report, files } = await verifyBundle(buf, {
    publicKey: parsePublicKey(key.publicKey),
    district: key.districtCode,
    limits: HQ_ZIP_LIMITS,
  });
  const refusal = refusalOf(report.problems, peeked.district);
  if (refusal) throw refusal;
  const bag = report.bag!;
  const { sequence, tagmanifestSha256, previousTagmanifestSha256, baggingDate } = bag;
  if (sequence === null || !tagmanifestSha256 || !previousTagmanifestSha256 || !baggingDate) {
    throw new Refusal('bag_invalid', 'the bag lacks its sequence, chain or date', peeked.district);
  }
  if (key.retiredFrom !== null && baggingDate >= key.retiredFrom) {
    throw new Refusal(
      'retired_key',
      `signed on ${baggingDate} by key ${key.keyId}, which HQ retired from ${key.retiredFrom}`,
      key.districtCode,
    );
  }
  const summary = JSON.parse(files.get(PAYLOAD.summary)!.toString('utf8')) as unknown;
  const figures = summaryFigures(summary);

  let auditFile: unknown = undefined;
  let audit: { from: ChainHead; to: ChainHead } | null = null;
  const auditBytes = files.get(AUDIT_CHAIN_FILE);
  if (auditBytes) {
    try {
      auditFile = JSON.parse(auditBytes.toString('utf8'));
    } catch {
      throw new Refusal('bag_invalid', `${AUDIT_CHAIN_FILE} is not JSON`, key.districtCode);
    }
    const own = checkAuditChain(auditFile, null);
    if (own.length) throw new Refusal('bag_invalid', own.map((p) => p.message).join('; '), key.districtCode);
    const f = auditFile as { from: ChainHead; to: ChainHead };
    audit = { from: f.from, to: f.to };
  }
  if (sequence === 1 && previousTagmanifestSha256 !== GENESIS_TAGMANIFEST) {
    throw new Refusal('bag_invalid', 'bundle 1 names a previous bundle', key.districtCode);
  }

  const district = key.districtCode;
  const full = { ...bag, sequence, tagmanifestSha256, previousTagmanifestSha256 };
  let evidence: { storedAs: string; created: string | null } | null = null;
  try {
    return transaction(db, (): Outcome => {
      const sameBag = bundleByTagmanifest(db, tagmanifestSha256);
      if (sameBag) return { kind: 'duplicate', district: sameBag.districtCode, sequence: sameBag.sequence };
      const atSeq = bundleAt(db, district, sequence);
      const fork: ForkFound | null = atSeq
        ? {
            detail: 'sequence_held',
            message: `HQ already holds a different bundle ${sequence} from ${district} (restored from an old backup?): fork`,
          }
        : contradiction(
            full,
            audit,
            auditFile,
            bundleAt(db, district, sequence - 1),
            bundleAt(db, district, sequence + 1),
          );
      if (fork) {
        if (!forkByZipSha(db, zipSha256)) {
          insertFork(db, {
            zipSha256,
            districtCode: district,
            sequence,
            tagmanifestSha256,
            fileName: path.basename(file),
            detail: fork.detail,
            message: fork.message,
            detectedAt: actor.now().toISOString(),
          });
        }
        return { kind: 'rejected', district, reason: 'fork', message: fork.message };
      }
      const last = lastBundle(db, district);
      const lastSeq = last?.sequence ?? 0;
      const warnings: ImportWarning[] = [];
      if (sequence > lastSeq + 1) {
        const missing = gapsBelow(db, district, sequence).filter((s) => s > lastSeq);
        warnings.push({
          code: 'gap',
          message: `bundles ${range(missing)} from ${district} have not arrived`,
          missing,
        });
      }
      evidence = keepEvidence(db, zipSha256, buf);
      insertBundle(db, {
        districtCode: district,
        sequence,
        uuid: bag.uuid ?? '',
        tagmanifestSha256,
        previousTagmanifestSha256,
        zipSha256,
        zipBytes: buf.length,
        fileName: path.basename(file),
        storedAs: evidence.storedAs,
        keyId: key.keyId,
        baggingDate,
        generatedAt: figures.generatedAt,
        policyVersion: bag.policyVersion ?? figures.policyVersion,
        receivedAt: actor.now().toISOString(),
        receivedBy: actor.operator,
        auditFromCount: audit?.from.count ?? null,
        auditFromHead: audit?.from.head ?? null,
        auditToCount: audit?.to.count ?? null,
        auditToHead: audit?.to.head ?? null,
        ...figures.columns,
      });
      return { kind: 'accepted', district, sequence, warnings };
    });
  } catch (err) {
    const created = (evidence as { created: string | null } | null)?.created;
    if (created) rmSync(created, { force: true });
    throw err;
  }
}

export async function importBundles(
  db: HqDb,
  paths: readonly string[],
  ctx: Actor & Partial<Work>,
): Promise<HqImportResult> {
  if (paths.length === 0) throw new AppError('BAD_INPUT', 'Name at least one bundle (.zip) or folder to import.');
  const { files, missing } = collectImportFiles(paths);
  const result: HqImportResult = { accepted: [], duplicates: [], rejected: [] };
  for (const m of missing)
    result.rejected.push({ file: m.file, district: null, reason: 'not_a_bundle', message: m.message });
  const total = files.length;
  ctx.progress?.({ phase: 'verify', done: 0, total });
  for (let i = 0; i < files.length; i++) {
    if (ctx.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled', { done: i, total });
    const file = files[i]!;
    let outcome: Outcome;
    try {
      outcome = await importOne(db, file, ctx);
    } catch (err) {
      if (err instanceof Refusal)
        outcome = { kind: 'rejected', district: err.district, reason: err.reason, message: err.message };
      else if (err instanceof AppError && err.code === 'CANCELLED') throw err;
      else
        outcome = {
          kind: 'rejected',
          district: null,
          reason: 'not_a_bundle',
          message: `could not be read: ${(err as Error).message}`,
        };
    }
    if (outcome.kind === 'accepted') {
      result.accepted.push({
        file,
        district: outcome.district,
        sequence: outcome.sequence,
        warnings: outcome.warnings,
      });
    } else if (outcome.kind === 'duplicate') {
      result.duplicates.push({ file, district: outcome.district, sequence: outcome.sequence });
    } else {
      result.rejected.push({ file, district: outcome.district, reason: outcome.reason, message: outcome.message });
    }
    ctx.progress?.({ phase: 'verify', done: i + 1, total });
  }
  return result;
}
