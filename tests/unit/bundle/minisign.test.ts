// The minisign formats against the stock Debian `minisign` tool: keys and signatures we write
// are accepted by it, and files it writes are read by us. The real minisign cost (1 GiB scrypt)
// runs several times here: generous time limits, because a busy 2-core machine can take a
// minute for what takes seconds alone (no test asserts speed).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MINISIGN_KDF_COST,
  checkSignature,
  decodeSecretKeyFile,
  encodePublicKeyFile,
  encodeSecretKeyFile,
  generateKeyPair,
  keyIdHex,
  parsePublicKey,
  parseSignature,
  scryptParams,
  signPrehashed,
} from '../../../electron/services/bundle/minisign.js';
import { tempDir } from '../../fixtures/temp.js';

const FAST = { opslimit: 524_288, memlimit: 16_777_216 }; // libsodium's INTERACTIVE cost

function minisign(args: string[], input?: string) {
  return spawnSync('minisign', args, { input, encoding: 'utf8', timeout: 240_000 });
}

describe('minisign formats', () => {
  it('maps opslimit/memlimit to scrypt N, r, p as libsodium does', () => {
    expect(scryptParams(MINISIGN_KDF_COST)).toEqual({ N: 2 ** 20, r: 8, p: 1 });
    expect(scryptParams(FAST)).toEqual({ N: 2 ** 14, r: 8, p: 1 });
    // opslimit below memlimit/32: N from opslimit
    expect(scryptParams({ opslimit: 32768, memlimit: 1 << 30 })).toEqual({ N: 2 ** 10, r: 8, p: 1 });
  });

  it('prints the key id as minisign does and round-trips the public key', () => {
    const k = generateKeyPair();
    k.keyNumber = Buffer.from('0afdcff74588e7b6', 'hex');
    expect(keyIdHex(k.keyNumber)).toBe('B6E78845F7CFFD0A');
    const text = encodePublicKeyFile(k);
    expect(text.split('\n')[0]).toBe('untrusted comment: minisign public key B6E78845F7CFFD0A');
    const back = parsePublicKey(text);
    expect(back.keyNumber.equals(k.keyNumber)).toBe(true);
    expect(back.publicKey.equals(k.publicKey)).toBe(true);
    expect(() => parsePublicKey('hello\nworld\n')).toThrow(/not a minisign public key/);
  });

  it('reads a key pair made by `minisign -G` and verifies its signature', async () => {
    const dir = tempDir();
    const pub = path.join(dir, 'k.pub');
    const sec = path.join(dir, 'k.key');
    const r = minisign(['-G', '-p', pub, '-s', sec], 'pässwörd\npässwörd\n');
    expect(r.status, r.stderr).toBe(0);
    const k = await decodeSecretKeyFile(readFileSync(sec, 'utf8'), 'pässwörd');
    const p = parsePublicKey(readFileSync(pub, 'utf8'));
    expect(k.publicKey.equals(p.publicKey)).toBe(true);
    await expect(decodeSecretKeyFile(readFileSync(sec, 'utf8'), 'wrong')).rejects.toThrow(/wrong passphrase/);

    const msg = path.join(dir, 'm.txt');
    writeFileSync(msg, 'hello\n');
    expect(minisign(['-S', '-s', sec, '-m', msg, '-t', 'made by minisign'], 'pässwörd\n').status).toBe(0);
    const sig = parseSignature(readFileSync(msg + '.minisig', 'utf8'));
    expect(sig.algorithm).toBe('ED');
    expect(sig.trustedComment).toBe('made by minisign');
    expect(checkSignature(readFileSync(msg), sig, p)).toEqual([]);
    expect(checkSignature(Buffer.from('hello!\n'), sig, p)).toEqual(['bad_signature']);
  }, 240_000);

  it('writes signatures that `minisign -V -H` accepts, and it rejects a changed comment', () => {
    const dir = tempDir();
    const k = generateKeyPair();
    const pub = path.join(dir, 'd.pub');
    writeFileSync(pub, encodePublicKeyFile(k));
    const msg = path.join(dir, 'tagmanifest-sha256.txt');
    writeFileSync(msg, 'abc  bagit.txt\n');
    const sigText = signPrehashed(readFileSync(msg), k, 'district:PAT\tsequence:1');
    writeFileSync(msg + '.minisig', sigText);
    const ok = minisign(['-V', '-H', '-p', pub, '-m', msg]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Trusted comment: district:PAT\tsequence:1');

    writeFileSync(msg + '.minisig', sigText.replace('sequence:1', 'sequence:2'));
    expect(minisign(['-V', '-H', '-p', pub, '-m', msg]).status).not.toBe(0);
    const parsed = parseSignature(sigText.replace('sequence:1', 'sequence:2'));
    expect(checkSignature(readFileSync(msg), parsed, k)).toEqual(['bad_trusted_comment']);
    expect(checkSignature(readFileSync(msg), parsed, generateKeyPair())).toEqual(['wrong_key']);
  });

  it('writes an encrypted secret key that `minisign -S` can sign with (minisign cost)', async () => {
    const dir = tempDir();
    const k = generateKeyPair();
    const sec = path.join(dir, 'd.key');
    const pub = path.join(dir, 'd.pub');
    writeFileSync(sec, await encodeSecretKeyFile(k, 'correct horse', MINISIGN_KDF_COST));
    writeFileSync(pub, encodePublicKeyFile(k));
    const msg = path.join(dir, 'm.txt');
    writeFileSync(msg, 'signed by minisign with our key file\n');
    const r = minisign(['-S', '-s', sec, '-m', msg, '-t', 'ours'], 'correct horse\n');
    expect(r.status, r.stderr).toBe(0);
    expect(execFileSync('minisign', ['-V', '-H', '-p', pub, '-m', msg], { encoding: 'utf8' })).toContain('ours');
    const wrong = minisign(['-S', '-s', sec, '-m', msg], 'incorrect\n');
    expect(wrong.status).not.toBe(0);
    expect((await decodeSecretKeyFile(readFileSync(sec, 'utf8'), 'correct horse')).secretKey.equals(k.secretKey)).toBe(
      true,
    );
  }, 240_000);

  it('round-trips the unencrypted form and detects damage', async () => {
    const k = generateKeyPair();
    const text = await encodeSecretKeyFile(k, null);
    expect((await decodeSecretKeyFile(text, null)).keyNumber.equals(k.keyNumber)).toBe(true);
    const raw = Buffer.from(text.split('\n')[1]!, 'base64');
    raw[100]! ^= 1;
    const damaged = `untrusted comment: x\n${raw.toString('base64')}\n`;
    await expect(decodeSecretKeyFile(damaged, null)).rejects.toThrow(/damaged/);
    const enc = await encodeSecretKeyFile(k, 'pw', FAST);
    await expect(decodeSecretKeyFile(enc, null)).rejects.toThrow(/encrypted/);
  });
});
