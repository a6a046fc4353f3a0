// Member search on the state-size register (2,60,000 citizens, 3,50,000+ memberships) through
// the same handler the Members screen calls. Floor: the naive LIKE '%…%' scan of people the
// search index replaces, measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegister } from '../../db/connection.js';
import { refreshSearchIndex } from '../../db/search-index.js';
import { fillDemo } from '../../electron/services/demo/demo.js';
import { FileSession } from '../../electron/backend/session.js';
import { dispatch } from '../../electron/backend/dispatch.js';
import { handlers } from '../../electron/backend/handlers.js';
import type { HandlerContext } from '../../electron/backend/context.js';
import type { BenchRow } from './types.js';
import { medianMs, round, timeMs } from './stats.js';
import { rawOf } from '../../db/raw.js';

const QUERIES: { label: string; args: Record<string, unknown> }[] = [
  { label: 'common name "kumar"', args: { query: 'kumar' } },
  { label: 'Hindi "देवी"', args: { query: 'देवी' } },
  { label: 'phone digits "98350"', args: { query: '98350' } },
  { label: 'no match', args: { query: 'zzqx' } },
  { label: 'two letters "ra"', args: { query: 'ra' } },
  { label: 'unfiltered, deep page', args: { offset: 250_000 } },
];

/**
 * The sorted members list (issue #11): the first page and a deep page (offset 2,50,000, where a
 * dragged scrollbar lands) under each non-default order, against the default order's page at
 * the same offset, measured in the same run. Every order walks an index (sorted-list-plans test),
 * so a deep page costs a walk of the rows before it, never a sort of the whole list.
 */
async function sortedPages(ctx: HandlerContext): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const page = async (offset: number, sort?: { column: string; dir: string }) => {
    const args = { limit: 100, offset, ...(sort ? { sort } : {}) };
    const r = await dispatch(handlers, 'members.search', args, ctx);
    if (!r.ok) throw new Error(`members.search failed: ${r.error.message}`);
    return medianMs(7, () => dispatch(handlers, 'members.search', args, ctx));
  };
  for (const offset of [0, 250_000]) {
    const floor = await page(offset);
    const where = offset === 0 ? 'first page' : 'deep page (offset 2,50,000)';
    out.push({
      name: `members list, default order (unit, group, entry), ${where}, count + page`,
      value: round(floor),
      unit: 'ms',
      target: '≤ 100 ms',
      pass: floor <= 100,
    });
    for (const sort of [
      { column: 'name', dir: 'asc' },
      { column: 'name', dir: 'desc' },
      { column: 'joined', dir: 'desc' },
      { column: 'group', dir: 'desc' },
    ]) {
      const ms = await page(offset, sort);
      out.push({
        name: `members list by ${sort.column} ${sort.dir}, ${where}, count + page`,
        value: round(ms),
        unit: 'ms',
        floor: round(floor),
        ratio: round(ms / floor, 2),
        target: offset === 0 ? '≤ 100 ms' : '≤ 1,000 ms (a jump of the scrollbar)',
        pass: ms <= (offset === 0 ? 100 : 1000),
      });
    }
  }
  return out;
}

export async function benchMembers(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-members-'));
  try {
    const file = path.join(dir, 'state.sqlite');
    const db = openRegister(file);
    fillDemo(db, { scale: 'state', now: new Date('2026-11-28T00:00:00Z') });
    const firstIndex = await timeMs(() => refreshSearchIndex(db));
    const floor = await medianMs(5, () =>
      rawOf(db).prepare("SELECT count(*) FROM people WHERE name LIKE '%kumar%' OR locality LIKE '%kumar%'").get(),
    );
    await db.close();

    const session = new FileSession(dir);
    session.open(file);
    const ctx: HandlerContext = {
      session,
      operator: 'bench',
      dialogs: null as never,
      progress: () => {},
      signal: new AbortController().signal,
      now: () => new Date(),
      platform: {},
    };
    const rows: BenchRow[] = [
      {
        name: 'member search index, first build after a state-size fill',
        value: round(firstIndex),
        unit: 'ms',
        target: 'paid once per large import',
        pass: true,
      },
    ];
    for (const q of QUERIES) {
      const args = { limit: 100, offset: 0, ...q.args };
      const r = await dispatch(handlers, 'members.search', args, ctx);
      if (!r.ok) throw new Error(`members.search failed: ${r.error.message}`);
      const ms = await medianMs(7, () => dispatch(handlers, 'members.search', args, ctx));
      const total = (r.value as { total: number }).total;
      rows.push({
        name: `member search, ${q.label} (${total.toLocaleString('en-IN')} hits, count + first page)`,
        value: round(ms),
        unit: 'ms',
        floor: round(floor),
        ratio: round(ms / floor, 2),
        target: '≤ 100 ms',
        pass: ms <= 100,
      });
    }
    rows.push(...(await sortedPages(ctx)));
    await session.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
