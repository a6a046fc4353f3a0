// "Send to HQ" as services: preview the next bundle, make it once into the register's bundle
// store, deliver that same bundle to a folder and/or as an e-mail draft, the outbox with every
// delivery, the report as PDF, the HQ e-mail settings. The key is unlocked through the protector
// the caller passes (safeStorage in the app, a passphrase in the CLI).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import {
  finishDelivery,
  insertDelivery,
  lastOutbox,
  listDeliveries,
  listOutbox,
  outboxBySeq,
  type OutboxRow,
} from '../../../db/bundles.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { transaction } from '../../../db/exec.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { CallInput } from '../../contract/calls/index.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import { computeCompliance } from '../compliance/compliance.js';
import type { ComplianceReport } from '../compliance/types.js';
import { DEFAULT_EMAIL, buildEml, fillTemplate, parseRecipients, type EmailSettings } from './eml.js';
import { figuresOf, planNextBundle, previewPayload, writeBundle, type BundleFigures } from './export.js';
import { districtPublicKey, loadSigningKey, type KeyProtector } from './keys.js';
import { encodePublicKeyFile } from './minisign.js';
import { renderReportHtml } from './report-html.js';
import { rowsAhead, writeSidecar } from '../backup/outbox-sidecar.js';
import { bundleStoreDir, reconcileBundleStore } from './store.js';
import { copyFileDurably, ioReason, partialOf, sha256OfFile } from './store-files.js';
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
  const tmp = partialOf(file);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw reasonError(
      'BAD_INPUT',
      'write_failed',
      `Cannot write ${file}: ${(err as Error).message}`,
      { target: path.basename(file) },
      { file },
    );
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

export interface MakeOptions {
  withMembers: boolean;
  keyProtector: KeyProtector;
}

/**
 * Signs the next bundle into the register's bundle store and records it (once). Delivering it
 * — to a folder, as an e-mail draft, or both — copies this same bundle: `deliverBundle`.
 */
export async function makeBundle(db: RegisterDb, opts: MakeOptions, by: Actor & Work) {
  by.progress({ phase: 'compute', done: 0, total: 6 });
  // Unlock first: a wrong passphrase or a locked OS store fails before any work.
  const key = await loadSigningKey(db, opts.keyProtector);
  const report = currentReport(db, by);
  const folder = bundleStoreDir(db.file);
  mkdirSync(folder, { recursive: true });
  // What an earlier crash left in the store is settled before the next sequence is planned.
  reconcileBundleStore(db, by.now());
  const stranded = rowsAhead(db);
  const next = (lastOutbox(db)?.seq ?? 0) + 1;
  if (stranded.length) {
    const ahead = stranded.at(-1)!.seq;
    throw reasonError(
      'CONFLICT',
      'bundle_outbox_fork',
      `Bundle no. ${ahead} was already made from another copy of this register, and its outbox does not follow on from this one. Restore the latest backup, or ask HQ which bundle they hold last, before making bundle no. ${next}.`,
      { highest: ahead, next },
      { highest: ahead, next },
    );
  }
  const made = await writeBundle(db, {
    key,
    report,
    folder,
    withMembers: opts.withMembers,
    target: 'folder',
    operator: by.operator,
    now: by.now(),
    progress: by.progress,
    signal: by.signal,
  });
  writeSidecar(db);
  return made;
}

export type DeliverTo = { kind: 'folder'; folder: string } | { kind: 'email' };

export interface Delivered {
  sequence: number;
  fileName: string;
  target: 'folder' | 'email';
  /** The delivered zip: the copy in the folder, or the store's file the draft attaches. */
  file: string;
  /** The .eml draft (email only). */
  eml: string | null;
  bytes: number;
  zipSha256: string;
  keyId: string;
  /** The same bundle was already in that folder, byte for byte: nothing was copied. */
  alreadyThere: boolean;
  largeAttachment: boolean;
}

