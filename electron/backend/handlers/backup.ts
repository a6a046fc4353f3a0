// Backups and verified restore (SPEC §10, issue #10).
import { autoBackup, backupNow, listBackups, setBackupSettings } from '../../services/backup/backup.js';
import { inspectBackup, restoreBackup } from '../../services/backup/restore.js';
import { implement } from '../define.js';

export const backupHandlers = implement({
  'backup.list': (_a, ctx) => listBackups(ctx.session.db()),
  'backup.create': (a, ctx) => backupNow(ctx.session.db(), a.to, ctx),
  'backup.auto': async (a, ctx) => {
    if (!ctx.session.hasDb()) return { file: null, removed: [] };
    const r = await autoBackup(ctx.session.db(), a.reason, ctx);
    return { file: r.written?.file ?? null, removed: r.removed };
  },
  'backup.inspect': (a, ctx) => inspectBackup(ctx.session.db(), a.file),
  'backup.restore': (a, ctx) => restoreBackup(ctx.session, a.file, { acceptOlder: a.acceptOlder }, ctx),
  'backup.settings.set': (a, ctx) => setBackupSettings(ctx.session.db(), a.keep, ctx),
  'dialog.openBackup': async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({
      title: 'Choose the backup to restore',
      filters: [{ name: 'Samooh backup', extensions: ['sqlite', 'db', 'samooh'] }],
    }),
  }),
});
