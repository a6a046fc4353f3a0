// The register workbook's handlers (SPEC §5): preview and commit an import, export, and the
// column mappings a clerk made by hand. Merged into the one map in electron/backend/handlers.ts.
import path from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import { handler, type HandlerMapShape } from '../../backend/define.js';
import { AppError } from '../../backend/errors.js';
import { exportRegister } from './export.js';
import { isKnownField, mappingKey } from './headers.js';
import { runImport } from './import.js';
import { SHEETS, type SheetMapping, type SheetName } from './types.js';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => path.isAbsolute(p), 'must be an absolute path');

const sheetName = z.enum(SHEETS);
const sheetMapping = z.record(z.string().max(200), z.string().max(64).nullable());
const workbookMapping = z.partialRecord(sheetName, sheetMapping);

/** A hand-made mapping may only name fields of its own sheet. */
function checkMapping(sheet: SheetName, m: SheetMapping): void {
  for (const [header, field] of Object.entries(m)) {
    if (field !== null && field !== '' && !isKnownField(sheet, field)) {
      throw new AppError(
        'BAD_INPUT',
        `Column "${header}" is mapped to "${field}", which is not a field of the ${sheet} sheet.`,
        {
          sheet,
          header,
          field,
        },
      );
    }
  }
}

const importArgs = z.object({
  file: absolutePath,
  mapping: workbookMapping.optional(),
  strict: z.boolean().optional(),
});

export const registerIoHandlers = {
  /** Dry run: reads and validates the file against the register; writes nothing. */
  'import.preview': handler(importArgs, async (a, ctx) => {
    for (const [s, m] of Object.entries(a.mapping ?? {})) checkMapping(s as SheetName, m!);
    return runImport(ctx.session.db(), { file: a.file, mapping: a.mapping, strict: a.strict, dryRun: true }, ctx);
  }),

  /**
   * Writes every accepted row in one transaction (strict: none unless all are accepted). Pass the
   * preview's sha256 to make sure the file did not change in between.
   */
  'import.commit': handler(
    importArgs.extend({
      sha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/)
        .optional(),
    }),
    async (a, ctx) => {
      for (const [s, m] of Object.entries(a.mapping ?? {})) checkMapping(s as SheetName, m!);
      return runImport(
        ctx.session.db(),
        { file: a.file, mapping: a.mapping, strict: a.strict, dryRun: false, expectSha256: a.sha256 },
        ctx,
      );
    },
  ),

  /** `.xlsx` → one workbook; any other path → a folder of units/groups/staff/members.csv. */
  'export.register': handler(z.object({ file: absolutePath }), (a, ctx) =>
    exportRegister(ctx.session.db(), a.file, { progress: ctx.progress, signal: ctx.signal }),
  ),

  /** Remembered mappings: all of them, or the one for a sheet's headers. */
  'import.mappings.get': handler(
    z.object({ sheet: sheetName.optional(), headers: z.array(z.string().max(200)).max(512).optional() }),
    (a, ctx) => {
      const all = getSetting(ctx.session.db(), 'importMappings') ?? {};
      if (a.sheet && a.headers) {
        const key = mappingKey(a.sheet, a.headers);
        return { key, mapping: all[key] ?? null, mappings: all[key] ? { [key]: all[key] } : {} };
      }
      const mappings = a.sheet
        ? Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(a.sheet + ':')))
        : all;
      return { key: null, mapping: null, mappings };
    },
  ),

  /** Remembers (or, with mapping null, forgets) the mapping for a sheet's header row. */
  'import.mappings.set': handler(
    z.object({
      sheet: sheetName,
      headers: z.array(z.string().max(200)).min(1).max(512),
      mapping: sheetMapping.nullable(),
    }),
    (a, ctx) => {
      if (a.mapping) checkMapping(a.sheet, a.mapping);
      const db = ctx.session.db();
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
            operator: ctx.operator,
            action: 'settings',
            entity: 'importMapping',
            entityId: key,
            before,
            after: all[key] ?? null,
          },
          ctx.now(),
        );
        return { key, mapping: all[key] ?? null };
      });
    },
  ),
} satisfies HandlerMapShape;
