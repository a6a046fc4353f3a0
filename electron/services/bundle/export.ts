// Writes the district's next bundle (SPEC §7) from the register: sequence and chain from the
// outbox, the payload from a compliance report, signature by the district key, a zip written to
// a flushed temp file, checked by the verifier as written, recorded in the outbox with its audit
// entry, and only then renamed into place (record first, deliver second; see the store).
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RegisterDb } from '../../../db/register-db.js';
import { appendAudit, auditHead } from '../../../db/audit.js';
import {
  GENESIS_TAGMANIFEST,
  activeKey,
  activeMembersForExport,
  insertOutbox,
  lastOutbox,
  type OutboxRow,
} from '../../../db/bundles.js';
import { transaction } from '../../../db/exec.js';
import { getSetting } from '../../../db/settings.js';
import { staffByServiceNos } from '../../../db/staff.js';
import type { Progress } from '../../contract/progress.js';
import { reasonError, internalError } from '../../contract/errors.js';
import type { ComplianceReport } from '../compliance/types.js';
import type { BagFile } from './bagit.js';
import { DISTRICT_CODE_RE, PAYLOAD, bagName, localDay } from './bundle-format.js';
import { auditSpan, recordCheckpoint } from '../audit-chain/checkpoints.js';
import type { SigningKey } from './keys.js';
import { buildPayload } from './payload.js';
import type { ReportMeta } from './report-html.js';
import { assembleBag } from './signed-bag.js';
import { verifyBundle } from './verify.js';
import { syncDir } from './store-files.js';
import { buildZip, writeTempZip } from './zip-write.js';

export interface BundleFigures {
  units: number;
  compliant: number;
  short: number;
  missing: number;
  percentCompliant: number;
  citizens: number;
  memberships: number;
  staffTotal: number;
  staffCovered: number;
  groups: number;
  memberRows: number | null;
}

