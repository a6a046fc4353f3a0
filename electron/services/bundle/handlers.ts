// Handlers of the bundle domain (the "Send to HQ" screen and the key): merged into the one map
// in electron/backend/handlers.ts. The secret key is unlocked through the platform's protector
// (safeStorage in the app, a passphrase in the CLI); see platform.ts.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { lastOutbox, listOutbox } from '../../../db/bundles.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { HandlerContext } from '../../backend/context.js';
import { handler, type HandlerMapShape } from '../../backend/define.js';
import { AppError } from '../../backend/errors.js';
import { currentReport } from './compliance-source.js';
import { DEFAULT_EMAIL, buildEml, fillTemplate, parseRecipients, type EmailSettings } from './eml.js';
import { figuresOf, planNextBundle, previewPayload, writeBundle, type BundleFigures } from './export.js';
import { districtKeyInfo, districtPublicKey, loadSigningKey } from './keys.js';
import { encodePublicKeyFile } from './minisign.js';
import { platformKeyProtector, platformPrintToPdf } from './platform.js';
import { renderReportHtml } from './report-html.js';
import { writeReportPdf } from './report-pdf.js';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => path.isAbsolute(p), 'must be an absolute path')
  .refine((p) => !p.includes('\0'), 'must not contain NUL');

const withMembers = z.boolean().default(false);

/** Above this, many mail servers refuse the message (25 MB with base64's third on top). */
const EMAIL_SIZE_WARNING = 15 * 1024 * 1024;

function emailSettings(ctx: HandlerContext): EmailSettings {
  return getSetting(ctx.session.db(), 'email') ?? DEFAULT_EMAIL;
}

function writeAtomically(file: string, bytes: Buffer | string): void {
  const tmp = `${file}.partial`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError('BAD_INPUT', `Cannot write ${file}: ${(err as Error).message}`, { file });
  }
}

async function exportTo(ctx: HandlerContext, folder: string, members: boolean, target: 'folder' | 'email') {
  const db = ctx.session.db();
  ctx.progress({ phase: 'compute', done: 0, total: 6 });
  // Unlock first: a wrong passphrase or a locked OS store fails before any work.
  const key = await loadSigningKey(db, platformKeyProtector());
  const report = await currentReport(ctx);
  return writeBundle(db, {
    key,
    report,
    folder,
    withMembers: members,
    target,
    operator: ctx.operator,
    now: ctx.now(),
    progress: ctx.progress,
    signal: ctx.signal,
  });
}

export interface OutboxEntry {
  sequence: number;
  createdAt: string;
  createdBy: string;
  fileName: string;
  baggingDate: string;
  keyId: string;
  tagmanifestSha256: string;
  previousTagmanifestSha256: string;
  zipSha256: string;
  bytes: number;
  withMembers: boolean;
  target: 'folder' | 'email';
  location: string;
  /** Whether the zip is still where it was written (USB sticks leave). */
  present: boolean;
  figures: BundleFigures;
}

