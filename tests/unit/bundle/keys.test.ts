// District keys in a real register: sealed by a passphrase (the minisign secret-key file) or
// by an OS protector (a safeStorage-shaped double), never stored in clear, one active key.
import { describe, expect, it } from 'vitest';
import { keySecrets } from '../../../db/bundles.js';
import { verifyAudit } from '../../../db/audit.js';
import {
  addKeyProtector,
  createDistrictKey,
  districtKeyInfo,
  loadSigningKey,
  osProtector,
  passphraseKeyFile,
  passphraseProtector,
  type OsEncryption,
} from '../../../electron/services/bundle/keys.js';
import { secretKeyIsEncrypted } from '../../../electron/services/bundle/minisign.js';
import { makeRegister } from '../../fixtures/builders.js';
import { TEST_KDF_COST } from '../../fixtures/context.js';

const pass = (p: string) => passphraseProtector({ passphrase: p, cost: TEST_KDF_COST });

/** Stands in for Electron's safeStorage: reversible only through this object. */
function fakeSafeStorage(): OsEncryption & { available: boolean } {
  const secret = Buffer.from('machine-and-user-bound');
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ secret[i % secret.length]!));
  const o = {
    available: true,
    isEncryptionAvailable: () => o.available,
    encryptString: (s: string) => xor(Buffer.from(s, 'utf8')),
    decryptString: (b: Buffer) => xor(b).toString('utf8'),
  };
  return o;
}

describe('district keys', () => {
  it('creates one key, sealed by a passphrase in the minisign format, and unlocks it', async () => {
    const { db } = makeRegister();
    const info = await createDistrictKey(db, pass('s3cret pass'), 'clerk');
    expect(info.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(info.protectors).toEqual(['passphrase']);
    expect(info.publicKeyFile).toContain(`minisign public key ${info.keyId}`);
    const sealed = passphraseKeyFile(db);
    expect(sealed.startsWith('untrusted comment: minisign encrypted secret key\n')).toBe(true);
    expect(secretKeyIsEncrypted(sealed)).toBe(true);

    const key = await loadSigningKey(db, pass('s3cret pass'));
    expect(key.keyId).toBe(info.keyId);
    await expect(loadSigningKey(db, pass('wrong'))).rejects.toMatchObject({ code: 'KEY_LOCKED' });
    await expect(createDistrictKey(db, pass('x'), 'clerk')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('asks a lazy passphrase only when the key is opened, and refuses an empty one', async () => {
    const { db } = makeRegister();
    let asked = 0;
    const lazy = passphraseProtector({ passphrase: () => (asked++, 'later'), cost: TEST_KDF_COST });
    expect(asked).toBe(0);
    await createDistrictKey(db, lazy, 'clerk');
    await loadSigningKey(db, lazy);
    expect(asked).toBe(1);
    await expect(createDistrictKey(makeRegister().db, pass(''), 'c')).rejects.toMatchObject({ code: 'KEY_LOCKED' });
  });

  it('seals with the OS protector; the sealed value is not the key; unavailable OS encryption is refused', async () => {
    const { db } = makeRegister();
    const os = fakeSafeStorage();
    const info = await createDistrictKey(db, osProtector(os), 'clerk');
    const [s] = keySecrets(db, info.keyId);
    expect(s!.protector).toBe('os');
    expect(Buffer.from(s!.sealed, 'base64').toString('latin1')).not.toContain('minisign');
    const key = await loadSigningKey(db, osProtector(os));
    expect(key.keyId).toBe(info.keyId);

    // The CLI (passphrase) cannot open an app-sealed key until a passphrase is added in the app.
    await expect(loadSigningKey(db, pass('pw'))).rejects.toMatchObject({
      code: 'KEY_LOCKED',
      message: expect.stringMatching(/protected by the Samooh app/),
    });
    const both = await addKeyProtector(db, osProtector(os), pass('pw'), 'clerk');
    expect(both.protectors).toEqual(['os', 'passphrase']);
    expect((await loadSigningKey(db, pass('pw'))).secretKey.equals(key.secretKey)).toBe(true);

    os.available = false;
    await expect(loadSigningKey(db, osProtector(os))).rejects.toMatchObject({ code: 'KEY_LOCKED' });
    await expect(createDistrictKey(makeRegister().db, osProtector(os), 'c')).rejects.toMatchObject({
      code: 'KEY_LOCKED',
    });
    // Another Windows user (or PC) cannot decrypt: KEY_LOCKED, not a crash.
    os.available = true;
    const foreign = {
      ...os,
      decryptString: () => {
        throw new Error('DPAPI: wrong user');
      },
    };
    await expect(loadSigningKey(db, osProtector(foreign))).rejects.toMatchObject({ code: 'KEY_LOCKED' });
  });

  it('reports no key for a register without one', async () => {
    const { db } = makeRegister();
    expect(districtKeyInfo(db)).toBeNull();
    await expect(loadSigningKey(db, pass('x'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
