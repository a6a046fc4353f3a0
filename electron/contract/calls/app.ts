// The app's own calls: status for the first-run gate, creating/opening registers, file dialogs.
import { z } from 'zod';
import { codeSchema, nameSchema, optionalText } from '../inputs.js';
import { noArgs } from './common.js';

export const SAVE_KINDS = ['xlsx', 'pdf', 'eml', 'pub', 'csv'] as const;

export const appCalls = {
  'app.status': noArgs,
  'app.createRegister': z.object({
    code: codeSchema.pipe(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')),
    name: nameSchema,
    nameHi: optionalText,
  }),
  'app.openDemo': noArgs,
  /** Switches to another register file (issue #11); refuses an HQ database or any other file. */
  'app.openRegister': z.object({
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path'),
  }),
  /** The last registers opened, most recent first; missing files are marked. */
  'app.recentRegisters': noArgs,
  'app.closeRegister': noArgs,
  'dialog.openWorkbook': noArgs,
  'dialog.openRegister': noArgs,
  'dialog.chooseFolder': z.object({ title: z.string().max(200).optional() }),
  'dialog.saveFile': z.object({ defaultName: z.string().min(1).max(200), kind: z.enum(SAVE_KINDS) }),
};
