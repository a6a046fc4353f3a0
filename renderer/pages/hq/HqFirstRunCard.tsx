// First run, the HQ choice (SPEC §8): "This PC is at HQ" makes the HQ store and the HQ key
// (sealed by the OS key protector, as the district key is) and switches the app to HQ mode.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Form, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { navigate } from '../../router/hash-router.js';
import { useOpenHqDatabase } from './use-open-hq.js';
import '../../styles/hq.css';

interface HqFormValues extends Record<string, string> {
  name: string;
  nameHi: string;
}

export function HqFirstRunCard() {
  const { t } = useTranslation('hq');
  const toast = useToast();
  const form = useFormState<HqFormValues>({ name: '', nameHi: '' }, (v) => {
    const e: Errors<HqFormValues> = {};
    if (!v.name.trim()) e.name = t('app.firstRun.nameRequired');
    return e;
  });
  const onCreate = form.handleSubmit(async (v) => {
    const r = await call('hq.create', { name: v.name.trim(), nameHi: v.nameHi.trim() || null });
    if (r.open) toast({ message: t('app.firstRun.created', { id: r.keyId }) });
    navigate('/hq', undefined, { replace: true });
    invalidate();
  });
  // An HQ database made earlier (this PC before "Leave HQ mode", or brought from the old HQ PC
  // on a USB drive): opened as it is, never re-made.
  const existing = useOpenHqDatabase();
  const openBox = useRef<HTMLDivElement>(null);
  // The card's foot can be below the fold at 1366×768: bring the refusal into view.
  useEffect(() => {
    if (existing.error) openBox.current?.scrollIntoView({ block: 'nearest' });
  }, [existing.error]);

  return (
    <section className="card first-run__card" aria-labelledby="fr-hq">
      <h2 id="fr-hq">{t('app.firstRun.title')}</h2>
      <p className="muted">{t('app.firstRun.body')}</p>
      {form.formError ? <ErrorBanner error={form.formError} onDismiss={form.clearFormError} /> : null}
      <Form onSubmit={onCreate} formRef={form.formRef} aria-label={t('app.firstRun.title')}>
        <TextField label={t('app.firstRun.name')} field={form.field('name')} required maxLength={200} />
        <TextField label={t('app.firstRun.nameHi')} field={form.field('nameHi')} maxLength={200} lang="hi" />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={form.busy}>
            {form.busy ? t('app.firstRun.creating') : t('app.firstRun.create')}
          </button>
        </div>
      </Form>
      <div className="hq-open-existing" ref={openBox}>
        <p className="muted">{t('app.firstRun.openBody')}</p>
        {existing.error ? <ErrorBanner error={existing.error} onDismiss={existing.clearError} /> : null}
        <button
          type="button"
          className="btn btn--ghost"
          onClick={existing.open}
          disabled={existing.opening || form.busy}
        >
          {existing.opening ? t('app.firstRun.opening') : t('app.firstRun.open')}
        </button>
      </div>
    </section>
  );
}
