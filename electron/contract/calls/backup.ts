// Backups and verified restore of the register (SPEC §10, issue #10).
import { z } from 'zod';
import { absolutePath, noArgs } from './common.js';

export const backupCalls = {
  /** The register's own backups folder, newest first, and how many automatic ones are kept. */
  'backup.list': noArgs,
  /** A consistent copy now: into a chosen folder (USB), an exact file (CLI), or the register's own folder. */
  'backup.create': z.object({
    to: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('folder'), folder: absolutePath }),
      z.object({ kind: z.literal('file'), file: absolutePath }),
      z.object({ kind: z.literal('own') }),
    ]),
  }),
  /** The automatic backup: on closing the app, or daily (skipped when the last is under a day old). */
  'backup.auto': z.object({ reason: z.enum(['close', 'daily']) }),
  /** Checks a backup and states what restoring it would replace; changes nothing. */
  'backup.inspect': z.object({ file: absolutePath }),
  /** Replaces the register with a checked backup (the replaced one is kept); audited. */
  'backup.restore': z.object({ file: absolutePath, acceptOlder: z.boolean().default(false) }),
  'backup.settings.set': z.object({ keep: z.number().int().min(1).max(365) }),
  /** The file dialog for choosing a backup to restore. */
  'dialog.openBackup': noArgs,
};
