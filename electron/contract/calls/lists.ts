// Lists as the clerk sees them, handed over: a screen's filtered table written to CSV or XLSX
// (the file chosen with `dialog.saveFile`). The renderer sends exactly the rows it shows, so the
// file holds what the screen holds; the backend writes it formula-safe and atomically.
import { z } from 'zod';
import { absolutePath } from './common.js';

/** Cells: text (capped), numbers, or empty. */
const cell = z.union([z.string().max(2000), z.number().finite(), z.null()]);

export const MAX_LIST_ROWS = 100_000;
export const MAX_LIST_COLUMNS = 40;

export const listColumnSchema = z.object({
  header: z.string().trim().min(1).max(200),
  /** `phone`: E.164 numbers written as text cells (never numbers, never formulas). */
  kind: z.enum(['text', 'number', 'phone']).default('text'),
});

export const listCalls = {
  'lists.export': z
    .object({
      /** `.csv` or `.xlsx`: the format follows the file name the clerk chose. */
      file: absolutePath.refine((p) => /\.(csv|xlsx)$/i.test(p), 'must end in .csv or .xlsx'),
      /** The list's title as shown (e.g. "Units — short"), the sheet's name in an .xlsx. */
      title: z.string().trim().min(1).max(200),
      /** District and what the filters were, for the workbook's "About" sheet. */
      district: z.string().max(200).default(''),
      filters: z.string().max(500).default(''),
      columns: z.array(listColumnSchema).min(1).max(MAX_LIST_COLUMNS),
      rows: z.array(z.array(cell).max(MAX_LIST_COLUMNS)).max(MAX_LIST_ROWS),
    })
    .refine((a) => a.rows.every((r) => r.length === a.columns.length), {
      message: 'every row needs one cell per column',
      path: ['rows'],
    }),
};
