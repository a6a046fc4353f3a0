// The handler map's building block: a zod schema for the arguments and a function.
import type { z } from 'zod';
import type { HandlerContext } from './context.js';

export interface Handler<S extends z.ZodType, R> {
  readonly schema: S;
  readonly run: (args: z.output<S>, ctx: HandlerContext) => R | Promise<R>;
}

export function handler<S extends z.ZodType, R>(
  schema: S,
  run: (args: z.output<S>, ctx: HandlerContext) => R | Promise<R>,
): Handler<S, R> {
  return { schema, run };
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
