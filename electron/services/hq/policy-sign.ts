// HQ signs a new policy version (`samooh hq policy sign`): the document is checked against the
// policy schema, must be newer than every version HQ signed before (and than the built-in v1),
// and is written with its signature into a folder; HQ records what it signed, so its report can
// tell which districts still run an older version.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HqDb } from '../../../db/hq/connection.js';
import { insertSignedPolicy, latestSignedPolicy } from '../../../db/hq/policies.js';
import { transaction } from '../../../db/exec.js';
import { reasonError } from '../../contract/errors.js';
import { parsePolicy, POLICY_V1 } from '../../contract/policy.js';
import type { Actor } from '../actor.js';
import type { SigningKey } from '../bundle/keys.js';
import { signPrehashed } from '../bundle/minisign.js';
import { policyFileName, policyTrustedComment, SIGNATURE_SUFFIX } from './policy-file.js';

export interface PolicySigned {
  version: number;
  file: string;
  signatureFile: string;
  keyId: string;
}

export function signPolicy(
  db: HqDb,
  o: { documentText: string; key: SigningKey; outDir: string },
  actor: Actor,
): PolicySigned {
  let doc: unknown;
  try {
    doc = JSON.parse(o.documentText);
  } catch (err) {
    throw reasonError('BAD_INPUT', 'policy_not_json', `The policy file is not JSON: ${(err as Error).message}`);
  }
  const policy = parsePolicy(doc, 'policy file');
  if (!existsSync(o.outDir) || !statSync(o.outDir).isDirectory()) {
    throw reasonError('BAD_INPUT', 'folder_missing', `The folder ${o.outDir} does not exist.`, { folder: o.outDir });
  }
  const file = path.join(o.outDir, policyFileName(policy.version));
  const signatureFile = file + SIGNATURE_SUFFIX;
  const now = actor.now();
  // The file as signed: the checked document, canonically indented (what districts receive).
  const bytes = Buffer.from(JSON.stringify(policy, null, 2) + '\n', 'utf8');
  const signature = signPrehashed(
    bytes,
    o.key,
    policyTrustedComment({ version: policy.version, keyId: o.key.keyId, signedAt: now }),
    `Samooh policy v${policy.version} signed by HQ key ${o.key.keyId}`,
  );
  transaction(db, () => {
    const last = latestSignedPolicy(db)?.version ?? POLICY_V1.version;
    if (policy.version <= last) {
      throw reasonError(
        'CONFLICT',
        'policy_not_newer',
        `Policy version ${policy.version} is not newer than version ${last}; raise "version" for a new policy.`,
        { version: policy.version, active: last },
        { version: policy.version, latest: last },
      );
    }
    if (existsSync(file) || existsSync(signatureFile)) {
      throw reasonError(
        'CONFLICT',
        'file_exists',
        `${path.basename(file)} already exists in ${o.outDir}; it is not overwritten.`,
        { file: path.basename(file), folder: o.outDir },
      );
    }
    insertSignedPolicy(db, {
      version: policy.version,
      document: bytes.toString('utf8'),
      keyId: o.key.keyId,
      signedAt: now.toISOString(),
      signedBy: actor.operator,
    });
    mkdirSync(o.outDir, { recursive: true });
    writeFileSync(file, bytes, { flag: 'wx' });
    writeFileSync(signatureFile, signature, { flag: 'wx' });
  });
  return { version: policy.version, file, signatureFile, keyId: o.key.keyId };
}
