// `samooh hq import` and the HQ import screen (SPEC §8): many bundles at once, each read
// defensively, verified by the bundle verifier against the district's trusted key, then judged
// against HQ's record of that district:
//   next in sequence and naming the held predecessor → accepted;
//   a later sequence with a hole → accepted with a `gap` warning naming the missing numbers;
//   a missing one arriving later → accepted when its chain links agree both ways (gap closes);
//   the same bundle again → duplicate, nothing changes;
//   a different bundle at a held sequence, or one whose links or audit span contradict what HQ
//   holds → rejected as `fork`, and the district is flagged until HQ clears it.
// Each bundle is judged in its own savepoint within a chunk's transaction, and its evidence file
// is flushed to disk before that commits (and removed if it is not accepted): one bad file never
// stops the others, and nothing is half-imported.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, rmSync } from 'node:fs';
import fsp from 'node:fs/promises';
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
import { getDistrictKey, type HqDistrictKeyRow } from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import { checkAuditChain, type ChainHead } from '../audit-chain/chain.js';
import { PAYLOAD } from '../bundle/bundle-format.js';
import { parsePublicKey } from '../bundle/minisign.js';
import { verifyBundle, type BagFacts, type VerifyProblem } from '../bundle/verify.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../bundle/zip-read.js';
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

