// Round trip (issue #10): the register's own export, imported into a fresh register, is taken
// whole — nothing rejected — and gives the same compliance result. Once for the demo district
// (12,740 member rows; 3,698 of them used to be refused as fixed-line phones), and as a property
// over generated registers with awkward but valid values (formula-like names, Hindi, quotes,
// commas, left members, closed groups). Real SQLite files, real .xlsx and CSV.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openRegister, type RegisterDb } from '../../../db/connection.js';
import { nameSchema } from '../../../electron/contract/inputs.js';
import { all } from '../../../db/exec.js';
import { seedDefaultRanks } from '../../../db/ranks.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import { fillDemo } from '../../../electron/services/demo/demo.js';
import { exportRegister } from '../../../electron/services/register-io/export.js';
import { runImport } from '../../../electron/services/register-io/import.js';
import type { ImportReport } from '../../../electron/services/register-io/types.js';
import { addGroup, addMembership, addPerson, addStaff, addUnit } from '../../fixtures/builders.js';
import { tempDir } from '../../fixtures/temp.js';

const NOW = new Date('2026-01-15T10:00:00.000Z');
const quiet = { progress: () => undefined, signal: new AbortController().signal };

function fresh(dir: string, name: string, district: unknown): RegisterDb {
  const db = openRegister(path.join(dir, name));
  seedDefaultRanks(db);
  setSetting(db, 'district', district as never);
  return db;
}

async function importInto(db: RegisterDb, file: string): Promise<ImportReport> {
  return runImport(db, { file, dryRun: false }, { ...quiet, operator: 'round-trip', now: () => NOW });
}

/** What a register holds, independent of row ids and timestamps. */
function contents(db: RegisterDb) {
  const units = all(
    db,
    db.k.selectFrom('units').select(['code', 'name', 'nameHi', 'type', 'division']).orderBy('code'),
  );
  const groups = all(
    db,
    db.k
      .selectFrom('groups')
      .innerJoin('units', 'units.id', 'groups.unitId')
      .select(['groups.code', 'units.code as unit', 'kind', 'groups.name', 'groups.status', 'groups.createdOn'])
      .orderBy('groups.code'),
  );
  const people = all(
    db,
    db.k.selectFrom('people').select(['phone', 'name', 'locality', 'occupation', 'category']).orderBy('phone'),
  );
  const memberships = all(
    db,
    db.k
      .selectFrom('memberships')
      .innerJoin('groups', 'groups.id', 'memberships.groupId')
      .leftJoin('people', 'people.id', 'memberships.personId')
      .leftJoin('staff', 'staff.id', 'memberships.staffId')
      .select(['groups.code as group', 'people.phone', 'staff.serviceNo', 'joinedOn', 'leftOn'])
      .orderBy('groups.code')
      .orderBy('people.phone')
      .orderBy('staff.serviceNo')
      .orderBy('joinedOn'),
  );
  return { units, groups, people, memberships };
}

/** The compliance result without the moment it was computed. */
function compliance(db: RegisterDb) {
  const { generatedAt: _at, ...rest } = computeCompliance(db, { now: NOW });
  return rest;
}

describe('round trip: export → import into a fresh register', () => {
  it('the demo district comes back whole, with the same compliance result (.xlsx and CSV)', async () => {
    const dir = tempDir();
    const a = openRegister(path.join(dir, 'demo.sqlite'));
    fillDemo(a, { scale: 'district', now: NOW, operator: 'test' });
    for (const target of [path.join(dir, 'demo.xlsx'), path.join(dir, 'demo-csv')]) {
      await exportRegister(a, target, quiet);
      const b = fresh(dir, `${path.basename(target)}.sqlite`, getSetting(a, 'district'));
      const r = await importInto(b, target);
      expect(r.rejected, target).toEqual([]);
      expect(r.totals.rejected).toBe(0);
      expect(r.entities.memberships.new).toBe(all(a, a.k.selectFrom('memberships').select('id')).length);
      expect(contents(b)).toEqual(contents(a));
      expect(compliance(b)).toEqual(compliance(a));
      await b.close();
    }
    await a.close();
  }, 240_000);

  it('property: any generated register comes back whole (nothing rejected, same rows, same compliance)', async () => {
    // Texts a clerk might type: Hindi, formula-like starts, quotes, separators. (No line breaks:
    // the register never holds one — the app's forms and the import both fold them to a space.)
    const text = fc
      .array(fc.constantFrom('a', 'Z', 'राम', 'ज़', ' ', '=', '+', '-', '@', "'", '"', ',', ';', '1', '.', '(', 'é'), {
        minLength: 1,
        maxLength: 12,
      })
      // As the app stores a name: through the contract's own schema (spaces folded, trimmed).
      .map((parts) => nameSchema.safeParse(parts.join('')))
      .filter((r) => r.success)
      .map((r) => r.data!);
    const register = fc.record({
      units: fc.array(fc.record({ name: text, hi: fc.option(text, { nil: null }) }), { minLength: 1, maxLength: 4 }),
      groups: fc.array(
        fc.record({
          unit: fc.nat(),
          name: text,
          kind: fc.constantFrom('public' as const, 'staff' as const),
          closed: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      people: fc.array(
        fc.record({
          name: text,
          locality: fc.option(text, { nil: null }),
          category: fc.constantFrom('public' as const, 'eminent' as const),
          group: fc.nat(),
          left: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
      staff: fc.array(fc.record({ name: text, unit: fc.nat(), group: fc.nat() }), { maxLength: 4 }),
    });
    let phone = 9_431_000_000;
    await fc.assert(
      fc.asyncProperty(register, fc.boolean(), async (g, asCsv) => {
        const dir = tempDir();
        const district = { code: 'PAT', name: 'Patna' };
        const a = fresh(dir, 'a.sqlite', district);
        const units = g.units.map((u, i) => addUnit(a, { code: `T${i}`, name: u.name, nameHi: u.hi }).code);
        const groups = g.groups.map(
          (x, i) =>
            addGroup(a, {
              code: `G${i}`,
              unit: units[x.unit % units.length]!,
              kind: x.kind,
              name: x.name,
              status: x.closed ? 'closed' : 'active',
              createdOn: '2024-03-01',
            }).id,
        );
        for (const p of g.people) {
          const person = addPerson(a, {
            name: p.name,
            phone: `+91${(phone += 13)}`,
            category: p.category,
            locality: p.locality,
          });
          addMembership(a, {
            groupId: groups[p.group % groups.length]!,
            personId: person.id,
            joinedOn: '2024-04-02',
            ...(p.left ? { leftOn: '2024-09-30' } : {}),
          });
        }
        g.staff.forEach((s, i) => {
          const st = addStaff(a, { serviceNo: `BP${i}`, name: s.name, unit: units[s.unit % units.length]! });
          addMembership(a, { groupId: groups[s.group % groups.length]!, staffId: st.id, joinedOn: '2024-05-03' });
        });
        const target = path.join(dir, asCsv ? 'export' : 'export.xlsx');
        await exportRegister(a, target, quiet);
        const b = fresh(dir, 'b.sqlite', district);
        const r = await importInto(b, target);
        expect(r.rejected).toEqual([]);
        expect(contents(b)).toEqual(contents(a));
        expect(compliance(b)).toEqual(compliance(a));
        await a.close();
        await b.close();
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
