/** A numbered, forward-only migration. `up` is SQL run inside one transaction. */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
  /**
   * Work SQL cannot do (hashing), run after `up` in the same transaction. Used by migration 6 to
   * re-chain the audit log; keep it rare: plain SQL is easier to review.
   */
  readonly after?: (raw: Database.Database) => void;
}
