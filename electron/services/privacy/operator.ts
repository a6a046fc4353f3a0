// The clerk's name (issue #10): asked at first run, editable in settings, and written into the
// audit log as the operator of every change made on this register — instead of the process user
// (`cli:root`) that says nothing about who sat at the PC.
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import type { Actor } from '../actor.js';

export function operatorName(db: RegisterDb): string | null {
  return getSetting(db, 'operatorName') ?? null;
}

export function setOperatorName(db: RegisterDb, name: string, by: Actor): { name: string } {
  return transaction(db, () => {
    const before = operatorName(db);
    if (before === name) return { name };
    setSetting(db, 'operatorName', name);
    // The audit entry is made under the new name: the change says who now works the register.
    appendAudit(
      db,
      { operator: name, action: 'settings', entity: 'operator', before: { name: before }, after: { name } },
      by.now(),
    );
    return { name };
  });
}

/**
 * Who the audit log names for a call: a name given for this run (`--operator`), else the clerk's
 * stored name, else the transport's fallback (`cli:<user>`, the app's OS user).
 */
export function effectiveOperator(db: RegisterDb | null, given: string | null, fallback: string): string {
  if (given) return given;
  try {
    return (db && operatorName(db)) ?? fallback;
  } catch {
    return fallback; // a register that cannot be read: the call itself will say why
  }
}
