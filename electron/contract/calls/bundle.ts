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
  /** Signs the next bundle once into the register's bundle store and records it in the outbox. */
  'bundle.make': z.object({ withMembers }),
  /** Hands on a bundle already made: a copy into a folder (USB), or the e-mail draft (opened). */
  'bundle.deliver': z.object({
    sequence: z.number().int().min(1),
    to: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('folder'), folder: absolutePath }),
      z.object({ kind: z.literal('email') }),
    ]),
  }),
  /** make + deliver to a folder in one call (`samooh bundle export`). */
  'bundle.export': z.object({ folder: absolutePath, withMembers }),
  /** make + the e-mail draft in one call. */
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
