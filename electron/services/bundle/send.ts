// "Send to HQ" as services: preview the next bundle, write it to a folder or an e-mail draft, the
// outbox, the report as PDF, the HQ e-mail settings. The key is unlocked through the protector
// the caller passes (safeStorage in the app, a passphrase in the CLI).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import { lastOutbox, listOutbox } from '../../../db/bundles.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { CallInput } from '../../contract/calls/index.js';
import { AppError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import { computeCompliance } from '../compliance/compliance.js';
import type { ComplianceReport } from '../compliance/types.js';
import { DEFAULT_EMAIL, buildEml, fillTemplate, parseRecipients, type EmailSettings } from './eml.js';
import { figuresOf, planNextBundle, previewPayload, writeBundle, type BundleFigures } from './export.js';
import { districtPublicKey, loadSigningKey, type KeyProtector } from './keys.js';
import { encodePublicKeyFile } from './minisign.js';
import { renderReportHtml } from './report-html.js';
import { writeReportPdf, type PrintToPdf } from './report-pdf.js';

/** Above this, many mail servers refuse the message (25 MB with base64's third on top). */
const EMAIL_SIZE_WARNING = 15 * 1024 * 1024;

/** The bundle carries exactly what the Compliance screen and `samooh compliance --json` show. */
function currentReport(db: RegisterDb, by: Actor): ComplianceReport {
  return computeCompliance(db, { now: by.now() });
}

export function emailSettings(db: RegisterDb): EmailSettings {
  return getSetting(db, 'email') ?? DEFAULT_EMAIL;
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

export function exportPublicKey(db: RegisterDb, file: string) {
  const key = districtPublicKey(db);
  writeAtomically(file, encodePublicKeyFile(key));
  return { file, keyId: key.keyId };
}

/** What the next bundle will hold, without signing or writing anything. */
export function previewBundle(db: RegisterDb, withMembers: boolean, by: Actor) {
  const plan = planNextBundle(db, by.now());
  const report = currentReport(db, by);
  const { payload, memberRows } = previewPayload(db, report, plan, withMembers, { uuid: null, sent: false });
  const last = lastOutbox(db);
  const settings = emailSettings(db);
  const warnings: string[] = [];
  if (withMembers) warnings.push('members_personal_data');
  if (!parseRecipients(settings.to).ok || !settings.to.trim()) warnings.push('email_recipient_missing');
  return {
    district: plan.district,
    keyId: plan.keyId,
    sequence: plan.sequence,
    fileName: plan.fileName,
    baggingDate: plan.baggingDate,
    previousTagmanifestSha256: plan.previousTagmanifestSha256,
    withMembers,
    figures: figuresOf(report, memberRows),
    files: payload.map((f) => ({ path: f.path, bytes: f.bytes.length })),
    payloadBytes: payload.reduce((s, f) => s + f.bytes.length, 0),
    lastBundle: last ? { sequence: last.seq, createdAt: last.createdAt, fileName: last.fileName } : null,
    warnings,
  };
}

export interface SendOptions {
  folder: string;
  withMembers: boolean;
  target: 'folder' | 'email';
  keyProtector: KeyProtector;
}

/** Signs and writes the next bundle into `folder`. */
export async function exportBundle(db: RegisterDb, opts: SendOptions, by: Actor & Work) {
  by.progress({ phase: 'compute', done: 0, total: 6 });
  // Unlock first: a wrong passphrase or a locked OS store fails before any work.
  const key = await loadSigningKey(db, opts.keyProtector);
  const report = currentReport(db, by);
  return writeBundle(db, {
    key,
    report,
    folder: opts.folder,
    withMembers: opts.withMembers,
    target: opts.target,
    operator: by.operator,
    now: by.now(),
    progress: by.progress,
    signal: by.signal,
  });
}

/** Writes the bundle into `outboxDir` and an `.eml` draft beside it; returns both paths. */
export async function emailBundle(
  db: RegisterDb,
  opts: { outboxDir: string; withMembers: boolean; keyProtector: KeyProtector },
  by: Actor & Work,
) {
  const settings = emailSettings(db);
  const to = parseRecipients(settings.to);
  if (!to.ok) throw new AppError('BAD_INPUT', `The HQ email address ${JSON.stringify(to.bad)} is not valid.`);
  mkdirSync(opts.outboxDir, { recursive: true });
  const written = await exportBundle(
    db,
    { folder: opts.outboxDir, withMembers: opts.withMembers, target: 'email', keyProtector: opts.keyProtector },
    by,
  );
  const fields = {
    district: getSetting(db, 'district')!.code,
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
    date: by.now(),
  });
  const emlFile = written.file.replace(/\.zip$/, '.eml');
  writeAtomically(emlFile, eml);
  return { ...written, eml: emlFile, largeAttachment: written.bytes > EMAIL_SIZE_WARNING };
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

export function outbox(db: RegisterDb): { entries: OutboxEntry[] } {
  return {
    entries: listOutbox(db).map((r) => ({
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
  };
}

/** The current report (as the next bundle would carry it) printed to PDF. */
export async function reportPdfFile(db: RegisterDb, file: string, printToPdf: PrintToPdf, by: Actor) {
  const plan = planNextBundle(db, by.now());
  const report = currentReport(db, by);
  const { meta } = previewPayload(db, report, plan, false, { uuid: null, sent: false });
  return writeReportPdf(file, renderReportHtml(report, meta), printToPdf);
}

export function setEmailSettings(db: RegisterDb, a: CallInput<'settings.email.set'>, by: Actor): EmailSettings {
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
      { operator: by.operator, action: 'settings', entity: 'settings', entityId: 'email', before, after: value },
      by.now(),
    );
  });
  return value;
}

export const outboxFolder = (dataDir: string) => path.join(dataDir, 'outbox');
