// Column mappings a clerk made by hand, remembered per sheet and header row (SPEC §5: "the UI lets
// the clerk map columns by hand and remembers the mapping").
import { appendAudit } from '../../../db/audit.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { CallInput } from '../../contract/calls/index.js';
import { reasonError } from '../../contract/errors.js';
import type { SheetMapping, SheetName, WorkbookMapping } from './types.js';
import type { Actor } from '../actor.js';
import { isKnownField, mappingKey } from './headers.js';

/** A hand-made mapping may only name fields of its own sheet. */
export function checkMapping(sheet: SheetName, m: SheetMapping): void {
  for (const [header, field] of Object.entries(m)) {
    if (field !== null && field !== '' && !isKnownField(sheet, field)) {
      throw reasonError(
        'BAD_INPUT',
        'mapping_bad_field',
        `Column "${header}" is mapped to "${field}", which is not a field of the ${sheet} sheet.`,
        { sheet, header, field: String(field) },
        { sheet, header, field },
      );
    }
  }
}

export function checkWorkbookMapping(mapping: WorkbookMapping | undefined): void {
  for (const [s, m] of Object.entries(mapping ?? {})) checkMapping(s as SheetName, m!);
}

/** Remembered mappings: all of them, or the one for a sheet's headers. */
export function getMappings(db: RegisterDb, a: CallInput<'import.mappings.get'>) {
  const all = getSetting(db, 'importMappings') ?? {};
  if (a.sheet && a.headers) {
    const key = mappingKey(a.sheet, a.headers);
    return { key, mapping: all[key] ?? null, mappings: all[key] ? { [key]: all[key] } : {} };
  }
  const mappings = a.sheet ? Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(a.sheet + ':'))) : all;
  return { key: null, mapping: null, mappings };
}

/** Remembers (or, with mapping null, forgets) the mapping for a sheet's header row. */
export function setMapping(db: RegisterDb, a: CallInput<'import.mappings.set'>, by: Actor) {
  if (a.mapping) checkMapping(a.sheet, a.mapping);
  const key = mappingKey(a.sheet, a.headers);
  return transaction(db, () => {
    const all = { ...(getSetting(db, 'importMappings') ?? {}) };
    const before = all[key] ?? null;
    if (a.mapping === null) delete all[key];
    else all[key] = Object.fromEntries(Object.entries(a.mapping).map(([h, f]) => [h, f ?? '']));
    setSetting(db, 'importMappings', all);
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'settings',
        entity: 'importMapping',
        entityId: key,
        before,
        after: all[key] ?? null,
      },
      by.now(),
    );
    return { key, mapping: all[key] ?? null };
  });
}
