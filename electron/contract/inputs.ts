// zod schemas for the register's inputs, shared by the handlers and the forms' server-side
// checks. Messages are English; the renderer shows its own translated labels beside them.
import { z } from 'zod';
import { CITIZEN_CATEGORIES, CODE_PATTERN, GENDERS, GROUP_KINDS, UNIT_TYPES } from './domain.js';
import { normalisePhoneCell } from './values/phone.js';
import { dayOf, inviteLinkOf } from './values/normalise.js';

// Forms and the workbook import share one set of normalisers (contract/values):
// a phone typed in the Members screen is judged exactly like one in a station's workbook. Each
// issue carries the normaliser's reason code in `params.reason`, so the renderer can show it in
// Hindi without matching English text.

const today = () => new Date().toISOString().slice(0, 10);

export const codeSchema = z
  .string()
  .trim()
  .regex(CODE_PATTERN, 'use letters, digits and - _ . / only (at most 64), starting with a letter or digit');

export const nameSchema = z
  .string()
  // A NUL is no part of a name (and C code that reads the register would cut the name there).
  .refine((s) => !s.includes('\0'), 'must not contain NUL')
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'required').max(200));

export const optionalText = z
  .string()
  .nullish()
  .transform((s) => {
    const t = s?.normalize('NFC').replace(/\s+/g, ' ').trim();
    return t ? t.slice(0, 200) : null;
  });

/** A calendar day in any accepted format → yyyy-mm-dd; empty → null. */
export const daySchema = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (s === null || s === undefined || s.trim() === '') return null;
    const r = dayOf(s, today());
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `the date ${r.message}`, params: { reason: r.code } });
      return z.NEVER;
    }
    return r.value;
  });

export const requiredDaySchema = daySchema.pipe(z.string({ message: 'date is required' }));

export const phoneSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const r = normalisePhoneCell(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `the mobile number ${r.message}`, params: { reason: r.code } });
    return z.NEVER;
  }
  return r.e164;
});

export const optionalPhoneSchema = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const r = normalisePhoneCell(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `the mobile number ${r.message}`, params: { reason: r.code } });
      return z.NEVER;
    }
    return r.e164;
  });

export const inviteLinkSchema = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    const r = inviteLinkOf(s ?? null);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `the invite link ${r.message}`, params: { reason: r.code } });
      return z.NEVER;
    }
    return r.value;
  });

export const unitTypeSchema = z.enum(UNIT_TYPES);
export const groupKindSchema = z.enum(GROUP_KINDS);
export const genderSchema = z.enum(GENDERS);
export const categorySchema = z.enum(CITIZEN_CATEGORIES);

export const pageSchema = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};
