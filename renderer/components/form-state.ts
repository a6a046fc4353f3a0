// Form state with inline validation: a field's message appears once it has been left (blur)
// or the form submitted, and disappears as soon as the value is fixed. Messages from the
// backend (a code already used, an unknown parent thana) are shown beside the field they name
// and cleared when that field changes.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../data/errors.js';
import { errorField, fieldErrors, toErrorData } from '../data/errors.js';
import { reasonOf } from '../../electron/contract/errors.js';
import { useErrorWords } from './error-words.js';

/**
 * The top-level fields a BAD_INPUT from zod names (its issues' paths) with zod's own English
 * text; issues a screen already worded (`translated`, members/member-format.ts) are left alone.
 */
function zodFields(data: ApiErrorData): string[] {
  const issues = (data.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i) => {
    const { path, translated } = i as { path?: unknown; translated?: unknown };
    return Array.isArray(path) && path.length > 0 && translated !== true ? [String(path[0])] : [];
  });
}

export type Errors<V> = Partial<Record<keyof V & string, string>>;

export interface FieldBinding {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

export function useFormState<V extends Record<string, string>>(initial: V, validate: (values: V) => Errors<V>) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<keyof V, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors<V>>({});
  const [formError, setFormError] = useState<ApiErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const words = useErrorWords();
  const { t } = useTranslation('errors');

  const clientErrors = validate(values);

  const errorOf = (name: keyof V & string): string | undefined =>
    (submitted || touched[name] ? clientErrors[name] : undefined) ?? serverErrors[name];

  const set = useCallback((name: keyof V & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerErrors((e) => {
      if (!(name in e)) return e;
      const next = { ...e };
      delete next[name];
      return next;
    });
  }, []);

  const field = (name: keyof V & string): FieldBinding => ({
    name,
    value: values[name] ?? '',
    error: errorOf(name),
    onChange: (value) => set(name, value),
    onBlur: () => setTouched((tt) => (tt[name] ? tt : { ...tt, [name]: true })),
  });

  // Focus goes to the first invalid field once the render that marks it has happened (an
  // effect, not a timer: a timer could run before React renders the refusal, and focus would
  // stay on <body>). The dialog's own effects run first, so this has the last word.
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);
  const focusFirstInvalid = () => setFocusTick((n) => n + 1);

  /**
   * The form's onSubmit: validates, then runs `action`. A thrown API error is shown beside its
   * field when it names one, otherwise as the form's banner.
   */
  const handleSubmit = (action: (values: V) => Promise<void> | void) => async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setSubmitted(true);
    if (Object.values(clientErrors).some(Boolean)) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await action(values);
    } catch (err) {
      const data = toErrorData(err);
      const perField = fieldErrors(data);
      // A refusal with a reason code is worded in the clerk's language beside its field.
      const field = errorField(data);
      if (field && reasonOf(data.details)) perField[field] = words(data).detail ?? perField[field]!;
      // A field zod refused: its English text stays in the log; the form says it in the clerk's language.
      for (const k of zodFields(data)) if (k !== field) perField[k] = t('invalidValue');
      const known = Object.keys(perField).filter((k) => k in values);
      if (known.length > 0) {
        setServerErrors(Object.fromEntries(known.map((k) => [k, perField[k]])) as Errors<V>);
        focusFirstInvalid();
      } else {
        setFormError(data);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorCount = Object.keys(values).filter((k) => errorOf(k as keyof V & string)).length;

  return {
    values,
    set,
    field,
    handleSubmit,
    busy,
    formRef,
    formError,
    clearFormError: () => setFormError(null),
    errorCount,
    reset: (next: V) => {
      setValues(next);
      setTouched({});
      setSubmitted(false);
      setServerErrors({});
      setFormError(null);
    },
  };
}