export interface ExportOptions {
  key: SigningKey;
  report: ComplianceReport;
  /** Folder to write into; must exist. */
  folder: string;
  withMembers: boolean;
  target: 'folder' | 'email';
  operator: string;
  now?: Date;
  progress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface BundleWritten {
  file: string;
  fileName: string;
  sequence: number;
  uuid: string;
  baggingDate: string;
  keyId: string;
  bytes: number;
  zipSha256: string;
  tagmanifestSha256: string;
  previousTagmanifestSha256: string;
  withMembers: boolean;
  figures: BundleFigures;
}

export interface BundlePlan {
  district: { code: string; name: string; nameHi?: string | null };
  sequence: number;
  previousTagmanifestSha256: string;
  baggingDate: string;
  name: string;
  fileName: string;
  keyId: string;
}

/** What the next bundle will be called and chained to; refuses a register that cannot sign. */
export function planNextBundle(db: RegisterDb, now: Date): BundlePlan {
  const district = getSetting(db, 'district');
  if (!district) {
    throw reasonError('BAD_INPUT', 'district_not_set', 'This register has no district set; create the register first.');
  }
  if (!DISTRICT_CODE_RE.test(district.code)) {
    throw reasonError(
      'BAD_INPUT',
      'district_code_invalid',
      `The district code ${JSON.stringify(district.code)} cannot name a bundle file (use letters, digits, - and _).`,
      { code: district.code },
    );
  }
  const key = activeKey(db);
  if (!key)
    throw reasonError('NOT_FOUND', 'key_missing', 'This register has no district key yet.', {}, { what: 'key' });
  const last = lastOutbox(db);
  const sequence = (last?.seq ?? 0) + 1;
  const baggingDate = localDay(now);
  const name = bagName(district.code, baggingDate, sequence);
  return {
    district,
    sequence,
    previousTagmanifestSha256: last?.tagmanifestSha256 ?? GENESIS_TAGMANIFEST,
    baggingDate,
    name,
    fileName: `${name}.zip`,
    keyId: key.keyId,
  };
}

export function figuresOf(report: ComplianceReport, memberRows: number | null): BundleFigures {
  const s = report.summary;
  return {
    units: s.units,
    compliant: s.compliant,
    short: s.short,
    missing: s.missing,
    percentCompliant: s.percentCompliant,
    citizens: s.citizens,
    memberships: s.memberships,
    staffTotal: s.staffTotal,
    staffCovered: s.staffCovered,
    groups: report.groups.filter((g) => g.status === 'active').length,
    memberRows,
  };
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw reasonError('CANCELLED', 'cancelled', 'Cancelled');
}

/** The payload as it would be sent now (for the preview and for export). */
export function previewPayload(
  db: RegisterDb,
  report: ComplianceReport,
  plan: BundlePlan,
  withMembers: boolean,
  extra: { uuid: string | null; sent: boolean },
): { payload: BagFile[]; memberRows: number | null; meta: ReportMeta } {
  const members = withMembers ? activeMembersForExport(db) : null;
  const meta: ReportMeta = {
    bagName: extra.sent ? plan.name : null,
    sequence: extra.sent ? plan.sequence : null,
    keyId: plan.keyId,
    baggingDate: plan.baggingDate,
    withMembers,
    auditHead: auditHead(db),
    previousTagmanifestSha256: plan.sequence > 1 ? plan.previousTagmanifestSha256 : null,
    bundleUuid: extra.uuid,
    uncoveredOfficers: staffByServiceNos(db, report.summary.uncoveredStaff),
  };
  return { payload: buildPayload({ report, meta, members }), memberRows: members ? members.length : null, meta };
}

export async function writeBundle(db: RegisterDb, opts: ExportOptions): Promise<BundleWritten> {
  const now = opts.now ?? new Date();
  const steps = 6;
  const step = (done: number, phase: string) => opts.progress?.({ phase, done, total: steps });
  checkAbort(opts.signal);
  if (!existsSync(opts.folder) || !statSync(opts.folder).isDirectory()) {
    throw reasonError('BAD_INPUT', 'folder_missing', `The folder ${opts.folder} does not exist.`, {
      folder: opts.folder,
    });
  }
  const plan = planNextBundle(db, now);
  if (plan.keyId !== opts.key.keyId) {
    throw reasonError(
      'KEY_LOCKED',
      'key_not_current',
      'The key given is not the register’s current district key.',
      {},
      { keyId: opts.key.keyId },
    );
  }
  if (opts.report.district.code !== plan.district.code) {
    const districts = { report: opts.report.district.code, register: plan.district.code };
    throw reasonError(
      'BAD_INPUT',
      'report_other_district',
      'The compliance report is for another district.',
      districts,
      districts,
    );
  }
  const finalFile = path.join(opts.folder, plan.fileName);
  if (existsSync(finalFile)) {
    throw reasonError(
      'CONFLICT',
      'file_exists',
      `${plan.fileName} already exists in ${opts.folder}; it is not overwritten.`,
      { file: plan.fileName, folder: opts.folder },
      { file: finalFile },
    );
  }

  step(1, 'payload');
  const uuid = randomUUID();
  const auditAt = auditHead(db);
  const { payload, memberRows } = previewPayload(db, opts.report, plan, opts.withMembers, { uuid, sent: true });
  // The audit rows since the previous bundle, as digests only: HQ checks the head extends its own.
  const span = auditSpan(db, auditAt);
  payload.push({ path: PAYLOAD.auditChain, bytes: Buffer.from(JSON.stringify(span, null, 2) + '\n', 'utf8') });
  checkAbort(opts.signal);

  step(2, 'sign');
  const bag = assembleBag(
    {
      name: plan.name,
      district: plan.district,
      sequence: plan.sequence,
      previousTagmanifestSha256: plan.previousTagmanifestSha256,
      baggingDate: plan.baggingDate,
      uuid,
      policyVersion: opts.report.policyVersion,
      keyId: plan.keyId,
      auditHead: { count: auditAt.count, hash: auditAt.hash },
      withMembers: opts.withMembers,
      generatedAt: opts.report.generatedAt,
      signedAt: now,
    },
    payload,
    opts.key,
  );

  step(3, 'zip');
  const zip = await buildZip(
    bag.files.map((f) => ({ name: `${plan.name}/${f.path}`, bytes: f.bytes })),
    now,
    opts.signal,
  );
  checkAbort(opts.signal);
  const written = writeTempZip(opts.folder, plan.fileName, zip);
  let recorded = false;
  try {
    // Read back what reached the disk (a USB stick may lie) and check it as HQ will.
    step(4, 'verify');
    const check = await verifyBundle(written.tempFile, {
      publicKey: opts.key,
      previous:
        plan.sequence > 1 ? { sequence: plan.sequence - 1, tagmanifestSha256: plan.previousTagmanifestSha256 } : null,
      zipSha256: true,
    });
    if (!check.report.ok || check.report.zipSha256 !== written.sha256) {
      // Our own writer produced a bundle our own verifier refuses: a bug, not anything the clerk did.
      throw internalError('The bundle written to disk does not verify; nothing was recorded.', {
        problems: check.report.problems,
      });
    }
    checkAbort(opts.signal);

    step(5, 'save');
    const figures = figuresOf(opts.report, memberRows);
    const row: OutboxRow = {
      seq: plan.sequence,
      createdAt: now.toISOString(),
      createdBy: opts.operator,
      uuid,
      fileName: plan.fileName,
      baggingDate: plan.baggingDate,
      keyId: plan.keyId,
      previousTagmanifestSha256: plan.previousTagmanifestSha256,
      tagmanifestSha256: bag.tagmanifestSha256,
      zipSha256: written.sha256,
      zipBytes: written.bytes,
      withMembers: opts.withMembers ? 1 : 0,
      target: opts.target,
      location: finalFile,
      figures: JSON.stringify(figures),
    };
    // Record first: the outbox row commits while the bundle is still a flushed `.partial`
    // file. A crash before the commit leaves only a `.partial` (removed on the next start); a
    // crash after it leaves a record whose bytes are on disk under the temp name, which the
    // next start renames into place (reconcileBundleStore, matched by the recorded hash). No
    // moment exists where a finished bundle is on disk unrecorded, or where the same sequence
    // could be signed twice.
    try {
      transaction(db, () => {
        insertOutbox(db, row);
        // The head this bundle carries, signed: rows before it can no longer be rewritten unseen.
        recordCheckpoint(db, opts.key, auditAt, plan.sequence, now);
        appendAudit(
          db,
          {
            operator: opts.operator,
            action: 'export',
            entity: 'bundle',
            entityId: plan.sequence,
            after: {
              fileName: plan.fileName,
              tagmanifestSha256: bag.tagmanifestSha256,
              zipSha256: written.sha256,
              withMembers: opts.withMembers,
              target: opts.target,
              location: finalFile,
            },
          },
          now,
        );
      });
    } catch (err) {
      const msg = (err as Error).message ?? '';
      if (msg.includes('bundle_outbox: sequence')) {
        throw reasonError('CONFLICT', 'bundle_concurrent', 'Another bundle was written at the same time; try again.');
      }
      throw err;
    }
    recorded = true;
    // Deliver second. rename() replaces silently on POSIX: the check above is the guard, and
    // the store is the app's own folder.
    renameSync(written.tempFile, finalFile);
    syncDir(opts.folder);
    step(6, 'done');
    return {
      file: finalFile,
      fileName: plan.fileName,
      sequence: plan.sequence,
      uuid,
      baggingDate: plan.baggingDate,
      keyId: plan.keyId,
      bytes: written.bytes,
      zipSha256: written.sha256,
      tagmanifestSha256: bag.tagmanifestSha256,
      previousTagmanifestSha256: plan.previousTagmanifestSha256,
      withMembers: opts.withMembers,
      figures,
    };
  } finally {
    // Once recorded, the `.partial` holds the recorded bundle's only bytes until renamed: the
    // next start finishes the rename, so it is never removed here.
    if (!recorded) rmSync(written.tempFile, { force: true });
  }
}
