// Signed checkpoints of the audit chain, and the chain span each bundle carries (issue #10).
//
// The hash chain alone has no secret: someone with the file can delete or edit rows and compute
// every later hash again. At each bundle export the chain head is therefore signed with the
// district key — which needs the passphrase (or this PC's OS protection) the export already asked
// for — and kept as a checkpoint. A row deleted or rewritten at or before the last checkpoint no
// longer leads to the signed head, and a forger cannot sign a new one. Rows after the last
// checkpoint are witnessed only by the append-only guards and sqlite_sequence (db/audit.ts) until
// the next bundle; HQ, which holds each bundle's head, is the witness outside the PC.
import { sign, verify } from 'node:crypto';
import type { RegisterDb } from '../../../db/register-db.js';
import {
  GENESIS_HASH,
  auditHashAt,
  entryDigestsAfter,
  verifyAudit,
  type AuditProblem,
  type AuditVerification,
} from '../../../db/audit.js';
import {
  auditRowsUpTo,
  insertCheckpoint,
  lastCheckpoint,
  listCheckpoints,
  publicKeyLineOf,
} from '../../../db/audit-checkpoints.js';
import { getSetting } from '../../../db/settings.js';
import type { AuditCheckpoint } from '../../../db/schema.js';
import { ed25519PrivateKey, ed25519PublicKey, parsePublicKey } from '../bundle/minisign.js';
import type { SigningKey } from '../bundle/keys.js';
import { auditChainFile, type AuditChainFile } from './chain.js';

export interface AuditHeadAt {
  /** Rows in the log. */
  count: number;
  /** The last row's id (equal to count in an intact log). */
  lastId: number;
  hash: string;
}

/** The exact bytes a checkpoint signs: which register, which row, which head. */
export function checkpointStatement(
  district: string,
  c: { auditLastId: number; auditCount: number; auditHead: string },
) {
  return Buffer.from(
    `samooh-audit-checkpoint/1\ndistrict ${district}\nlast-id ${c.auditLastId}\nrows ${c.auditCount}\nhead ${c.auditHead}\n`,
    'utf8',
  );
}

function districtCode(db: RegisterDb): string {
  return getSetting(db, 'district')?.code ?? '';
}

/**
 * Signs `head` and keeps it as a checkpoint. Call inside the export's transaction, so the
 * checkpoint exists exactly when the outbox records the bundle that carries the same head.
 */
export function recordCheckpoint(
  db: RegisterDb,
  key: SigningKey,
  head: AuditHeadAt,
  bundleSeq: number | null,
  now: Date,
): number {
  const c = { auditLastId: head.lastId, auditCount: head.count, auditHead: head.hash };
  const signature = sign(null, checkpointStatement(districtCode(db), c), ed25519PrivateKey(key)).toString('base64');
  return insertCheckpoint(db, { ...c, at: now.toISOString(), keyId: key.keyId, signature, bundleSeq });
}

/**
 * `data/audit-chain.json` for a bundle whose head is `to`: the entry digests of the rows since
 * the last checkpoint (the previous bundle's head). Hashes only: no operator, no values.
 */
export function auditSpan(db: RegisterDb, to: AuditHeadAt): AuditChainFile {
  const from = lastCheckpoint(db);
  const entries = entryDigestsAfter(db, from?.auditLastId ?? 0, to.lastId);
  return auditChainFile(
    from ? { count: from.auditCount, head: from.auditHead } : { count: 0, head: GENESIS_HASH },
    entries,
  );
}

function checkOne(db: RegisterDb, district: string, c: AuditCheckpoint): AuditProblem[] {
  const line = publicKeyLineOf(db, c.keyId);
  let signed = false;
  if (line) {
    try {
      signed = verify(
        null,
        checkpointStatement(district, c),
        ed25519PublicKey(parsePublicKey(line).publicKey),
        Buffer.from(c.signature, 'base64'),
      );
    } catch {
      signed = false;
    }
  }
  if (!signed) {
    return [
      {
        id: c.auditLastId,
        problem: 'checkpoint_invalid',
        message: `checkpoint ${c.id} (bundle ${c.bundleSeq ?? '–'}) is not signed by the district key ${c.keyId}: it was forged or edited`,
      },
    ];
  }
  const hash = auditHashAt(db, c.auditLastId);
  if (hash !== c.auditHead || auditRowsUpTo(db, c.auditLastId) !== c.auditCount) {
    return [
      {
        id: c.auditLastId,
        problem: 'checkpoint_mismatch',
        message:
          hash === undefined
            ? `row ${c.auditLastId}, signed at bundle ${c.bundleSeq ?? '–'} on ${c.at.slice(0, 10)}, is gone: the log was shortened`
            : `the log up to row ${c.auditLastId} no longer matches the head signed at bundle ${c.bundleSeq ?? '–'} on ${c.at.slice(0, 10)}: rows before it were deleted or rewritten`,
      },
    ];
  }
  return [];
}

export interface WitnessedVerification extends AuditVerification {
  checkpoints: number;
  /** The last signed checkpoint: rows up to here are also witnessed by the district key. */
  lastCheckpoint: { lastId: number; at: string; bundleSeq: number | null } | null;
}

/** `samooh audit verify`: the chain, its guards and sequence, and every signed checkpoint. */
export function verifyAuditWitnessed(db: RegisterDb): WitnessedVerification {
  const v = verifyAudit(db);
  const district = districtCode(db);
  const cps = listCheckpoints(db);
  const problems = [...v.problems];
  for (const c of cps) problems.push(...checkOne(db, district, c));
  const last = cps[cps.length - 1];
  return {
    ...v,
    ok: problems.length === 0,
    problems,
    checkpoints: cps.length,
    lastCheckpoint: last ? { lastId: last.auditLastId, at: last.at, bundleSeq: last.bundleSeq } : null,
  };
}
