// The district's Ed25519 signing key (SPEC §7). The secret half is never stored in the clear:
// a KeyProtector seals it before it reaches the register, and opens it only to sign.
//
// Two protectors:
// - passphrase: the standard minisign encrypted secret-key file (scrypt at minisign's own
//   cost), so the sealed value is also a key file `minisign -S` can use;
// - OS: Electron's safeStorage (DPAPI on Windows) in the app. This module takes any object
//   with safeStorage's three methods, so it imports no Electron and tests can pass a fake.
import type { RegisterDb } from '../../../db/register-db.js';
import { appendAudit } from '../../../db/audit.js';
import {
  activeKey,
  insertKey,
  insertKeySecret,
  keySecret,
  keySecrets,
  type DistrictKeyRow,
  type KeyProtectorKind,
} from '../../../db/bundles.js';
import { transaction } from '../../../db/exec.js';
import { reasonError } from '../../contract/errors.js';
import {
  MINISIGN_KDF_COST,
  MinisignError,
  decodeSecretKeyFile,
  encodePublicKeyFile,
  encodeSecretKeyFile,
  generateKeyPair,
  keyIdHex,
  parsePublicKey,
  publicKeyLine,
  type MinisignPublicKey,
  type MinisignSecretKey,
  type ScryptCost,
} from './minisign.js';

/** Seals and opens the district's secret key. `seal` output is text stored in the register. */
export interface KeyProtector {
  readonly kind: KeyProtectorKind;
  seal(secret: MinisignSecretKey): Promise<string>;
  open(sealed: string): Promise<MinisignSecretKey>;
}

/**
 * The part of Electron's `safeStorage` the OS protector needs. Each method may also answer
 * asynchronously: the backend worker reaches safeStorage (main-process only) through its host.
 */
export interface OsEncryption {
  isEncryptionAvailable(): boolean | Promise<boolean>;
  encryptString(plainText: string): Buffer | Promise<Buffer>;
  decryptString(encrypted: Buffer): string | Promise<string>;
}

