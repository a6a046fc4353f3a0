// Citizens, identified by their normalised phone number (SPEC §3), and their erasure (§10).
import type { RegisterDb } from './register-db.js';
import { first, run } from './exec.js';
import type { CitizenCategory, Person } from './schema.js';

export function findPersonByPhone(db: RegisterDb, phone: string): Person | undefined {
  return first(db, db.k.selectFrom('people').selectAll().where('phone', '=', phone));
}

export function findPerson(db: RegisterDb, id: number): Person | undefined {
  return first(db, db.k.selectFrom('people').selectAll().where('id', '=', id));
}

export interface PersonValues {
  phone: string;
  name: string;
  locality: string | null;
  occupation: string | null;
  category: CitizenCategory;
  consentOn: string | null;
  consentHow: string | null;
}

export function insertPerson(db: RegisterDb, v: PersonValues, at: string): number {
  return run(db, db.k.insertInto('people').values({ ...v, erasedAt: null, createdAt: at, updatedAt: at })).lastId;
}

export function updatePerson(db: RegisterDb, id: number, v: Partial<PersonValues>, at: string): void {
  run(
    db,
    db.k
      .updateTable('people')
      .set({ ...v, updatedAt: at })
      .where('id', '=', id),
  );
}

/**
 * Erasure on request: personal fields are blanked, the row and its memberships stay so that
 * counts and history survive (SPEC §10). The name becomes a neutral placeholder.
 */
export function anonymisePerson(db: RegisterDb, id: number, at: string): void {
  run(
    db,
    db.k
      .updateTable('people')
      .set({
        phone: null,
        name: `erased-${id}`,
        locality: null,
        occupation: null,
        consentOn: null,
        consentHow: null,
        erasedAt: at,
        updatedAt: at,
      })
      .where('id', '=', id),
  );
}
