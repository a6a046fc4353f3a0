// The handler map's building blocks. Each call's name and argument schema are declared once in
// the contract (electron/contract/calls); a domain file here implements a set of them:
//
//   export const unitHandlers = implement({
//     'units.get': (a, ctx) => getUnit(ctx.session.db(), a.code),   // `a` typed from the schema
//   });
//
// A name the contract does not declare, or arguments used wrongly, do not compile; the merged map
// (handlers.ts) must implement every declared name exactly once.
import type { z } from 'zod';
import { CALLS, type CallInput, type CallName, type Calls } from '../contract/calls/index.js';
import type { HandlerContext } from './context.js';

export interface Handler<S extends z.ZodType, R> {
  readonly schema: S;
  readonly run: (args: z.output<S>, ctx: HandlerContext) => R | Promise<R>;
}

/** One handler outside the contract (transport tests' own maps). The real map uses `implement`. */
export function handler<S extends z.ZodType, R>(
  schema: S,
  run: (args: z.output<S>, ctx: HandlerContext) => R | Promise<R>,
): Handler<S, R> {
  return { schema, run };
}

type Impl<K extends CallName> = (args: CallInput<K>, ctx: HandlerContext) => unknown;

export type Implemented<M> = {
  [K in keyof M]: K extends CallName
    ? Handler<Calls[K], M[K] extends (...a: never[]) => infer R ? Awaited<R> : never>
    : never;
};

/** Pairs each implementation with its contract schema. */
export function implement<const M extends { [K in CallName]?: Impl<K> }>(impls: M): Implemented<M> {
  const out: Record<string, { schema: z.ZodType; run: unknown }> = {};
  for (const [name, run] of Object.entries(impls)) out[name] = { schema: CALLS[name as CallName], run };
  return out as Implemented<M>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = Handler<z.ZodType, any>;
export type HandlerMapShape = Record<string, AnyHandler>;

/** The client-side view of a handler map: `name → (args) => Promise<result>`. */
export type ApiOf<M extends HandlerMapShape> = {
  [K in keyof M]: M[K] extends Handler<infer S, infer R> ? (args: z.input<S>) => Promise<Awaited<R>> : never;
};
export type ArgsOf<M extends HandlerMapShape, K extends keyof M> =
  M[K] extends Handler<infer S, unknown> ? z.input<S> : never;
export type ResultOf<M extends HandlerMapShape, K extends keyof M> =
  M[K] extends Handler<z.ZodType, infer R> ? Awaited<R> : never;