/** The recorded bundle's file in the store, checked against the recorded hash. */
function storedBundle(db: RegisterDb, sequence: number): OutboxRow {
  const row = outboxBySeq(db, sequence);
  if (!row) {
    throw reasonError(
      'NOT_FOUND',
      'bundle_not_made',
      `Bundle no. ${sequence} was never made.`,
      { sequence },
      {
        what: 'bundle',
        sequence,
      },
    );
  }
  const h = sha256OfFile(row.location);
  if (!h) {
    throw reasonError(
      'NOT_FOUND',
      'bundle_file_missing',
      `The file of bundle no. ${sequence} is no longer at ${row.location}; make a new bundle.`,
      { sequence, file: row.location },
      { what: 'bundleFile', sequence, file: row.location },
    );
  }
  if (h.sha256 !== row.zipSha256) {
    throw reasonError(
      'BAD_FILE',
      'bundle_file_changed',
      `The file of bundle no. ${sequence} (${row.location}) was changed after it was made; make a new bundle.`,
      { sequence, file: path.basename(row.location) },
      { sequence, file: row.location },
    );
  }
  return row;
}

/**
 * Hands on a bundle already made: copies it into a folder (durably: a crash leaves the whole
 * file or none) or writes the e-mail draft with it attached. Each delivery is recorded as
 * pending before and done after, with an audit entry; the next start settles a pending one.
 */
export function deliverBundle(db: RegisterDb, sequence: number, to: DeliverTo, by: Actor): Delivered {
  const row = storedBundle(db, sequence);
  const now = () => by.now().toISOString();
  const base = {
    sequence,
    fileName: row.fileName,
    bytes: row.zipBytes,
    zipSha256: row.zipSha256,
    keyId: row.keyId,
    largeAttachment: false,
  };
  const finish = (id: number, target: 'folder' | 'email', location: string, extra: Record<string, unknown>) =>
    transaction(db, () => {
      finishDelivery(db, id, 'done', now());
      appendAudit(
        db,
        {
          operator: by.operator,
          action: 'deliver',
          entity: 'bundle',
          entityId: sequence,
          after: { delivery: id, target, location, zipSha256: row.zipSha256, ...extra },
        },
        by.now(),
      );
    });

  if (to.kind === 'folder') {
    if (!existsSync(to.folder) || !statSync(to.folder).isDirectory()) {
      throw reasonError('BAD_INPUT', 'folder_missing', `The folder ${to.folder} does not exist.`, {
        folder: to.folder,
      });
    }
    const dest = path.join(to.folder, row.fileName);
    if (path.resolve(dest) === path.resolve(row.location)) {
      throw reasonError(
        'BAD_INPUT',
        'bundle_store_folder',
        'Choose a folder other than the register’s own bundle store.',
        {},
        { folder: to.folder },
      );
    }
    if (existsSync(dest)) {
      const there = sha256OfFile(dest);
      if (!there || there.sha256 !== row.zipSha256) {
        throw reasonError(
          'CONFLICT',
          'file_exists',
          `${row.fileName} already exists in ${to.folder}; it is not overwritten.`,
          { file: row.fileName, folder: to.folder },
          { file: dest },
        );
      }
      const id = transaction(db, () =>
        insertDelivery(db, {
          seq: sequence,
          target: 'folder',
          location: dest,
          startedAt: now(),
          deliveredBy: by.operator,
        }),
      );
      finish(id, 'folder', dest, { alreadyThere: true });
      return { ...base, target: 'folder', file: dest, eml: null, alreadyThere: true };
    }
    const id = transaction(db, () =>
      insertDelivery(db, {
        seq: sequence,
        target: 'folder',
        location: dest,
        startedAt: now(),
        deliveredBy: by.operator,
      }),
    );
    let copied: string;
    try {
      copied = copyFileDurably(row.location, dest);
    } catch (err) {
      finishDelivery(db, id, 'failed', now());
      throw reasonError(
        'BAD_INPUT',
        'write_failed',
        `Cannot save the bundle to ${to.folder}: ${ioReason(err)}.`,
        { target: to.folder },
        {
          folder: to.folder,
          code: (err as NodeJS.ErrnoException).code,
        },
      );
    }
    if (copied !== row.zipSha256) {
      rmSync(dest, { force: true });
      finishDelivery(db, id, 'failed', now());
      throw reasonError(
        'BAD_FILE',
        'bundle_copy_mismatch',
        `The copy in ${to.folder} does not match the bundle; it was removed.`,
        { folder: to.folder },
      );
    }
    finish(id, 'folder', dest, {});
    return { ...base, target: 'folder', file: dest, eml: null, alreadyThere: false };
  }

  const settings = emailSettings(db);
  const recipients = parseRecipients(settings.to);
  // An empty address is allowed (the clerk fills it in the mail program); a wrong one is not.
  if (!recipients.ok) {
    throw reasonError(
      'BAD_INPUT',
      'email_invalid',
      `The HQ email address ${JSON.stringify(recipients.bad)} is not valid.`,
      { address: String(recipients.bad) },
      { what: 'emailRecipient' },
    );
  }
  const emlFile = row.location.replace(/\.zip$/, '') + '.eml';
  const id = transaction(db, () =>
    insertDelivery(db, {
      seq: sequence,
      target: 'email',
      location: emlFile,
      startedAt: now(),
      deliveredBy: by.operator,
    }),
  );
  const fields = {
    district: getSetting(db, 'district')!.code,
    sequence,
    date: row.baggingDate,
    keyId: row.keyId,
    file: row.fileName,
    zipSha256: row.zipSha256,
    tagmanifestSha256: row.tagmanifestSha256,
  };
  const eml = buildEml({
    to: recipients.list,
    subject: fillTemplate(settings.subject, fields),
    body: fillTemplate(settings.body, fields),
    attachment: { fileName: row.fileName, bytes: readFileSync(row.location) },
    date: by.now(),
  });
  try {
    writeAtomically(emlFile, eml);
  } catch (err) {
    finishDelivery(db, id, 'failed', now());
    throw err;
  }
  finish(id, 'email', emlFile, {});
  return {
    ...base,
    target: 'email',
    file: row.location,
    eml: emlFile,
    alreadyThere: false,
    largeAttachment: row.zipBytes > EMAIL_SIZE_WARNING,
  };
}

