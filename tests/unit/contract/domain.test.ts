// The register's vocabulary is declared once (electron/contract/domain.ts). db/ may not import it
// (db/ imports nothing of ours), so its column types are written out again in db/schema.ts and
// the schema's CHECK constraints: this file holds all three together.
import { describe, expect, it } from 'vitest';
import type * as Db from '../../../db/schema.js';
import * as Domain from '../../../electron/contract/domain.js';
import { addGroup, addStaff, addUnit, makeRegister } from '../../fixtures/builders.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the domain vocabulary', () => {
  it('db/schema.ts types the same values as the contract', () => {
    const same: [
      Equal<Db.UnitType, Domain.UnitType>,
      Equal<Db.GroupKind, Domain.GroupKind>,
      Equal<Db.GroupStatus, Domain.GroupStatus>,
      Equal<Db.Gender, Domain.Gender>,
      Equal<Db.CitizenCategory, Domain.CitizenCategory>,
    ] = [true, true, true, true, true];
    expect(same.every(Boolean)).toBe(true);
  });

  it("the schema's CHECK constraints accept every value of the contract and nothing else", () => {
    const { db } = makeRegister();
    const thana = addUnit(db, { type: 'thana' });
    for (const type of Domain.UNIT_TYPES) {
      expect(() => addUnit(db, { type, ...(type === 'op' ? { parent: thana.code } : {}) })).not.toThrow();
    }
    expect(() => addUnit(db, { type: 'police_post' as Domain.UnitType })).toThrow(/CHECK constraint/);
    for (const kind of Domain.GROUP_KINDS) expect(() => addGroup(db, { unit: thana.code, kind })).not.toThrow();
    expect(() => addGroup(db, { unit: thana.code, kind: 'women' as Domain.GroupKind })).toThrow(/CHECK constraint/);
    for (const gender of Domain.GENDERS) expect(() => addStaff(db, { unit: thana.code, gender })).not.toThrow();
    expect(() => addStaff(db, { unit: thana.code, gender: 'W' as Domain.Gender })).toThrow(/CHECK constraint/);
  });

  it('police–public kinds are kinds', () => {
    for (const k of Domain.PUBLIC_GROUP_KINDS) expect(Domain.GROUP_KINDS).toContain(k);
  });
});
