// Reconciling a group with a WhatsApp chat export (SPEC §6): preview the proposals, apply the ones
// the clerk chose, and the file dialog for an export.
import { z } from 'zod';
import { codeSchema } from '../inputs.js';
import { absolutePath, noArgs } from './common.js';

const exportArgs = z.object({
  groupCode: codeSchema,
  file: absolutePath,
  /** dd/mm or mm/dd, when the file cannot tell (no day above 12). */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
});

const member = z.object({ type: z.enum(['citizen', 'staff']), id: z.number().int().positive() });

export const chatCalls = {
  /** Reads the export and proposes joins, leaves and number changes; writes nothing. */
  'chat.preview': exportArgs,
  /**
   * Applies the chosen proposals (ids from the preview) and the confirm rows with the person the
   * clerk chose, in one transaction. The plan is computed again: ids that no longer apply are
   * skipped, so applying the same export twice applies nothing the second time.
   */
  'chat.apply': exportArgs.extend({
    accept: z.array(z.string().min(1).max(300)).max(20_000),
    confirms: z
      .array(z.object({ id: z.string().min(1).max(300), member }))
      .max(20_000)
      .default([]),
  }),
  /** The file dialog for a chat export (.txt or .zip). */
  'dialog.openChatExport': noArgs,
};
