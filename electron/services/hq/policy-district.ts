// The district side of HQ's signed policy: the HQ public key the district was given once
// (`samooh policy trust-hq`), and importing a policy file only when HQ's signature over every
// byte holds and the version is newer than the active one (`samooh policy import`). Unsigned,
// tampered, older or foreign-signed policies are refused, and nothing changes.
import type { RegisterDb } from '../../../db/register-db.js';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import { reasonError } from '../../contract/errors.js';
import type { Policy } from '../../contract/policy.js';
import type { Actor } from '../actor.js';
import {
  checkSignature,
  keyIdHex,
  MinisignError,
  parsePublicKey,
  parseSignature,
  publicKeyLine,
} from '../bundle/minisign.js';
import { activePolicy, installPolicy } from '../compliance/policy.js';
import { existsSync } from 'node:fs';
import { POLICY_FILE_MAX_BYTES, SIGNATURE_SUFFIX, versionInTrustedComment } from './policy-file.js';
import { readSmallFile } from './small-file.js';

export interface HqKeyTrusted {
  keyId: string;
  trustedAt: string;
  replaced: string | null;
}

export function trustHqKey(
  db: RegisterDb,
  publicKeyText: string,
  actor: Actor,
  opts: { replace?: boolean } = {},
): HqKeyTrusted {
  let key;
  try {
    key = parsePublicKey(publicKeyText);
  } catch (err) {
    if (err instanceof MinisignError) {
      throw reasonError('BAD_INPUT', 'key_file_unusable', `The HQ key file is not usable: ${err.message}.`);
    }
    throw err;
  }
  const keyId = keyIdHex(key.keyNumber);
  const now = actor.now();
  return transaction(db, () => {
    const current = getSetting(db, 'hqPolicyKey');
    if (current && current.keyId === keyId) return { keyId, trustedAt: current.trustedAt, replaced: null };
    if (current && !opts.replace) {
      throw reasonError(
        'CONFLICT',
        'hq_key_replace',
        `This register already trusts HQ key ${current.keyId}. To trust ${keyId} instead, confirm with HQ by phone and replace it.`,
        { keyId: current.keyId },
        { keyId: current.keyId },
      );
    }
    const trustedAt = now.toISOString();
    setSetting(db, 'hqPolicyKey', { keyId, publicKey: publicKeyLine(key), trustedAt, trustedBy: actor.operator });
    appendAudit(
      db,
      {
        operator: actor.operator,
        action: current ? 'update' : 'create',
        entity: 'hq_key',
        entityId: keyId,
        before: current ? { keyId: current.keyId } : null,
        after: { keyId },
      },
      now,
    );
    return { keyId, trustedAt, replaced: current?.keyId ?? null };
  });
}

export interface PolicyImported {
  version: number;
  previousVersion: number;
  keyId: string;
  title: Policy['title'];
}

/** Checks HQ's signature over `bytes` and installs the policy when it is newer. */
export function importSignedPolicy(
  db: RegisterDb,
  o: { bytes: Buffer; signatureText: string | null },
  actor: Actor,
): PolicyImported {
  const hq = getSetting(db, 'hqPolicyKey');
  if (!hq) {
    throw reasonError(
      'BAD_INPUT',
      'policy_no_hq_key',
      'This register trusts no HQ key yet, so it cannot check a policy. Ask HQ for its public key and run: samooh policy trust-hq --db FILE hq.pub',
    );
  }
  if (o.signatureText === null) {
    throw reasonError(
      'BAD_FILE',
      'policy_unsigned',
      'The policy is not signed (its .minisig file is missing); only policies signed by HQ are imported.',
    );
  }
  let sig;
  try {
    sig = parseSignature(o.signatureText);
  } catch (err) {
    throw reasonError(
      'BAD_FILE',
      'policy_signature_damaged',
      `The policy's signature file is damaged: ${(err as Error).message}.`,
    );
  }
  const problems = checkSignature(o.bytes, sig, parsePublicKey(hq.publicKey));
  if (problems.includes('wrong_key')) {
    throw reasonError(
      'BAD_FILE',
      'policy_wrong_key',
      `The policy is signed by key ${keyIdHex(sig.keyNumber)}, not by the HQ key this register trusts (${hq.keyId}).`,
      { keyId: keyIdHex(sig.keyNumber), trusted: hq.keyId },
    );
  }
  if (problems.length) {
    throw reasonError(
      'BAD_FILE',
      'policy_tampered',
      'The policy file does not match HQ’s signature: it was changed after HQ signed it.',
      {},
      { problems },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(o.bytes.toString('utf8'));
  } catch {
    throw reasonError('BAD_FILE', 'policy_not_json', 'The signed policy is not JSON.');
  }
  const named = versionInTrustedComment(sig.trustedComment);
  const version = (doc as { version?: unknown } | null)?.version;
  if (named === null || named !== version) {
    throw reasonError(
      'BAD_FILE',
      'policy_signature_version',
      'The signature is not for this policy version.',
      { named: String(named ?? '—'), version: String(version ?? '—') },
      { named, version },
    );
  }
  const previous = activePolicy(db, { operator: actor.operator, now: actor.now() }).version;
  if (typeof version === 'number' && version <= previous) {
    throw reasonError(
      'CONFLICT',
      'policy_not_newer',
      `Policy version ${version} is not newer than the active version ${previous}; an older policy is never applied.`,
      { version, active: previous },
      { version, active: previous },
    );
  }
  const policy = installPolicy(db, doc, { operator: actor.operator, now: actor.now(), source: 'imported' });
  return { version: policy.version, previousVersion: previous, keyId: hq.keyId, title: policy.title };
}

export interface PolicyStatus {
  hqKey: { keyId: string; trustedAt: string } | null;
  active: { version: number; title: Policy['title'] };
}

/** What the district's policy screen shows: the HQ key it trusts and the active policy. */
export function policyStatus(db: RegisterDb, actor: Actor): PolicyStatus {
  const hq = getSetting(db, 'hqPolicyKey');
  const p = activePolicy(db, { operator: actor.operator, now: actor.now() });
  return {
    hqKey: hq ? { keyId: hq.keyId, trustedAt: hq.trustedAt } : null,
    active: { version: p.version, title: p.title },
  };
}

/** Reads a policy file and the `.minisig` next to it (if any), defensively, and imports it. */
export function importSignedPolicyFile(db: RegisterDb, file: string, actor: Actor): PolicyImported {
  const doc = file.endsWith(SIGNATURE_SUFFIX) ? file.slice(0, -SIGNATURE_SUFFIX.length) : file;
  const bytes = readSmallFile(doc, 'policy file', POLICY_FILE_MAX_BYTES);
  const sigFile = doc + SIGNATURE_SUFFIX;
  const signatureText = existsSync(sigFile) ? readSmallFile(sigFile, 'signature file').toString('utf8') : null;
  return importSignedPolicy(db, { bytes, signatureText }, actor);
}

export function trustHqKeyFile(
  db: RegisterDb,
  file: string,
  actor: Actor,
  opts: { replace?: boolean } = {},
): HqKeyTrusted {
  return trustHqKey(db, readSmallFile(file, 'public key file').toString('utf8'), actor, opts);
}
