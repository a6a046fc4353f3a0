// Every migration, imported statically (bundlers and CSP dislike dynamic loading). Append only:
// never edit or renumber a migration that has shipped; write a new one.
import type { Migration } from './types.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-bundles.js';
import { migration003 } from './003-people-search.js';
import { migration004 } from './004-compliance-counts.js';
import { migration005 } from './005-bundle-deliveries.js';
import { migration006 } from './006-privacy-audit.js';
import { migration007 } from './007-codes-merges.js';
import { migration008 } from './008-sorted-lists.js';

// One per line, in order of number: branches that each add one merge without a conflict.
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];

/**
 * The schema version this build writes. A database with a higher user_version is refused.
 * The last migration's number, not the count: numbers are assigned to parallel branches ahead
 * of their merge, so one may land before a lower one.
 */
export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
