// The shape of an open register, as every layer sees it — without the driver (db/raw.ts keeps
// the raw handle): importing this type brings no SQLite types along, so the handler map's types,
// which the renderer imports, stay free of Node's.
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * What db/exec.ts needs of an open database: the register and the HQ store (db/hq/) both are
 * one, each with its own schema behind its own Kysely builder.
 */
export interface SqlConnection {
  /** Where statements slower than `ms` are reported (Signal logs queries over 40 ms); per connection. */
  readonly slowQuery?: SlowQueryLog;
}

export interface RegisterDb extends SqlConnection {
  /** Typed query builder (camelCase columns). */
  readonly k: Kysely<DB>;
  readonly file: string;
  /** Opened read-only (nothing may be written, not even the built-in policy). */
  readonly readOnly: boolean;
  /** False once closed. */
  isOpen(): boolean;
  /** Where statements slower than `ms` are reported (Signal logs queries over 40 ms); per connection. */
  readonly slowQuery?: SlowQueryLog;
  close(): Promise<void>;
}

export interface SlowQueryLog {
  ms: number;
  listener: (sql: string, ms: number) => void;
}

export interface OpenOptions {
  /** Refuse to create a file that does not exist yet (opening an existing register). */
  mustExist?: boolean;
  readonly?: boolean;
  slowQuery?: SlowQueryLog;
}