/** Electron's safeStorage as it is: every answer at once. */
export interface SyncOsEncryption extends OsEncryption {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface PassphraseProtectorOptions {
  /** Asked only when a key is sealed or opened (the CLI prompts, or reads env/file). */
  passphrase: string | (() => Promise<string> | string);
  /** scrypt cost for new seals; minisign's own (1 GiB) unless a test needs speed. */
  cost?: ScryptCost;
}

export function passphraseProtector(opts: PassphraseProtectorOptions): KeyProtector {
  let cached: string | undefined;
  const get = async (): Promise<string> => {
    if (cached === undefined)
      cached = typeof opts.passphrase === 'function' ? await opts.passphrase() : opts.passphrase;
    if (!cached) {
      throw reasonError('KEY_LOCKED', 'key_passphrase_empty', 'An empty passphrase cannot protect the district key.');
    }
    return cached;
  };
  return {
    kind: 'passphrase',
    async seal(secret) {
      return encodeSecretKeyFile(secret, await get(), opts.cost ?? MINISIGN_KDF_COST);
    },
    async open(sealed) {
      try {
        return await decodeSecretKeyFile(sealed, await get());
      } catch (err) {
        if (err instanceof MinisignError && err.code === 'wrong_passphrase') {
          throw reasonError('KEY_LOCKED', 'key_passphrase_wrong', 'Wrong passphrase for the district key.');
        }
        throw err;
      }
    },
  };
}

/** Electron safeStorage (or a test double). Refuses to work when the OS cannot encrypt. */
export function osProtector(os: OsEncryption): KeyProtector {
  const available = async () => {
    if (!(await os.isEncryptionAvailable())) {
      throw reasonError(
        'KEY_LOCKED',
        'key_os_unavailable',
        'This computer cannot protect the district key (OS encryption is not available). Use the command line with a passphrase.',
      );
    }
  };
  return {
    kind: 'os',
    async seal(secret) {
      await available();
      // The unencrypted minisign form inside the OS seal keeps one parser and its checksum.
      return Buffer.from(await os.encryptString(await encodeSecretKeyFile(secret, null))).toString('base64');
    },
    async open(sealed) {
      await available();
      let text: string;
      try {
        text = await os.decryptString(Buffer.from(sealed, 'base64'));
      } catch (err) {
        throw reasonError(
          'KEY_LOCKED',
          'key_os_locked',
          'The district key cannot be unlocked on this computer or by this Windows user.',
          {},
          { cause: (err as Error).message },
        );
      }
      return decodeSecretKeyFile(text, null);
    },
  };
}

export interface SigningKey extends MinisignSecretKey {
  keyId: string;
}

export interface KeyInfo {
  keyId: string;
  /** The minisign .pub file's text. */
  publicKeyFile: string;
  createdAt: string;
  createdBy: string;
  protectors: KeyProtectorKind[];
}

function info(db: RegisterDb, row: DistrictKeyRow): KeyInfo {
  return {
    keyId: row.keyId,
    publicKeyFile: encodePublicKeyFile(publicKeyOf(row)),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    protectors: keySecrets(db, row.keyId).map((s) => s.protector),
  };
}

function publicKeyOf(row: DistrictKeyRow): MinisignPublicKey {
  return parsePublicKey(row.publicKey);
}

export function districtKeyInfo(db: RegisterDb): KeyInfo | null {
  const row = activeKey(db);
  return row ? info(db, row) : null;
}

export function districtPublicKey(db: RegisterDb): MinisignPublicKey & { keyId: string } {
  const row = activeKey(db);
  if (!row) throw noKey();
  return { ...publicKeyOf(row), keyId: row.keyId };
}

const noKey = () =>
  reasonError(
    'NOT_FOUND',
    'key_missing',
    'This register has no district key yet. It is made when the register is created.',
    {},
    { what: 'key' },
  );

/**
 * Makes the district's key pair (first run / `samooh init`), seals the secret with `protector`
 * and records it in the register with an audit entry. Refuses if a key already exists.
 */
export async function createDistrictKey(
  db: RegisterDb,
  protector: KeyProtector,
  operator: string,
  now = new Date(),
): Promise<KeyInfo> {
  if (activeKey(db)) throw reasonError('CONFLICT', 'key_exists', 'This register already has a district key.');
  const pair = generateKeyPair();
  const sealed = await protector.seal(pair);
  const keyId = keyIdHex(pair.keyNumber);
  const at = now.toISOString();
  transaction(db, () => {
    // Checked again inside the write lock: two first runs racing must not make two keys.
    if (activeKey(db)) throw reasonError('CONFLICT', 'key_exists', 'This register already has a district key.');
    insertKey(db, { keyId, publicKey: publicKeyLine(pair), createdAt: at, createdBy: operator });
    insertKeySecret(db, { keyId, protector: protector.kind, sealed, createdAt: at });
    appendAudit(
      db,
      { operator, action: 'create', entity: 'key', entityId: keyId, after: { keyId, protector: protector.kind } },
      now,
    );
  });
  return info(db, activeKey(db)!);
}

/** Opens the active key's secret with `protector`; checks it matches the stored public key. */
export async function loadSigningKey(db: RegisterDb, protector: KeyProtector): Promise<SigningKey> {
  const row = activeKey(db);
  if (!row) throw noKey();
  const secret = keySecret(db, row.keyId, protector.kind);
  if (!secret) {
    const have = keySecrets(db, row.keyId).map((s) => s.protector);
    const extra = { keyId: row.keyId, protectors: have };
    if (have.includes('os')) {
      throw reasonError(
        'KEY_LOCKED',
        'key_on_other_computer',
        'The district key of this register is protected by the Samooh app on its computer; sign bundles there, or add a passphrase to the key in the app.',
        {},
        extra,
      );
    }
    throw protector.kind === 'os'
      ? reasonError(
          'KEY_LOCKED',
          'key_no_os_protection',
          'The district key is not protected by this computer.',
          {},
          extra,
        )
      : reasonError('KEY_LOCKED', 'key_no_passphrase', 'The district key is not protected by a passphrase.', {}, extra);
  }
  const key = await protector.open(secret.sealed);
  const pub = publicKeyOf(row);
  if (!key.publicKey.equals(pub.publicKey) || !key.keyNumber.equals(pub.keyNumber)) {
    throw reasonError(
      'KEY_LOCKED',
      'key_mismatch',
      'The stored secret key does not belong to the district public key.',
      {},
      { keyId: row.keyId },
    );
  }
  return { ...key, keyId: row.keyId };
}

/**
 * Seals the active key with a second protector (e.g. a passphrase for the CLI on a register
 * made in the app). `unlock` opens it; `add` seals it again.
 */
export async function addKeyProtector(
  db: RegisterDb,
  unlock: KeyProtector,
  add: KeyProtector,
  operator: string,
  now = new Date(),
): Promise<KeyInfo> {
  const key = await loadSigningKey(db, unlock);
  if (keySecret(db, key.keyId, add.kind))
    throw reasonError('CONFLICT', 'key_already_protected', `The key is already protected by ${add.kind}.`);
  const sealed = await add.seal(key);
  transaction(db, () => {
    insertKeySecret(db, { keyId: key.keyId, protector: add.kind, sealed, createdAt: now.toISOString() });
    appendAudit(
      db,
      { operator, action: 'update', entity: 'key', entityId: key.keyId, after: { added: add.kind } },
      now,
    );
  });
  return info(db, activeKey(db)!);
}

/**
 * The minisign secret-key file of a passphrase-protected key, for a district that wants to
 * sign with the stock tool. Still encrypted: it is the sealed value itself.
 */
export function passphraseKeyFile(db: RegisterDb): string {
  const row = activeKey(db);
  if (!row) throw noKey();
  const s = keySecret(db, row.keyId, 'passphrase');
  if (!s) {
    throw reasonError(
      'NOT_FOUND',
      'key_no_passphrase',
      'The district key has no passphrase protection.',
      {},
      { what: 'key' },
    );
  }
  return s.sealed;
}
