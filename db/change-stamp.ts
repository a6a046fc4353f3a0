// A cheap "has anything changed?" stamp for caching derived results (the compliance report).
//
// total_changes() counts every row this connection has inserted, updated or deleted since it
// opened; PRAGMA data_version changes when another connection (the CLI while the app is open)
// commits. Together they change whenever the register's data may have changed — with no
// triggers, so bulk imports pay nothing for it.
import type { RegisterDb } from './register-db.js';
import { rawOf } from './raw.js';

export function changeStamp(db: RegisterDb): string {
  const changes = rawOf(db).prepare('SELECT total_changes() AS n').get() as { n: number };
  const version = rawOf(db).pragma('data_version', { simple: true }) as number;
  return `${changes.n}:${version}`;
}
