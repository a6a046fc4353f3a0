// Erasure on request (SPEC §10, DPDP Act 2023 §12): a citizen's name, phone and other fields are
// gone from every table, the search index, the audit log's stored values, the file's free pages
// and the WAL; the person's row stays as `erased-<id>`, their memberships stay (counts and history
// are kept), and one audit entry records that an erasure happened — without the erased data. The
// phone's salted hash goes into the erasure ledger (ledger.ts) so a restored older copy is erased
// again when it is opened.
import { appendAudit, eraseAuditValues } from '../../../db/audit.js';
import {
  insertLedgerEntry,
  purgeSearchEntry,
  scrubFiles,
  setSecureDelete,
  type ScrubResult,
} from '../../../db/erasure.js';
import { transaction } from '../../../db/exec.js';
import { membershipsOfPerson } from '../../../db/memberships.js';
import { anonymisePerson, findPerson, findPersonByPhone } from '../../../db/people.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { Person } from '../../../db/schema.js';
import { notFound, reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import { ledgerSalt, phoneHash, readSidecar, reconcileErasures, syncSidecar, type Reconciled } from './ledger.js';

export type EraseTarget = { id: number } | { phone: string };

function target(db: RegisterDb, t: EraseTarget): Person {
  const p = 'id' in t ? findPerson(db, t.id) : findPersonByPhone(db, t.phone);
  if (!p)
    throw 'id' in t
      ? notFound('person', t.id)
      : reasonError('NOT_FOUND', 'person_phone_unknown', 'No citizen has this mobile number.', {}, { what: 'person' });
  return p;
}

export interface ErasePreview {
  personId: number;
  name: string;
  /** Groups the person was ever in (kept, anonymised) and of them still active. */
  memberships: number;
  activeMemberships: number;
  erasedAt: string | null;
}

/** What an erasure would remove and keep, for the confirmation (screen and CLI). */
export function erasePreview(db: RegisterDb, t: EraseTarget): ErasePreview {
  const p = target(db, t);
  const ms = membershipsOfPerson(db, p.id);
  return {
    personId: p.id,
    name: p.name,
    memberships: ms.length,
    activeMemberships: ms.filter((m) => m.leftOn === null).length,
    erasedAt: p.erasedAt,
  };
}

export interface EraseResult {
  personId: number;
  erasedAt: string;
  /** Memberships kept (anonymised): the counts do not change. */
  membershipsKept: number;
  /** Audit entries whose stored values were blanked. */
  auditValuesBlanked: number;
  scrub: ScrubResult;
}

/**
 * Erases one citizen. `reapplied` marks an erasure re-applied from the ledger (after a restore):
 * audited as such, with the original erasure's date.
 */
export function erasePerson(db: RegisterDb, t: EraseTarget, by: Actor, reapplied?: { erasedAt: string }): EraseResult {
  const read = readSidecar(db.file);
  const sidecar = read.kind === 'ok' ? read.sidecar : null;
  const at = by.now().toISOString();
  setSecureDelete(db, true);
  try {
    const done = transaction(db, () => {
      const p = target(db, t);
      if (p.erasedAt) {
        throw reasonError(
          'CONFLICT',
          'person_already_erased',
          `This person was already erased on ${p.erasedAt.slice(0, 10)}.`,
          { date: p.erasedAt.slice(0, 10) },
          { personId: p.id },
        );
      }
      if (!p.phone) {
        throw reasonError(
          'CONFLICT',
          'person_no_phone',
          'This person has no phone number to erase.',
          {},
          { personId: p.id },
        );
      }
      const salt = ledgerSalt(db, sidecar);
      const hash = phoneHash(salt, p.phone);
      const membershipsKept = membershipsOfPerson(db, p.id).length;
      anonymisePerson(db, p.id, at);
      const erasureId = appendAudit(
        db,
        {
          operator: by.operator,
          action: 'erase',
          entity: 'person',
          entityId: p.id,
          // Nothing about the person: that an erasure happened, and what was kept.
          after: { membershipsKept, ...(reapplied ? { reappliedFromLedger: true, erasedAt: reapplied.erasedAt } : {}) },
        },
        by.now(),
      );
      const auditValuesBlanked = eraseAuditValues(db, p.id, erasureId);
      insertLedgerEntry(db, { phoneHash: hash, personId: p.id, erasedAt: reapplied?.erasedAt ?? at, appliedAt: at });
      purgeSearchEntry(db, p.id);
      return { personId: p.id, erasedAt: at, membershipsKept, auditValuesBlanked };
    });
    // The sidecar first: from here on a restore of an older copy erases this person again.
    syncSidecar(db, sidecar);
    const scrub = scrubUntilDone(db, true);
    return { ...done, scrub };
  } finally {
    setSecureDelete(db, false);
  }
}

/**
 * Rewrites the file; when another connection prevents it, remembers to try again the next time
 * the register is opened (`reconcileOnOpen`), so the old bytes do not stay for good.
 */
function scrubUntilDone(db: RegisterDb, erased: boolean): ScrubResult {
  const scrub = scrubFiles(db);
  const done = scrub.vacuumed && scrub.walTruncated;
  if (done && !erased) transaction(db, () => setSetting(db, 'erasureScrubPending', false));
  if (!done) transaction(db, () => setSetting(db, 'erasureScrubPending', true));
  return scrub;
}

/** Run whenever a register is opened: erasures the sidecar knows and the register does not. */
export function reconcileOnOpen(db: RegisterDb, now = new Date()): Reconciled {
  if (db.readOnly) return { reapplied: 0, recorded: 0, problem: null };
  const by: Actor = { operator: 'samooh:erasure-ledger', now: () => now };
  const r = reconcileErasures(db, (personId, reapplied) => erasePerson(db, { id: personId }, by, reapplied), now);
  if (getSetting(db, 'erasureScrubPending')) {
    setSecureDelete(db, true);
    try {
      scrubUntilDone(db, false);
    } finally {
      setSecureDelete(db, false);
    }
  }
  return r;
}
