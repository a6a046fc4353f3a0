// Every call in the handler map (CALLS) against malformed arguments (issue #10): each answer is
// BAD_INPUT with a reason, never INTERNAL, and nothing runs. The arguments: values of the wrong
// kind for the whole input, and for each field of the call's schema a value of the wrong kind, a
// huge string, a NUL-bearing path and a deep object — whichever of them the schema refuses (a
// field that takes any value is left out: refusing it is not the schema's job).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CALLS, type CallName } from '../../../electron/contract/calls/index.js';
import { all } from '../../../db/exec.js';
import { makeRegister } from '../../fixtures/builders.js';
import { call, testContext } from '../../fixtures/context.js';

const WHOLE_INPUT: unknown[] = [42, 'text', true, [], [{}], -1, 'x'.repeat(10_000)];

function fieldValues(): unknown[] {
  return [
    { nested: { deeper: [1, 2, 3] } },
    ['a', 'b'],
    'x'.repeat(100_000),
    '/tmp/a\0b.xlsx',
    -1e308,
    Number.NaN,
    true,
    '',
  ];
}

/** Argument objects the call's schema refuses. */
function malformedArgs(name: CallName): unknown[] {
  const schema = CALLS[name] as z.ZodType;
  const out: unknown[] = WHOLE_INPUT.filter((a) => !schema.safeParse(a).success);
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  for (const key of Object.keys(shape)) {
    for (const v of fieldValues()) {
      const args = { [key]: v };
      if (!schema.safeParse(args).success) out.push(args);
    }
  }
  return out;
}

const names = Object.keys(CALLS) as CallName[];

describe('every call refuses malformed arguments with BAD_INPUT, never INTERNAL', () => {
  it(`all ${names.length} calls, with and without an open register`, async () => {
    const reg = makeRegister();
    const before = all(reg.db, reg.db.k.selectFrom('auditLog').select('id')).length;
    let tried = 0;
    for (const open of [false, true]) {
      const ctx = testContext();
      if (open) ctx.session.open(reg.file);
      for (const name of names) {
        const bad = malformedArgs(name);
        expect(bad.length, `${name} has no argument its schema refuses`).toBeGreaterThan(0);
        for (const args of bad) {
          const r = await call(ctx, name as never, args as never);
          tried++;
          expect(r.ok, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(false);
          if (!r.ok) {
            expect(r.error.code, `${name} ${JSON.stringify(args).slice(0, 80)}: ${r.error.message}`).toBe('BAD_INPUT');
            expect(r.error.message.length).toBeGreaterThan(0);
          }
        }
      }
    }
    // Nothing ran: no audit entry was written by any of them.
    expect(all(reg.db, reg.db.k.selectFrom('auditLog').select('id')).length).toBe(before);
    expect(tried).toBeGreaterThan(names.length * 2);
  });

  it('property: random JSON values as the arguments of a random call', async () => {
    const ctx = testContext();
    const reg = makeRegister();
    ctx.session.open(reg.file);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.jsonValue(), async (name, args) => {
        const schema = CALLS[name] as z.ZodType;
        fc.pre(args !== null && !schema.safeParse(args).success);
        const r = await call(ctx, name as never, args as never);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
      }),
      { numRuns: 300 },
    );
  });
});
