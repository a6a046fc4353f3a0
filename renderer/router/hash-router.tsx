// A small hash router (no dependency). Pages live at `#/path?query`: the hash survives a
// reload under app:// and the harness alike, and needs no server-side routes.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export interface Location {
  /** Always starts with '/', no trailing slash (except the root '/'). */
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  let path = q === -1 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  if (!path.startsWith('/')) path = '/' + path;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query };
}

type QueryInit = Record<string, string | number | boolean | null | undefined>;

/** Builds `#/path?a=1`; null/undefined/'' query values are left out. */
export function href(path: string, query?: QueryInit): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query?: QueryInit, opts: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (opts.replace) {
    window.history.replaceState(null, '', target);
    // replaceState fires no hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (window.location.hash !== target) {
    window.location.hash = target;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current location; re-renders on every hash change. */
export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseHash(hash);
}

/** Replaces one or more query values of the current page (filters), keeping the rest. */
export function setQuery(changes: QueryInit): void {
  const { path, query } = parseHash(window.location.hash);
  const next: QueryInit = Object.fromEntries(query.entries());
  Object.assign(next, changes);
  navigate(path, next, { replace: true });
}

// ---- route table --------------------------------------------------------------------------

export type Params = Record<string, string>;

/** `/units/:code` against `/units/PAT-T-1` → `{ code: 'PAT-T-1' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Params | null {
  const ps = pattern.split('/').filter(Boolean);
  const xs = path.split('/').filter(Boolean);
  if (ps.length !== xs.length) return null;
  const params: Params = {};
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const x = xs[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(x);
      } catch {
        return null;
      }
    } else if (p !== x) return null;
  }
  return params;
}

export interface RouteMatch<R> {
  route: R;
  params: Params;
}

export function matchRoute<R extends { path: string }>(routes: readonly R[], path: string): RouteMatch<R> | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Encodes a code for use as a path segment (`#/units/${seg(code)}`). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

// ---- links --------------------------------------------------------------------------------

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  query?: QueryInit;
  children: ReactNode;
}

/** A real `<a href="#/…">`: keyboard, middle-click and screen readers treat it as a link. */
export function Link({ to, query, children, onClick, ...rest }: LinkProps) {
  const target = href(to, query);
  return (
    <a
      href={target}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        // In Electron a new window is denied anyway; keep modified clicks in place.
        if (!e.defaultPrevented && (e.ctrlKey || e.metaKey || e.shiftKey)) {
          e.preventDefault();
          navigate(to, query);
        }
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
