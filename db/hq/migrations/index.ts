// The HQ store's migrations, numbered on their own (HQ and register schemas evolve apart).
// Append only: never edit or renumber a shipped migration.
import type { Migration } from '../../migrations/types.js';
import { hqMigration001 } from './001-hq-initial.js';

export const hqMigrations: readonly Migration[] = [hqMigration001];

export const HQ_LATEST_VERSION = hqMigrations.length;