/** `bundle.export` and `samooh bundle export`: make the next bundle and save it to a folder. */
export async function exportBundle(db: RegisterDb, opts: MakeOptions & { folder: string }, by: Actor & Work) {
  if (!existsSync(opts.folder) || !statSync(opts.folder).isDirectory()) {
    throw reasonError('BAD_INPUT', 'folder_missing', `The folder ${opts.folder} does not exist.`, {
      folder: opts.folder,
    });
  }
  const made = await makeBundle(db, opts, by);
  const d = deliverBundle(db, made.sequence, { kind: 'folder', folder: opts.folder }, by);
  return { ...made, storedFile: made.file, file: d.file };
}

/** `bundle.email`: make the next bundle and write the e-mail draft with it attached. */
export async function emailBundle(db: RegisterDb, opts: MakeOptions, by: Actor & Work) {
  const settings = emailSettings(db);
  const to = parseRecipients(settings.to);
  if (!to.ok) {
    throw reasonError('BAD_INPUT', 'email_invalid', `The HQ email address ${JSON.stringify(to.bad)} is not valid.`, {
      address: String(to.bad),
    });
  }
  const made = await makeBundle(db, opts, by);
  const d = deliverBundle(db, made.sequence, { kind: 'email' }, by);
  return { ...made, storedFile: made.file, eml: d.eml!, largeAttachment: d.largeAttachment };
}

export interface DeliveryEntry {
  id: number;
  target: 'folder' | 'email';
  location: string;
  state: 'pending' | 'done' | 'failed';
  at: string;
  by: string;
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
  /** Where the register keeps the bundle (its store; before migration 5, where it was saved). */
  location: string;
  /** Whether that file is still there (and so can be delivered again). */
  present: boolean;
  figures: BundleFigures;
  /** Every copy handed on, oldest first. */
  deliveries: DeliveryEntry[];
}

export function outbox(db: RegisterDb): { entries: OutboxEntry[] } {
  const bySeq = new Map<number, DeliveryEntry[]>();
  for (const d of listDeliveries(db)) {
    const list = bySeq.get(d.seq) ?? [];
    list.push({
      id: d.id,
      target: d.target,
      location: d.location,
      state: d.state,
      at: d.finishedAt ?? d.startedAt,
      by: d.deliveredBy,
    });
    bySeq.set(d.seq, list);
  }
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
      location: r.location,
      present: existsSync(r.location),
      figures: JSON.parse(r.figures) as BundleFigures,
      deliveries: bySeq.get(r.seq) ?? [],
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
