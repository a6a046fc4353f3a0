// `samooh init`: a new register, its district identity and its key pair — all or nothing.
// The passphrase is read before anything is written, so a missing passphrase (no terminal, no
// SAMOOH_PASSPHRASE) leaves no half-made register behind.
import { rmSync } from 'node:fs';
import { openRegister } from '../../db/connection.js';
import { createDistrictKey, passphraseProtector } from '../services/bundle/keys.js';
import { setOperatorName } from '../services/privacy/operator.js';
import { initialiseRegister, type DistrictInput } from '../services/register/district.js';
import { readPassphrase } from './passphrase.js';

export interface InitResult {
  file: string;
  district: DistrictInput;
  keyId: string;
  publicKey: string;
}

export async function initCommand(o: {
  file: string;
  district: DistrictInput;
  operator: string;
  /** `--operator NAME`: stored as the clerk's name, so later commands need not repeat it. */
  clerkName?: string | null;
  passphraseFile?: string;
}): Promise<InitResult> {
  const passphrase = await readPassphrase({
    passphraseFile: o.passphraseFile,
    confirm: true,
    minLength: 8,
    purpose: `the ${o.district.code} district key`,
  });
  const db = openRegister(o.file);
  try {
    const now = new Date();
    initialiseRegister(db, o.district, o.operator, now);
    if (o.clerkName) setOperatorName(db, o.clerkName, { operator: o.operator, now: () => now });
    const key = await createDistrictKey(db, passphraseProtector({ passphrase }), o.operator, now);
    return { file: o.file, district: o.district, keyId: key.keyId, publicKey: key.publicKeyFile };
  } catch (err) {
    await db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(o.file + suffix, { force: true });
    throw err;
  } finally {
    if (db.isOpen()) await db.close();
  }
}
