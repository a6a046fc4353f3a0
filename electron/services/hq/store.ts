// Making and opening the HQ store (SPEC §8): its own SQLite file with its own schema, and the
// HQ key pair that signs policies. The secret key is sealed by a passphrase KeyProtector (the
// minisign encrypted secret-key file), exactly as the district key is for `samooh init`.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openHq, type HqDb } from '../../../db/hq/connection.js';
import { DEFAULT_TARGETS, getHqSetting, setHqSetting } from '../../../db/hq/settings.js';
import { activeHqKey, insertHqKey } from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { DbError } from '../../../db/errors.js';
import type { AppError } from '../../contract/errors.js';
import { reasonError, reasonOf } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import type { KeyProtector, SigningKey } from '../bundle/keys.js';
import { encodePublicKeyFile, generateKeyPair, keyIdHex, parsePublicKey, publicKeyLine } from '../bundle/minisign.js';

export interface HqCreated {
  file: string;
  name: string;
  keyId: string;
  /** The minisign .pub file's text: what districts are given once (`samooh policy trust-hq`). */
  publicKeyFile: string;
}

/** Opens an existing HQ store; a district register or any other file is refused (BAD_INPUT). */
export function openHqStore(file: string): HqDb {
  try {
    return openHq(file);
  } catch (err) {
    if (err instanceof DbError) throw fromDbError(err);
    throw err;
  }
}

/** A refusal to open the HQ file, with the reason db/ gave it (db/ cannot import the contract). */
function fromDbError(err: DbError): AppError {
  const r = reasonOf(err.details);
  const file = (err.details as { file?: unknown } | undefined)?.file;
  return r
    ? reasonError('BAD_INPUT', r.reason, err.message, r.params, err.details as Record<string, unknown>)
    : reasonError(
        'BAD_INPUT',
        'db_open_failed',
        err.message,
        { file: path.basename(String(file ?? '')) },
        {
          cause: err.details,
        },
      );
}

/**
 * Creates the HQ store at `file` with its key pair, all or nothing: on any failure the file is
 * removed again. The passphrase is asked by the protector before anything is written.
 */
export async function createHqStore(
  file: string,
  o: { name: string; nameHi?: string | null; protector: KeyProtector },
  actor: Actor,
): Promise<HqCreated> {
  const pair = generateKeyPair();
  const sealed = await o.protector.seal(pair);
  let db: HqDb;
  try {
    db = openHq(file, { create: true });
  } catch (err) {
    if (err instanceof DbError) throw fromDbError(err);
    throw err;
  }
  const at = actor.now().toISOString();
  const keyId = keyIdHex(pair.keyNumber);
  try {
    transaction(db, () => {
      setHqSetting(db, 'identity', { name: o.name, nameHi: o.nameHi ?? null, createdAt: at });
      setHqSetting(db, 'targets', DEFAULT_TARGETS);
      insertHqKey(db, { keyId, publicKey: publicKeyLine(pair), sealed, createdAt: at, createdBy: actor.operator });
    });
  } catch (err) {
    await db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    throw err;
  }
  await db.close();
  return { file, name: o.name, keyId, publicKeyFile: encodePublicKeyFile(pair, `Samooh HQ key ${keyId} (${o.name})`) };
}

export interface HqInfo {
  name: string;
  nameHi: string | null;
  createdAt: string;
  keyId: string;
  publicKeyFile: string;
}

export function hqInfo(db: HqDb): HqInfo {
  const identity = getHqSetting(db, 'identity');
  const key = activeHqKey(db);
  if (!identity || !key) {
    throw reasonError('BAD_INPUT', 'hq_db_unfinished', `${db.file} is an HQ database that was never finished.`, {
      file: path.basename(db.file),
    });
  }
  return {
    name: identity.name,
    nameHi: identity.nameHi ?? null,
    createdAt: identity.createdAt,
    keyId: key.keyId,
    publicKeyFile: encodePublicKeyFile(parsePublicKey(key.publicKey), `Samooh HQ key ${key.keyId} (${identity.name})`),
  };
}

/** Opens HQ's secret key (to sign a policy) and checks it belongs to the stored public key. */
export async function loadHqSigningKey(db: HqDb, protector: KeyProtector): Promise<SigningKey> {
  const row = activeHqKey(db);
  if (!row) throw reasonError('NOT_FOUND', 'hq_no_key', 'This HQ database has no key.', {}, { what: 'key' });
  const key = await protector.open(row.sealed);
  const pub = parsePublicKey(row.publicKey);
  if (!key.publicKey.equals(pub.publicKey) || !key.keyNumber.equals(pub.keyNumber)) {
    throw reasonError('KEY_LOCKED', 'key_mismatch', 'The stored HQ secret key does not belong to the HQ public key.');
  }
  return { ...key, keyId: row.keyId };
}

/** The folder next to the HQ file where accepted zips are kept, named by their SHA-256. */
export function evidenceDir(db: Pick<HqDb, 'file'>): string {
  const base = path.basename(db.file).replace(/\.[^.]*$/, '');
  return path.join(path.dirname(db.file), `${base}.evidence`);
}
