// The register workbook's calls (SPEC §5): preview and commit an import, export, the column
// mappings a clerk made by hand.
import { z } from 'zod';
import { SHEETS } from '../sheets.js';
import { absolutePath } from './common.js';

const sheetName = z.enum(SHEETS);
export const sheetMappingSchema = z.record(z.string().max(200), z.string().max(64).nullable());
const workbookMapping = z.partialRecord(sheetName, sheetMappingSchema);

const importArgs = z.object({
  file: absolutePath,
  mapping: workbookMapping.optional(),
  strict: z.boolean().optional(),
});

export const registerIoCalls = {
  /** Dry run: reads and validates the file against the register; writes nothing. */
  'import.preview': importArgs,
  /** Pass the preview's sha256 to make sure the file did not change in between. */
  'import.commit': importArgs.extend({
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional(),
  }),
  /** `.xlsx` → one workbook; any other path → a folder of units/groups/staff/members.csv. */
  'export.register': z.object({ file: absolutePath }),
  'import.mappings.get': z.object({
    sheet: sheetName.optional(),
    headers: z.array(z.string().max(200)).max(512).optional(),
  }),
  'import.mappings.set': z.object({
    sheet: sheetName,
    headers: z.array(z.string().max(200)).min(1).max(512),
    mapping: sheetMappingSchema.nullable(),
  }),
};