export const bundleHandlers = {
  'key.info': handler(z.object({}), (_a, ctx) => districtKeyInfo(ctx.session.db())),

  'key.exportPublic': handler(z.object({ file: absolutePath }), (a, ctx) => {
    const key = districtPublicKey(ctx.session.db());
    writeAtomically(a.file, encodePublicKeyFile(key));
    return { file: a.file, keyId: key.keyId };
  }),

  /** What the next bundle will hold, without signing or writing anything. */
  'bundle.preview': handler(z.object({ withMembers }), async (a, ctx) => {
    const db = ctx.session.db();
    const plan = planNextBundle(db, ctx.now());
    const report = await currentReport(ctx);
    const { payload, memberRows } = previewPayload(db, report, plan, a.withMembers, { uuid: null, sent: false });
    const last = lastOutbox(db);
    const settings = emailSettings(ctx);
    const warnings: string[] = [];
    if (a.withMembers) warnings.push('members_personal_data');
    if (!parseRecipients(settings.to).ok || !settings.to.trim()) warnings.push('email_recipient_missing');
    return {
      district: plan.district,
      keyId: plan.keyId,
      sequence: plan.sequence,
      fileName: plan.fileName,
      baggingDate: plan.baggingDate,
      previousTagmanifestSha256: plan.previousTagmanifestSha256,
      withMembers: a.withMembers,
      figures: figuresOf(report, memberRows),
      files: payload.map((f) => ({ path: f.path, bytes: f.bytes.length })),
      payloadBytes: payload.reduce((s, f) => s + f.bytes.length, 0),
      lastBundle: last ? { sequence: last.seq, createdAt: last.createdAt, fileName: last.fileName } : null,
      warnings,
    };
  }),

  'bundle.export': handler(z.object({ folder: absolutePath, withMembers }), (a, ctx) =>
    exportTo(ctx, a.folder, a.withMembers, 'folder'),
  ),

  /** Writes the bundle into the app's outbox folder and an .eml draft beside it, then opens it. */
  'bundle.email': handler(z.object({ withMembers }), async (a, ctx) => {
    const settings = emailSettings(ctx);
    const to = parseRecipients(settings.to);
    if (!to.ok) throw new AppError('BAD_INPUT', `The HQ email address ${JSON.stringify(to.bad)} is not valid.`);
    const folder = path.join(ctx.session.dataDir, 'outbox');
    mkdirSync(folder, { recursive: true });
    const written = await exportTo(ctx, folder, a.withMembers, 'email');
    const fields = {
      district: getSetting(ctx.session.db(), 'district')!.code,
      sequence: written.sequence,
      date: written.baggingDate,
      keyId: written.keyId,
      file: written.fileName,
      zipSha256: written.zipSha256,
      tagmanifestSha256: written.tagmanifestSha256,
    };
    const eml = buildEml({
      to: to.list,
      subject: fillTemplate(settings.subject, fields),
      body: fillTemplate(settings.body, fields),
      attachment: { fileName: written.fileName, bytes: readFileSync(written.file) },
      date: ctx.now(),
    });
    const emlFile = written.file.replace(/\.zip$/, '.eml');
    writeAtomically(emlFile, eml);
    await ctx.dialogs.openPath(emlFile);
    return { ...written, eml: emlFile, largeAttachment: written.bytes > EMAIL_SIZE_WARNING };
  }),

  'bundle.outbox': handler(z.object({}), (_a, ctx): { entries: OutboxEntry[] } => ({
    entries: listOutbox(ctx.session.db()).map((r) => ({
      sequence: r.seq,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      fileName: r.fileName,
      baggingDate: r.baggingDate,
      keyId: r.keyId,
      tagmanifestSha256: r.tagmanifestSha256,
      previousTagmanifestSha256: r.previousTagmanifestSha256,
      zipSha256: r.zipSha256,
      bytes: r.zipBytes,
      withMembers: r.withMembers === 1,
      target: r.target,
      location: r.location,
      present: existsSync(r.location),
      figures: JSON.parse(r.figures) as BundleFigures,
    })),
  })),

  /** The current report (as the next bundle would carry it) printed to PDF. */
  'bundle.reportPdf': handler(z.object({ file: absolutePath }), async (a, ctx) => {
    const db = ctx.session.db();
    const plan = planNextBundle(db, ctx.now());
    const report = await currentReport(ctx);
    const { meta } = previewPayload(db, report, plan, false, { uuid: null, sent: false });
    return writeReportPdf(a.file, renderReportHtml(report, meta), platformPrintToPdf());
  }),

  'settings.email.get': handler(z.object({}), (_a, ctx) => emailSettings(ctx)),

  'settings.email.set': handler(
    z.object({
      to: z
        .string()
        .max(1000)
        .refine((s) => parseRecipients(s).ok, 'not a list of email addresses'),
      subject: z.string().trim().min(1).max(300),
      body: z.string().max(10_000),
    }),
    (a, ctx) => {
      const db = ctx.session.db();
      const before = getSetting(db, 'email') ?? null;
      const value: EmailSettings = {
        to: parseRecipients(a.to).ok ? a.to.trim() : '',
        subject: a.subject,
        body: a.body,
      };
      transaction(db, () => {
        setSetting(db, 'email', value);
        appendAudit(
          db,
          { operator: ctx.operator, action: 'settings', entity: 'settings', entityId: 'email', before, after: value },
          ctx.now(),
        );
      });
      return value;
    },
  ),
} satisfies HandlerMapShape;
