// Codes are unique without regard to case (issue #11, migration 7): `acc-t3` beside `ACC-T3` is
// refused with the code it clashes with, in the form, the import and the CLI alike.
import { caseDuplicates, codesIgnoringCase } from '../../../db/case-duplicates.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { reasonError } from '../../contract/errors.js';

function assertFree(db: RegisterDb, table: 'units' | 'groups', code: string): void {
  const what = table === 'units' ? 'unit' : 'group';
  const taken = codesIgnoringCase(db, table, code);
  if (taken.length === 0) return;
  if (taken.includes(code)) {
    throw reasonError(
      'CONFLICT',
      `${what}_code_taken`,
      `${what} code ${code} is already used`,
      { code },
      { field: 'code' },
    );
  }
  throw reasonError(
    'CONFLICT',
    `${what}_code_case_taken`,
    `${what} code ${code} differs only in case from ${taken[0]}, which is already used; codes ignore case`,
    { code, existing: taken[0]! },
    { field: 'code' },
  );
}

export const assertUnitCodeFree = (db: RegisterDb, code: string) => assertFree(db, 'units', code);
export const assertGroupCodeFree = (db: RegisterDb, code: string) => assertFree(db, 'groups', code);

/** Unit and group codes already in the register that are equal ignoring case: merge them. */
export function listCaseDuplicates(db: RegisterDb) {
  return caseDuplicates(db);
}
