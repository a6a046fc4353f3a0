// The trust store (SPEC §8): which minisign public key signs for which district, and from when a
// key no longer does.
//
// Key rotation — a district's PC is replaced and the new register makes a new key:
//   1. the district reads the new key id to HQ on the phone and sends its .pub file;
//   2. HQ trusts it for the same district (`samooh hq trust --district CODE new.pub`): both keys
//      are now accepted, so bundles already on their way (signed by the old key) still arrive;
//   3. HQ retires the old key from the day the old PC went out of service
//      (`samooh hq retire --district CODE --key-id OLD --from yyyy-mm-dd`): a bundle signed by
//      it and bagged on or after that day is refused as `retired_key`; older ones stay valid.
// The sequence and chain continue across keys only if the district restored its register onto
// the new PC; a fresh register starts again at 1, which HQ sees as a fork — the monitoring cell
// then clears the flag after checking (`samooh hq forks clear`).
import type { HqDb } from '../../../db/hq/connection.js';
import {
  districtKeyByPublicKey,
  getDistrict,
  getDistrictKey,
  insertDistrict,
  insertDistrictKey,
  listDistrictKeys,
  listDistricts,
  renameDistrict,
  retireDistrictKey,
} from '../../../db/hq/trust.js';
import { transaction } from '../../../db/exec.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import { DISTRICT_CODE_RE } from '../bundle/bundle-format.js';
import { MinisignError, keyIdHex, parsePublicKey, publicKeyLine } from '../bundle/minisign.js';

export interface TrustedKey {
  district: string;
  districtName: string;
  keyId: string;
  label: string | null;
  addedAt: string;
  addedBy: string;
  /** yyyy-mm-dd from which bundles signed by it are refused; null while it is in service. */
  retiredFrom: string | null;
  status: 'active' | 'retired';
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function validDay(day: string): boolean {
  if (!DAY_RE.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

export function trustDistrictKey(
  db: HqDb,
  o: { district: string; publicKeyText: string; name?: string; nameHi?: string | null; label?: string | null },
  actor: Actor,
): TrustedKey {
  if (!DISTRICT_CODE_RE.test(o.district)) {
    throw reasonError(
      'BAD_INPUT',
      'district_code_invalid',
      `"${o.district}" is not a district code (letters, digits, - and _; up to 32).`,
      { code: o.district },
    );
  }
  let key;
  try {
    key = parsePublicKey(o.publicKeyText);
  } catch (err) {
    if (err instanceof MinisignError) {
      throw reasonError('BAD_INPUT', 'key_file_unusable', `The key file is not usable: ${err.message}.`);
    }
    throw err;
  }
  const keyId = keyIdHex(key.keyNumber);
  const line = publicKeyLine(key);
  const at = actor.now().toISOString();
  transaction(db, () => {
    const existing = districtKeyByPublicKey(db, line) ?? getDistrictKey(db, keyId);
    if (existing) {
      throw reasonError(
        'CONFLICT',
        'hq_key_trusted',
        existing.districtCode === o.district
          ? `Key ${keyId} is already trusted for ${o.district}.`
          : `Key ${keyId} is already trusted for district ${existing.districtCode}; one key signs for one district only.`,
        { keyId, district: existing.districtCode },
        { keyId, district: existing.districtCode },
      );
    }
    const district = getDistrict(db, o.district);
    if (!district) {
      insertDistrict(db, {
        code: o.district,
        name: o.name ?? o.district,
        nameHi: o.nameHi ?? null,
        addedAt: at,
        addedBy: actor.operator,
      });
    } else if (o.name !== undefined) {
      renameDistrict(db, o.district, o.name, o.nameHi ?? district.nameHi);
    }
    insertDistrictKey(db, {
      keyId,
      districtCode: o.district,
      publicKey: line,
      label: o.label ?? null,
      addedAt: at,
      addedBy: actor.operator,
    });
  });
  return listTrustedKeys(db).find((k) => k.keyId === keyId)!;
}

export function listTrustedKeys(db: HqDb, district?: string): TrustedKey[] {
  const names = new Map(listDistricts(db).map((d) => [d.code, d.name]));
  return listDistrictKeys(db, district).map((k) => ({
    district: k.districtCode,
    districtName: names.get(k.districtCode) ?? k.districtCode,
    keyId: k.keyId,
    label: k.label,
    addedAt: k.addedAt,
    addedBy: k.addedBy,
    retiredFrom: k.retiredFrom,
    status: k.retiredFrom === null ? 'active' : 'retired',
  }));
}

/** Retires a district key from `from` (yyyy-mm-dd, default today). Idempotent for the same day. */
export function retireKey(db: HqDb, o: { district: string; keyId: string; from?: string }, actor: Actor): TrustedKey {
  const keyId = o.keyId.toUpperCase();
  const from = o.from ?? actor.now().toISOString().slice(0, 10);
  if (!validDay(from))
    throw reasonError('BAD_INPUT', 'bad_date', `"${from}" is not a date (yyyy-mm-dd).`, { value: from });
  transaction(db, () => {
    const key = getDistrictKey(db, keyId);
    if (!key || key.districtCode !== o.district) {
      throw reasonError(
        'NOT_FOUND',
        'hq_key_not_trusted',
        `No key ${keyId} is trusted for district ${o.district}.`,
        { keyId, district: o.district },
        { what: 'key', keyId },
      );
    }
    if (key.retiredFrom !== null && key.retiredFrom !== from) {
      throw reasonError(
        'CONFLICT',
        'hq_key_retired',
        `Key ${keyId} is already retired from ${key.retiredFrom}.`,
        { keyId, from: key.retiredFrom },
        {
          keyId,
          retiredFrom: key.retiredFrom,
        },
      );
    }
    retireDistrictKey(db, keyId, from, actor.now().toISOString(), actor.operator);
  });
  return listTrustedKeys(db, o.district).find((k) => k.keyId === keyId)!;
}
