// The minisign file formats (https://jedisct1.github.io/minisign/), written and read with
// Node's own Ed25519, BLAKE2b-512 and scrypt, so that HQ can check our bundles with the stock
// `minisign` tool and a district can sign with `minisign -S` using a key file we wrote.
//
//   public key  "Ed" || key number (8) || Ed25519 public key (32)
//   secret key  "Ed" || kdf "Sc" (or 0,0 when unencrypted) || chk "B2" || salt (32)
//               || opslimit (u64 le) || memlimit (u64 le)
//               || [key number (8) || Ed25519 secret (64 = seed || public) || chk (32)]
//               the bracket XORed with scrypt(passphrase) when encrypted;
//               chk = BLAKE2b-256("Ed" || key number || secret)
//   signature   "ED" || key number || Ed25519(BLAKE2b-512(file))        (prehashed)
//               then "trusted comment: …" and Ed25519(signature || trusted comment)
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  scrypt,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';

export const KEY_NUMBER_BYTES = 8;
const SIG_ALG = Buffer.from('Ed');
const SIG_ALG_PREHASHED = Buffer.from('ED');
const KDF_SCRYPT = Buffer.from('Sc');
const KDF_NONE = Buffer.from([0, 0]);
const CHK_BLAKE2 = Buffer.from('B2');
const SALT_BYTES = 32;
const SECRET_BYTES = 64;
const CHK_BYTES = 32;
const KEYNUM_SK_BYTES = KEY_NUMBER_BYTES + SECRET_BYTES + CHK_BYTES; // 104
const SECRET_FILE_BYTES = 2 + 2 + 2 + SALT_BYTES + 8 + 8 + KEYNUM_SK_BYTES; // 158

/** libsodium's crypto_pwhash_scryptsalsa208sha256_*_SENSITIVE: what `minisign -G` writes. */
export const MINISIGN_KDF_COST: ScryptCost = { opslimit: 33_554_432, memlimit: 1_073_741_824 };
/** A hostile key file must not make us allocate without bound (minisign's own cost is 1 GiB). */
const MAX_MEMLIMIT = 2 * 1_073_741_824;

export class MinisignError extends Error {
  constructor(
    readonly code: 'bad_format' | 'wrong_passphrase' | 'unsupported' | 'passphrase_required',
    message: string,
  ) {
    super(message);
    this.name = 'MinisignError';
  }
}

export interface ScryptCost {
  opslimit: number;
  memlimit: number;
}

export interface MinisignPublicKey {
  keyNumber: Buffer; // 8 bytes as stored
  publicKey: Buffer; // 32 bytes
}

export interface MinisignSecretKey extends MinisignPublicKey {
  /** libsodium layout: 32-byte seed followed by the 32-byte public key. */
  secretKey: Buffer;
}

/** The key id as minisign prints it: the key number read as a little-endian u64, upper-case hex. */
export function keyIdHex(keyNumber: Buffer): string {
  return Buffer.from(keyNumber).reverse().toString('hex').toUpperCase();
}

const b64url = (b: Buffer) => b.toString('base64url');

export function ed25519PrivateKey(k: MinisignSecretKey): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: b64url(k.secretKey.subarray(0, 32)), x: b64url(k.publicKey) },
    format: 'jwk',
  });
}

export function ed25519PublicKey(publicKey: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKey) }, format: 'jwk' });
}

