// Reconciling a group with a WhatsApp chat export (SPEC §6): preview, apply, the file dialog.
import { readChatFile } from '../../services/chat/chat-file.js';
import { reasonError } from '../../contract/errors.js';
import { applyReconcile } from '../../services/reconcile/apply.js';
import { groupForReconcile, pickableMembers, planReconcile } from '../../services/reconcile/plan.js';
import type { HandlerContext } from '../context.js';
import { implement } from '../define.js';

const chatFilters = [
  { name: 'WhatsApp chat export (.txt, .zip)', extensions: ['txt', 'zip'] },
  { name: 'All files', extensions: ['*'] },
];

async function readExport(a: { file: string; dateOrder?: 'dmy' | 'mdy' | undefined }, ctx: HandlerContext) {
  ctx.progress({ phase: 'read', done: 0, total: 1 });
  const r = await readChatFile(a.file, a.dateOrder ? { dateOrder: a.dateOrder } : {});
  if (ctx.signal.aborted)
    throw reasonError('CANCELLED', 'cancelled', 'Reconciling was cancelled; nothing was changed.');
  ctx.progress({ phase: 'read', done: 1, total: 1 });
  return r;
}

export const chatHandlers = implement({
  'chat.preview': async (a, ctx) => {
    const db = ctx.session.db();
    // An unknown group is refused before the file is read.
    groupForReconcile(db, a.groupCode);
    const r = await readExport(a, ctx);
    const plan = planReconcile(db, a.groupCode, r.chat);
    return {
      ...plan,
      file: r.file,
      chat: {
        format: r.chat.format,
        dateOrder: r.chat.dateOrder,
        dateOrderFrom: r.chat.dateOrderFrom,
        messages: r.chat.messages,
        authors: r.chat.authors.length,
        languages: r.chat.languages,
        notices: r.chat.notices,
      },
      members: pickableMembers(db, a.groupCode),
    };
  },
  'chat.apply': async (a, ctx) => {
    const db = ctx.session.db();
    groupForReconcile(db, a.groupCode);
    const r = await readExport(a, ctx);
    return applyReconcile(db, a.groupCode, r.chat, { accept: a.accept, confirms: a.confirms }, ctx);
  },
  'dialog.openChatExport': async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({ title: 'Open WhatsApp chat export', filters: chatFilters }),
  }),
});
