// Storing and applying the compliance policy (the document itself: electron/contract/policy.ts).
// Version 1 is built in and seeded into the `policies` table the first time a register needs it;
// HQ may issue a newer version later (a signed file the district imports). The newest version in
// the table is the active one. The engine reads thresholds only from the policy — nothing about
// units, group kinds or counts is a constant in the engine.
import type { RegisterDb } from '../../../db/register-db.js';
import { transaction } from '../../../db/exec.js';
import { appendAudit } from '../../../db/audit.js';
import { insertPolicyRow, latestPolicyRow } from '../../../db/policy.js';
import { reasonError } from '../../contract/errors.js';
import { parsePolicy, POLICY_V1, type Policy } from '../../contract/policy.js';

/**
 * Stores the built-in policy when the register has none. Safe to call on every open; a
 * read-only connection is left alone (the built-in policy is then used without storing it).
 */
export function ensurePolicy(db: RegisterDb, opts: { operator?: string; now?: Date } = {}): void {
  if (db.readOnly || latestPolicyRow(db)) return;
  const now = opts.now ?? new Date();
  transaction(db, () => {
    if (latestPolicyRow(db)) return;
    insertPolicyRow(db, {
      version: POLICY_V1.version,
      document: JSON.stringify(POLICY_V1),
      source: 'builtin',
      importedAt: now.toISOString(),
    });
    appendAudit(
      db,
      {
        operator: opts.operator ?? 'system',
        action: 'create',
        entity: 'policy',
        entityId: POLICY_V1.version,
        after: { version: POLICY_V1.version, source: 'builtin' },
      },
      now,
    );
  });
}

/** The active policy: the newest stored version, seeding v1 first if none is stored. */
export function activePolicy(db: RegisterDb, opts: { operator?: string; now?: Date } = {}): Policy {
  ensurePolicy(db, opts);
  const row = latestPolicyRow(db);
  if (!row) return POLICY_V1;
  let doc: unknown;
  try {
    doc = JSON.parse(row.document);
  } catch {
    throw reasonError(
      'BAD_INPUT',
      'policy_stored_invalid',
      `The stored policy version ${row.version} is not valid JSON`,
      {
        version: row.version,
      },
    );
  }
  const policy = parsePolicy(doc, `stored policy version ${row.version}`);
  if (policy.version !== row.version) {
    throw reasonError(
      'BAD_INPUT',
      'policy_stored_invalid',
      `The stored policy row ${row.version} holds a document of version ${policy.version}; the register was edited outside Samooh`,
      { version: row.version },
    );
  }
  return policy;
}

/**
 * Adds a newer policy (one HQ issued). Checking HQ's signature is the caller's job; this checks
 * the document and that it really is newer, and records the change in the audit log.
 */
export function installPolicy(
  db: RegisterDb,
  document: unknown,
  opts: { operator: string; now?: Date; source?: 'builtin' | 'imported' },
): Policy {
  const policy = parsePolicy(document, 'policy file');
  const now = opts.now ?? new Date();
  return transaction(db, () => {
    ensurePolicy(db, { operator: opts.operator, now });
    const current = latestPolicyRow(db);
    if (current && policy.version <= current.version) {
      throw reasonError(
        'CONFLICT',
        'policy_not_newer',
        `Policy version ${policy.version} is not newer than the active version ${current.version}`,
        { version: policy.version, active: current.version },
        { version: policy.version, active: current.version },
      );
    }
    insertPolicyRow(db, {
      version: policy.version,
      document: JSON.stringify(policy),
      source: opts.source ?? 'imported',
      importedAt: now.toISOString(),
    });
    appendAudit(
      db,
      {
        operator: opts.operator,
        action: 'import',
        entity: 'policy',
        entityId: policy.version,
        before: current ? { version: current.version } : null,
        after: { version: policy.version, source: opts.source ?? 'imported' },
      },
      now,
    );
    return policy;
  });
}