/** A fresh Ed25519 key pair with a random key number, as `minisign -G` makes. */
export function generateKeyPair(): MinisignSecretKey {
  const seed = randomBytes(32);
  const priv = createPrivateKey({
    // PKCS#8 prefix for an Ed25519 seed (RFC 8410).
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = createPublicKey(priv).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x as string, 'base64url');
  return { keyNumber: randomBytes(KEY_NUMBER_BYTES), publicKey, secretKey: Buffer.concat([seed, publicKey]) };
}

// ---------------------------------------------------------------------------------------------
// Public keys

export function publicKeyLine(k: MinisignPublicKey): string {
  return Buffer.concat([SIG_ALG, k.keyNumber, k.publicKey]).toString('base64');
}

/** The .pub file: an untrusted comment and the base64 line. */
export function encodePublicKeyFile(
  k: MinisignPublicKey,
  comment = `minisign public key ${keyIdHex(k.keyNumber)}`,
): string {
  return `untrusted comment: ${oneLine(comment)}\n${publicKeyLine(k)}\n`;
}

/** Accepts a .pub file's text or its bare base64 line (`minisign -P` style). */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  let line: string | undefined;
  if (lines.length === 1) line = lines[0];
  else if (lines.length === 2 && lines[0]!.startsWith('untrusted comment:')) line = lines[1];
  if (!line || !/^[A-Za-z0-9+/]{56}$/.test(line)) {
    throw new MinisignError(
      'bad_format',
      'not a minisign public key (expected an "untrusted comment:" line and a base64 key line)',
    );
  }
  const raw = Buffer.from(line, 'base64');
  if (raw.length !== 42 || raw.toString('base64') !== line || !raw.subarray(0, 2).equals(SIG_ALG)) {
    throw new MinisignError('unsupported', 'not an Ed25519 minisign public key');
  }
  const k = { keyNumber: Buffer.from(raw.subarray(2, 10)), publicKey: Buffer.from(raw.subarray(10, 42)) };
  try {
    ed25519PublicKey(k.publicKey);
  } catch {
    throw new MinisignError('bad_format', 'the public key is not a valid Ed25519 key');
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Secret keys

/** libsodium's pickparams() for crypto_pwhash_scryptsalsa208sha256: opslimit/memlimit → N, r, p. */
export function scryptParams(cost: ScryptCost): { N: number; r: number; p: number } {
  const opslimit = Math.max(cost.opslimit, 32768);
  const r = 8;
  let nLog2: number;
  let p: number;
  if (opslimit < cost.memlimit / 32) {
    p = 1;
    const maxN = opslimit / (r * 4);
    for (nLog2 = 1; nLog2 < 63; nLog2++) if (2 ** nLog2 > maxN / 2) break;
  } else {
    const maxN = cost.memlimit / (r * 128);
    for (nLog2 = 1; nLog2 < 63; nLog2++) if (2 ** nLog2 > maxN / 2) break;
    const maxrp = Math.min(Math.floor(opslimit / 4 / 2 ** nLog2), 0x3fffffff);
    p = Math.floor(maxrp / r);
  }
  return { N: 2 ** nLog2, r, p: Math.max(p, 1) };
}

function scryptStream(passphrase: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const { N, r, p } = scryptParams(cost);
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase, 'utf8'),
      salt,
      length,
      { N, r, p, maxmem: 128 * N * r * p + 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function secretChecksum(keyNumber: Buffer, secretKey: Buffer): Buffer {
  return Buffer.from(blake2b(Buffer.concat([SIG_ALG, keyNumber, secretKey]), { dkLen: CHK_BYTES }));
}

function xorInto(target: Buffer, stream: Buffer): void {
  for (let i = 0; i < target.length; i++) target[i]! ^= stream[i]!;
}

/**
 * The minisign secret-key file. With a passphrase it is encrypted exactly as `minisign -G`
 * does (scrypt with `cost`, minisign's own by default); with `null` it is the unencrypted form
 * (`minisign -G -W`), which we only ever hand to an OS protector.
 */
export async function encodeSecretKeyFile(
  k: MinisignSecretKey,
  passphrase: string | null,
  cost: ScryptCost = MINISIGN_KDF_COST,
): Promise<string> {
  const salt = passphrase === null ? Buffer.alloc(SALT_BYTES) : randomBytes(SALT_BYTES);
  const ops = Buffer.alloc(8);
  const mem = Buffer.alloc(8);
  if (passphrase !== null) {
    ops.writeBigUInt64LE(BigInt(cost.opslimit));
    mem.writeBigUInt64LE(BigInt(cost.memlimit));
  }
  const keynumSk = Buffer.concat([k.keyNumber, k.secretKey, secretChecksum(k.keyNumber, k.secretKey)]);
  if (passphrase !== null) xorInto(keynumSk, await scryptStream(passphrase, salt, cost, KEYNUM_SK_BYTES));
  const raw = Buffer.concat([
    SIG_ALG,
    passphrase === null ? KDF_NONE : KDF_SCRYPT,
    CHK_BLAKE2,
    salt,
    ops,
    mem,
    keynumSk,
  ]);
  const comment = passphrase === null ? 'minisign secret key' : 'minisign encrypted secret key';
  return `untrusted comment: ${comment}\n${raw.toString('base64')}\n`;
}

export function secretKeyIsEncrypted(text: string): boolean {
  const raw = secretKeyBytes(text);
  return raw.subarray(2, 4).equals(KDF_SCRYPT);
}

function secretKeyBytes(text: string): Buffer {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const line = lines.length === 2 && lines[0]!.startsWith('untrusted comment:') ? lines[1]!.trim() : undefined;
  const raw = line && /^[A-Za-z0-9+/=]+$/.test(line) ? Buffer.from(line, 'base64') : Buffer.alloc(0);
  if (raw.length !== SECRET_FILE_BYTES) throw new MinisignError('bad_format', 'not a minisign secret key file');
  return raw;
}

/** Reads a minisign secret-key file; a wrong passphrase fails the checksum. */
export async function decodeSecretKeyFile(text: string, passphrase: string | null): Promise<MinisignSecretKey> {
  const raw = secretKeyBytes(text);
  if (!raw.subarray(0, 2).equals(SIG_ALG)) throw new MinisignError('unsupported', 'not an Ed25519 minisign secret key');
  if (!raw.subarray(4, 6).equals(CHK_BLAKE2)) throw new MinisignError('unsupported', 'unknown secret-key checksum');
  const kdf = raw.subarray(2, 4);
  const salt = raw.subarray(6, 38);
  const keynumSk = Buffer.from(raw.subarray(54, 54 + KEYNUM_SK_BYTES));
  if (kdf.equals(KDF_SCRYPT)) {
    if (passphrase === null) throw new MinisignError('passphrase_required', 'the secret key is encrypted');
    const cost = { opslimit: Number(raw.readBigUInt64LE(38)), memlimit: Number(raw.readBigUInt64LE(46)) };
    if (cost.memlimit > MAX_MEMLIMIT || cost.opslimit > 2 ** 40) {
      throw new MinisignError('unsupported', 'the secret key asks for an unreasonable scrypt cost');
    }
    xorInto(keynumSk, await scryptStream(passphrase, Buffer.from(salt), cost, KEYNUM_SK_BYTES));
  } else if (!kdf.equals(KDF_NONE)) {
    throw new MinisignError('unsupported', 'unknown secret-key encryption');
  }
  const keyNumber = keynumSk.subarray(0, 8);
  const secretKey = keynumSk.subarray(8, 72);
  const chk = keynumSk.subarray(72, 104);
  if (!secretChecksum(keyNumber, secretKey).equals(chk)) {
    throw kdf.equals(KDF_SCRYPT)
      ? new MinisignError('wrong_passphrase', 'wrong passphrase for the district key')
      : new MinisignError('bad_format', 'the secret key is damaged (checksum mismatch)');
  }
  const k = {
    keyNumber: Buffer.from(keyNumber),
    secretKey: Buffer.from(secretKey),
    publicKey: Buffer.from(secretKey.subarray(32)),
  };
  // The stored public half must belong to the seed, or signatures would not verify.
  const derived = Buffer.from(createPublicKey(ed25519PrivateKey(k)).export({ format: 'jwk' }).x as string, 'base64url');
  if (!derived.equals(k.publicKey)) throw new MinisignError('bad_format', 'the secret key is inconsistent');
  return k;
}

// ---------------------------------------------------------------------------------------------
// Signatures

export interface ParsedSignature {
  untrustedComment: string;
  algorithm: 'ED' | 'Ed';
  keyNumber: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

export function prehash(message: Buffer): Buffer {
  return createHash('blake2b512').update(message).digest();
}

/** A prehashed ("ED") minisign signature file for `message`. */
export function signPrehashed(
  message: Buffer,
  key: MinisignSecretKey,
  trustedComment: string,
  untrustedComment = 'signature from minisign secret key',
): string {
  const tc = oneLine(trustedComment);
  const priv = ed25519PrivateKey(key);
  const signature = sign(null, prehash(message), priv);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(tc, 'utf8')]), priv);
  return (
    `untrusted comment: ${oneLine(untrustedComment)}\n` +
    `${Buffer.concat([SIG_ALG_PREHASHED, key.keyNumber, signature]).toString('base64')}\n` +
    `trusted comment: ${tc}\n` +
    `${globalSignature.toString('base64')}\n`
  );
}

export function parseSignature(text: string): ParsedSignature {
  const bad = (why: string) => new MinisignError('bad_format', `not a minisign signature: ${why}`);
  // Exactly as minisign writes it: four LF-terminated lines. Being strict keeps every byte of
  // the file significant (a stray CR at the end of the trusted comment would otherwise vanish).
  if (text.includes('\r')) throw bad('carriage return in the file');
  if (!text.endsWith('\n')) throw bad('no final newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 4) throw bad('expected 4 lines');
  const [l1, l2, l3, l4] = lines as [string, string, string, string];
  if (!l1.startsWith('untrusted comment: ')) throw bad('no untrusted comment line');
  if (!l3.startsWith('trusted comment: ')) throw bad('no trusted comment line');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(l2) || !/^[A-Za-z0-9+/]+={0,2}$/.test(l4)) throw bad('bad base64');
  const sig = Buffer.from(l2, 'base64');
  const global = Buffer.from(l4, 'base64');
  if (sig.length !== 74 || global.length !== 64) throw bad('wrong signature length');
  // Base64 has spare bits in its last character; only the canonical spelling is accepted,
  // so every byte of the file is significant.
  if (sig.toString('base64') !== l2 || global.toString('base64') !== l4) throw bad('non-canonical base64');
  const alg = sig.subarray(0, 2).toString('latin1');
  if (alg !== 'ED' && alg !== 'Ed')
    throw new MinisignError('unsupported', `unknown signature algorithm ${JSON.stringify(alg)}`);
  return {
    untrustedComment: l1.slice('untrusted comment: '.length),
    algorithm: alg,
    keyNumber: Buffer.from(sig.subarray(2, 10)),
    signature: Buffer.from(sig.subarray(10, 74)),
    trustedComment: l3.slice('trusted comment: '.length),
    globalSignature: global,
  };
}

export type SignatureProblem = 'not_prehashed' | 'wrong_key' | 'bad_signature' | 'bad_trusted_comment';

/**
 * Checks a parsed signature against a public key, as `minisign -V -H` does: key number, the
 * prehashed signature over the message, and the global signature over the trusted comment.
 */
export function checkSignature(message: Buffer, sig: ParsedSignature, key: MinisignPublicKey): SignatureProblem[] {
  if (!sig.keyNumber.equals(key.keyNumber)) return ['wrong_key'];
  if (sig.algorithm !== 'ED') return ['not_prehashed'];
  const pub = ed25519PublicKey(key.publicKey);
  const problems: SignatureProblem[] = [];
  if (!verify(null, prehash(message), pub, sig.signature)) problems.push('bad_signature');
  const signedComment = Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, 'utf8')]);
  if (!verify(null, signedComment, pub, sig.globalSignature)) problems.push('bad_trusted_comment');
  return problems;
}
