// A fake backend for component tests, injected through the API client's own seam
// (`api.useTransport`). Each test names the handlers its screen calls; every call is recorded;
// a handler that throws `{ code, message, details }` becomes an error reply, as the real
// dispatcher sends it. The real handlers are tested against SQLite elsewhere; this tier checks
// what the screens send and show.
//
// Typed against the handler map: a fake answer must have the shape the real handler returns,
// and the arguments a test reads are the ones the screen sends, so a screen test stops compiling
// when a handler's shape changes instead of passing against a stale fake.
import { api, type Transport } from '../../../../renderer/api/index.js';
import type { Args, Progress, Res } from '../../../../renderer/api/index.js';
import type { HandlerName } from '../../../../electron/backend/handlers.js';

export interface RecordedCall {
  id: string;
  name: HandlerName;
  args: Record<string, unknown>;
}

export interface FakeContext {
  id: string;
  progress: (p: Progress) => void;
  /** Resolves when the client asks to cancel this call. */
  cancelled: Promise<void>;
}

export type FakeHandler<K extends HandlerName> = (args: Args<K>, ctx: FakeContext) => Res<K> | Promise<Res<K>>;
export type FakeHandlers = { [K in HandlerName]?: FakeHandler<K> };

export interface FakeApi {
  calls: RecordedCall[];
  cancels: string[];
  callsTo<K extends HandlerName>(name: K): Args<K>[];
  set<K extends HandlerName>(name: K, handler: FakeHandler<K>): void;
}

export function installFakeApi(handlers: FakeHandlers): FakeApi {
  const table = new Map<string, (args: unknown, ctx: FakeContext) => unknown>(
    Object.entries(handlers) as [string, (args: unknown, ctx: FakeContext) => unknown][],
  );
  const calls: RecordedCall[] = [];
  const cancels: string[] = [];
  const cancelWaiters = new Map<string, () => void>();
  const transport: Transport = {
    kind: 'test',
    async call({ id, name, args, onProgress }) {
      calls.push({ id, name: name as HandlerName, args: structuredClone(args) as Record<string, unknown> });
      const h = table.get(name);
      if (!h) return { ok: false, error: { code: 'INTERNAL', message: `fake API has no handler for ${name}` } };
      const cancelled = new Promise<void>((resolve) => cancelWaiters.set(id, resolve));
      try {
        const value = await h(args, { id, progress: onProgress, cancelled });
        return { ok: true, value };
      } catch (err) {
        const e = err as { code?: string; message?: string; details?: unknown };
        return {
          ok: false,
          error: { code: (e.code ?? 'INTERNAL') as never, message: e.message ?? String(err), details: e.details },
        };
      } finally {
        cancelWaiters.delete(id);
      }
    },
    async cancel(id) {
      cancels.push(id);
      cancelWaiters.get(id)?.();
    },
    onMenu() {
      return () => {};
    },
  };
  api.useTransport(transport);
  return {
    calls,
    cancels,
    callsTo: <K extends HandlerName>(name: K) => calls.filter((c) => c.name === name).map((c) => c.args as Args<K>),
    set: (name, handler) => table.set(name, handler as (args: unknown, ctx: FakeContext) => unknown),
  };
}

/** A promise with its resolve function outside, to hold a fake call open. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const GROUPS: Res<'groups.list'> = [
  {
    id: 1,
    code: 'PAT-KOTWALI-1',
    name: 'Kotwali Police Public',
    kind: 'public',
    status: 'active',
    createdOn: '2019-05-01',
    inviteLink: null,
    unitCode: 'PAT-T-KOTWALI',
    unitName: 'Kotwali',
    unitNameHi: 'कोतवाली',
    adminServiceNo: null,
    adminName: null,
    activeMembers: 180,
    activeStaff: 3,
  },
  {
    id: 2,
    code: 'PAT-DPC-STAFF',
    name: 'Patna Police Lines Staff',
    kind: 'staff',
    status: 'active',
    createdOn: '2019-05-01',
    inviteLink: null,
    unitCode: 'PAT-DPC',
    unitName: 'Police Lines',
    unitNameHi: 'पुलिस केंद्र',
    adminServiceNo: null,
    adminName: null,
    activeMembers: 210,
    activeStaff: 210,
  },
  {
    id: 3,
    code: 'PAT-OLD-1',
    name: 'Old closed group',
    kind: 'public',
    status: 'closed',
    createdOn: '2019-05-01',
    inviteLink: null,
    unitCode: 'PAT-T-KOTWALI',
    unitName: 'Kotwali',
    unitNameHi: 'कोतवाली',
    adminServiceNo: null,
    adminName: null,
    activeMembers: 0,
    activeStaff: 0,
  },
];

type MemberRow = Res<'members.search'>['rows'][number];

export function memberRow(i: number, over: Partial<MemberRow> = {}): MemberRow {
  return {
    membershipId: 1_000_000 - i,
    memberType: 'citizen',
    memberId: 10_000 + i,
    name: `Citizen ${i}`,
    phone: '+919835012345',
    locality: 'Kankarbagh',
    category: 'public',
    serviceNo: null,
    groupCode: 'PAT-KOTWALI-1',
    groupName: 'Kotwali Police Public',
    groupKind: 'public',
    unitCode: 'PAT-T-KOTWALI',
    joinedOn: '2024-01-15',
    leftOn: null,
    ...over,
  };
}

/** members.search over a list of `total` synthetic rows: the page asked for, and the total. */
export function pagedMembers(total: number) {
  return (a: Args<'members.search'>): Res<'members.search'> => {
    const offset = Number(a.offset ?? 0);
    const limit = Number(a.limit ?? 100);
    const n = Math.max(0, Math.min(limit, total - offset));
    return { total, rows: Array.from({ length: n }, (_, k) => memberRow(offset + k)) };
  };
}

/**
 * jsdom does no layout: give the virtualised table's scroll box a height so the virtualiser
 * renders the rows a real window would show. Returns a function restoring the prototype.
 */
export function stubScrollBoxHeight(height: number): () => void {
  const proto = HTMLElement.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList?.contains('vtable__scroll') ? height : 0;
    },
  });
  return () => {
    if (original) Object.defineProperty(proto, 'clientHeight', original);
    else delete (proto as { clientHeight?: number }).clientHeight;
  };
}
