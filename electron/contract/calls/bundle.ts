// The bundle for HQ (SPEC §7) and the district key.
import { z } from 'zod';
import { absolutePath, noArgs } from './common.js';
import { parseRecipients } from '../email-address.js';

const withMembers = z.boolean().default(false);

export const bundleCalls = {
  'key.info': noArgs,
  'key.exportPublic': z.object({ file: absolutePath }),
  /** What the next bundle will hold, without signing or writing anything. */
  'bundle.preview': z.object({ withMembers }),
  'bundle.export': z.object({ folder: absolutePath, withMembers }),
  /** Writes the bundle into the app's outbox folder and an .eml draft beside it, then opens it. */
  'bundle.email': z.object({ withMembers }),
  'bundle.outbox': noArgs,
  /** The current report (as the next bundle would carry it) printed to PDF. */
  'bundle.reportPdf': z.object({ file: absolutePath }),
  'settings.email.get': noArgs,
  'settings.email.set': z.object({
    to: z
      .string()
      .max(1000)
      .refine((s) => parseRecipients(s).ok, 'not a list of email addresses'),
    subject: z.string().trim().min(1).max(300),
    body: z.string().max(10_000),
  }),
};