/** The trusted key bag-info names, for the district it names; refusals otherwise. */
function trustedKeyFor(db: HqDb, facts: Pick<BagFacts, 'district' | 'sequence' | 'keyId'>): HqDistrictKeyRow {
  if (facts.district === null || facts.sequence === null || facts.keyId === null) {
    throw new Refusal(
      'not_a_bundle',
      'not a Samooh bundle: it has no bag-info.txt naming a district, a sequence and a key id',
      facts.district,
    );
  }
  const key = getDistrictKey(db, facts.keyId);
  if (!key) {
    throw new Refusal(
      'untrusted_key',
      `signed by key ${facts.keyId}, which HQ does not trust (add the district's .pub with samooh hq trust)`,
      facts.district,
    );
  }
  if (key.districtCode !== facts.district) {
    throw new Refusal(
      'untrusted_key',
      `key ${facts.keyId} is trusted for district ${key.districtCode}, but the bundle says it is from ${facts.district}`,
      facts.district,
    );
  }
  return key;
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

/**
 * Evidence files for a chunk of candidates: `<evidence>/<sha256>.zip` (one flat folder: a state
 * HQ receives a few thousand a year), written to a temp name, flushed to disk and renamed — all
 * at once, so the disk's journal takes the flushes together — and the folder flushed after the
 * renames. Returns the files this call made (removed again for every candidate the decisions
 * do not accept).
 */
async function keepEvidence(db: HqDb, candidates: readonly Candidate[]): Promise<Map<string, string>> {
  const root = evidenceDir(db);
  const made = new Map<string, string>();
  const todo = candidates.filter((c) => {
    const target = path.join(root, c.storedAs);
    if (made.has(c.zipSha256) || existsSync(target)) return false;
    made.set(c.zipSha256, target);
    return true;
  });
  if (todo.length === 0) return made;
  await fsp.mkdir(root, { recursive: true });
  await Promise.all(
    todo.map(async (c) => {
      const target = made.get(c.zipSha256)!;
      const tmp = `${target}.${process.pid}.tmp`;
      const fh = await fsp.open(tmp, 'w');
      try {
        await fh.writeFile(c.buf);
        await fh.datasync();
      } finally {
        await fh.close();
      }
      await fsp.rename(tmp, target);
    }),
  );
  const dir = await fsp.open(root, 'r');
  try {
    await dir.sync();
  } catch {
    /* some file systems (and Windows) cannot flush a folder; the files themselves are flushed */
  } finally {
    await dir.close();
  }
  return made;
}

/** A bundle that verified and may be accepted, once judged against HQ's record. */
interface Candidate {
  file: string;
  buf: Buffer;
  zipSha256: string;
  storedAs: string;
  district: string;
  keyId: string;
  bag: BagFacts & {
    sequence: number;
    tagmanifestSha256: string;
    previousTagmanifestSha256: string;
    baggingDate: string;
  };
  figures: ReturnType<typeof summaryFigures>;
  audit: { from: ChainHead; to: ChainHead } | null;
  auditFile: unknown;
}

/** Reads and verifies one file: a refusal (thrown), a byte-for-byte duplicate, or a candidate. */
async function prepare(db: HqDb, file: string): Promise<Candidate | Outcome> {
  const buf = readBundleFile(file, HQ_ZIP_LIMITS.maxZipBytes);
  const zipSha256 = createHash('sha256').update(buf).digest('hex');
  const same = bundleByZipSha(db, zipSha256);
  if (same) return { kind: 'duplicate', district: same.districtCode, sequence: same.sequence };

  // The key is picked from bag-info once the zip is read (the zip is read once).
  let key: HqDistrictKeyRow | undefined;
  const { report, files } = await verifyBundle(buf, {
    publicKey: (facts) => {
      key = trustedKeyFor(db, facts);
      return parsePublicKey(key.publicKey);
    },
    limits: HQ_ZIP_LIMITS,
  });
  const refusal = refusalOf(report.problems, report.bag?.district ?? null);
  if (refusal) throw refusal;
  if (!key) throw new Refusal('not_a_bundle', 'not a Samooh bundle', null);
  const bag = report.bag!;
  const { sequence, tagmanifestSha256, previousTagmanifestSha256, baggingDate } = bag;
  if (sequence === null || !tagmanifestSha256 || !previousTagmanifestSha256 || !baggingDate) {
    throw new Refusal('bag_invalid', 'the bag lacks its sequence, chain or date', key.districtCode);
  }
  if (key.retiredFrom !== null && baggingDate >= key.retiredFrom) {
    throw new Refusal(
      'retired_key',
      `signed on ${baggingDate} by key ${key.keyId}, which HQ retired from ${key.retiredFrom}`,
      key.districtCode,
    );
  }
  if (sequence === 1 && previousTagmanifestSha256 !== GENESIS_TAGMANIFEST) {
    throw new Refusal('bag_invalid', 'bundle 1 names a previous bundle', key.districtCode);
  }
  const figures = summaryFigures(JSON.parse(files.get(PAYLOAD.summary)!.toString('utf8')) as unknown);

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
  return {
    file,
    buf,
    zipSha256,
    storedAs: `${zipSha256}.zip`,
    district: key.districtCode,
    keyId: key.keyId,
    bag: { ...bag, sequence, tagmanifestSha256, previousTagmanifestSha256, baggingDate },
    figures,
    audit,
    auditFile,
  };
}

/** Judges a verified candidate against HQ's record and records it (inside the chunk's transaction). */
function decide(db: HqDb, c: Candidate, actor: Actor): Outcome {
  const { district, bag } = c;
  const { sequence, tagmanifestSha256, previousTagmanifestSha256 } = bag;
  const sameBag = bundleByTagmanifest(db, tagmanifestSha256);
  if (sameBag) return { kind: 'duplicate', district: sameBag.districtCode, sequence: sameBag.sequence };
  const atSeq = bundleAt(db, district, sequence);
  const fork: ForkFound | null = atSeq
    ? {
        detail: 'sequence_held',
        message: `HQ already holds a different bundle ${sequence} from ${district} (restored from an old backup?): fork`,
      }
    : contradiction(
        bag,
        c.audit,
        c.auditFile,
        bundleAt(db, district, sequence - 1),
        bundleAt(db, district, sequence + 1),
      );
  if (fork) {
    if (!forkByZipSha(db, c.zipSha256)) {
      insertFork(db, {
        zipSha256: c.zipSha256,
        districtCode: district,
        sequence,
        tagmanifestSha256,
        fileName: path.basename(c.file),
        detail: fork.detail,
        message: fork.message,
        detectedAt: actor.now().toISOString(),
      });
    }
    return { kind: 'rejected', district, reason: 'fork', message: fork.message };
  }
  const lastSeq = lastBundle(db, district)?.sequence ?? 0;
  const warnings: ImportWarning[] = [];
  if (sequence > lastSeq + 1) {
    const missing = gapsBelow(db, district, sequence).filter((s) => s > lastSeq);
    warnings.push({ code: 'gap', message: `bundles ${range(missing)} from ${district} have not arrived`, missing });
  }
  insertBundle(db, {
    districtCode: district,
    sequence,
    uuid: bag.uuid ?? '',
    tagmanifestSha256,
    previousTagmanifestSha256,
    zipSha256: c.zipSha256,
    zipBytes: c.buf.length,
    fileName: path.basename(c.file),
    storedAs: c.storedAs,
    keyId: c.keyId,
    baggingDate: bag.baggingDate,
    generatedAt: c.figures.generatedAt,
    policyVersion: bag.policyVersion ?? c.figures.policyVersion,
    receivedAt: actor.now().toISOString(),
    receivedBy: actor.operator,
    auditFromCount: c.audit?.from.count ?? null,
    auditFromHead: c.audit?.from.head ?? null,
    auditToCount: c.audit?.to.count ?? null,
    auditToHead: c.audit?.to.head ?? null,
    ...c.figures.columns,
  });
  return { kind: 'accepted', district, sequence, warnings };
}

/** Files per chunk, and bytes held in memory per chunk (a chunk is verified, then committed). */
const CHUNK_FILES = 64;
const CHUNK_BYTES = 128 * 1024 * 1024;
const PARALLEL = 4;

const failed = (err: unknown): Outcome => {
  if (err instanceof Refusal)
    return { kind: 'rejected', district: err.district, reason: err.reason, message: err.message };
  return {
    kind: 'rejected',
    district: null,
    reason: 'not_a_bundle',
    message: `could not be read: ${(err as Error).message}`,
  };
};

/**
 * Imports bundles in chunks: each file of a chunk is read and verified on its own (a refusal
 * concerns that file only); the verified ones' evidence is written and flushed together; then one
 * transaction judges them in order (sequence order within a district, so a folder of a year's
 * bundles shows no passing gaps), each in its own savepoint. A crash leaves a chunk wholly in or
 * wholly out, never a bundle half-recorded.
 */
export async function importBundles(
  db: HqDb,
  paths: readonly string[],
  ctx: Actor & Partial<Work>,
): Promise<HqImportResult> {
  if (paths.length === 0) {
    throw reasonError('BAD_INPUT', 'hq_nothing_named', 'Name at least one bundle (.zip) or folder to import.');
  }
  const { files, missing } = collectImportFiles(paths);
  const result: HqImportResult = { accepted: [], duplicates: [], rejected: [] };
  for (const m of missing)
    result.rejected.push({ file: m.file, district: null, reason: 'not_a_bundle', message: m.message });
  const total = files.length;
  let done = 0;
  ctx.progress?.({ phase: 'verify', done, total });
  let next = 0;
  while (next < files.length) {
    // Files are read and verified a few at a time: the zip reader waits on the event loop
    // between entries, and the others' hashing fills those waits.
    const chunk: { file: string; item: Candidate | Outcome | null }[] = [];
    const inflight = new Set<Promise<void>>();
    let bytes = 0;
    while (next < files.length && chunk.length < CHUNK_FILES && bytes < CHUNK_BYTES) {
      if (ctx.signal?.aborted) break;
      const slot = { file: files[next++]!, item: null as Candidate | Outcome | null };
      chunk.push(slot);
      const p: Promise<void> = prepare(db, slot.file)
        .catch(failed)
        .then((item) => {
          slot.item = item;
          if ('buf' in item) bytes += item.buf.length;
          ctx.progress?.({ phase: 'verify', done: ++done, total });
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= PARALLEL) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    if (ctx.signal?.aborted) throw reasonError('CANCELLED', 'cancelled', 'Cancelled', {}, { done, total });
    const candidates = chunk.flatMap((c) => (c.item && 'buf' in c.item ? [c.item] : []));
    const made = await keepEvidence(db, candidates);
    const outcomes: Outcome[] = [];
    try {
      transaction(db, () => {
        for (const { item } of chunk) {
          if (!item || !('buf' in item)) {
            outcomes.push(item ?? failed(new Error('not read')));
            continue;
          }
          try {
            outcomes.push(transaction(db, () => decide(db, item, ctx)));
          } catch (err) {
            outcomes.push(failed(err));
          }
        }
      });
    } catch (err) {
      for (const f of made.values()) rmSync(f, { force: true });
      throw err;
    }
    const kept = new Set<string>();
    chunk.forEach(({ file, item }, i) => {
      const o = outcomes[i]!;
      if (o.kind === 'accepted') {
        kept.add((item as Candidate).zipSha256);
        result.accepted.push({ file, district: o.district, sequence: o.sequence, warnings: o.warnings });
      } else if (o.kind === 'duplicate') result.duplicates.push({ file, district: o.district, sequence: o.sequence });
      else result.rejected.push({ file, district: o.district, reason: o.reason, message: o.message });
    });
    for (const [sha, f] of made) if (!kept.has(sha)) rmSync(f, { force: true });
  }
  return result;
}
