// Loading data for a screen: `useQuery(() => call('units.list', {}), [deps])` gives
// `{ data, error, loading, reload }`. The previous data stays on screen while a reload runs (no
// flash), answers that arrive out of order are dropped, and every query re-runs after any
// successful change anywhere (`invalidate()`), so the dashboard is never stale after an edit.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { toErrorData, type ApiErrorData } from './errors.js';

let version = 0;
const listeners = new Set<() => void>();

/** Marks every loaded query as stale; mounted ones reload. Call after a successful change. */
export function invalidate(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useDataVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiErrorData | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const dataVersion = useDataVersion();
  const [state, setState] = useState<{ data: T | undefined; error: ApiErrorData | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // New arguments (another unit's page) must not show the old answer while loading, nor keep
  // it when the new call fails; a reload of the same arguments keeps it on screen (no flash).
  const depsKey = JSON.stringify(deps);
  const lastDeps = useRef(depsKey);

  useEffect(() => {
    const mine = ++seq.current;
    const argsChanged = lastDeps.current !== depsKey;
    lastDeps.current = depsKey;
    setState((s) => (argsChanged ? { data: undefined, error: null, loading: true } : { ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        if (mine === seq.current) setState({ data, error: null, loading: false });
      },
      (err: unknown) => {
        if (mine === seq.current) setState((s) => ({ data: s.data, error: toErrorData(err), loading: false }));
      },
    );
    // `deps` are the caller's; the version and nonce add "reload" and "something changed".
  }, [...deps, dataVersion, nonce]);

  useEffect(
    () => () => {
      seq.current++; // drop answers that arrive after unmount
    },
    [],
  );

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  // Between a change of arguments and the effect above, never show the previous answer.
  if (lastDeps.current !== depsKey) return { data: undefined, error: null, loading: true, reload };
  return { ...state, reload };
}
