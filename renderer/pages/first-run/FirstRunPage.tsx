// First run: no register is open yet. The clerk creates the district register (code, English
// and Hindi name → app.createRegister) or opens the demo district (app.openDemo).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app-status.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { Form, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate } from '../../data/use-query.js';
import { LanguageSwitch } from '../../shell/LanguageSwitch.js';
import { navigate } from '../../router/hash-router.js';
import { HqFirstRunCard } from '../hq/HqFirstRunCard.js';

const DISTRICT_CODE = /^[A-Za-z0-9_-]{2,16}$/;

export interface DistrictFormValues extends Record<string, string> {
  code: string;
  name: string;
  nameHi: string;
  /** The clerk's name for the audit log (issue #10); may be given later from the header. */
  clerk: string;
}

export function FirstRunPage() {
  const { t } = useTranslation(['firstRun', 'common']);
  const { status, reload } = useAppStatus();
  const toast = useToast();
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<ApiErrorData | null>(null);
  const [demoProgress, setDemoProgress] = useState<{ done: number; total: number } | null>(null);

  const { t: tp } = useTranslation('privacy');
  const form = useFormState<DistrictFormValues>({ code: '', name: '', nameHi: '', clerk: '' }, (v) => {
    const e: Errors<DistrictFormValues> = {};
    if (v.clerk.trim().length > 80) e.clerk = tp('operator.tooLong');
    if (!DISTRICT_CODE.test(v.code.trim())) e.code = t('errors.codeFormat');
    if (!v.name.trim()) e.name = t('errors.nameRequired');
    return e;
  });

  const onCreate = form.handleSubmit(async (v) => {
    const r = await call('app.createRegister', {
      code: v.code.trim().toUpperCase(),
      name: v.name.trim(),
      nameHi: v.nameHi.trim() || null,
    });
    if (v.clerk.trim()) await call('operator.set', { name: v.clerk });
    toast({ message: t('created', { name: r.district.name }) });
    navigate('/dashboard', undefined, { replace: true });
    invalidate();
    reload();
  });

  const onDemo = async () => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      // Filling the demo register takes a few seconds the first time; show how far it is.
      await call('app.openDemo', {}, { onProgress: (p) => setDemoProgress({ done: p.done, total: p.total }) });
      navigate('/dashboard', undefined, { replace: true });
      invalidate();
      reload();
    } catch (err) {
      setDemoError(toErrorData(err));
    } finally {
      setDemoBusy(false);
      setDemoProgress(null);
    }
  };

  return (
    <div className="first-run">
      <header className="first-run__top">
        <div className="brand brand--inline">
          <span className="brand__mark" aria-hidden="true">
            स
          </span>
          <span className="brand__name">{t('common:appName')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="first-run__main" id="main">
        <h1>{t('title')}</h1>
        <p className="first-run__intro">{t('intro')}</p>
        <div className="first-run__cards">
          <section className="card first-run__card" aria-labelledby="fr-create">
            <h2 id="fr-create">{t('createTitle')}</h2>
            <p className="muted">{t('createBody')}</p>
            {form.formError ? <ErrorBanner error={form.formError} onDismiss={form.clearFormError} /> : null}
            <Form onSubmit={onCreate} formRef={form.formRef} aria-label={t('createTitle')}>
              <TextField
                label={t('code')}
                field={form.field('code')}
                required
                hint={t('codeHint')}
                maxLength={16}
                autoFocus
              />
              <TextField label={t('name')} field={form.field('name')} required maxLength={200} />
              <TextField
                label={t('nameHi')}
                field={form.field('nameHi')}
                hint={t('nameHiHint')}
                maxLength={200}
                lang="hi"
              />
              <TextField
                label={tp('operator.name')}
                field={form.field('clerk')}
                hint={tp('operator.firstRunHint')}
                maxLength={80}
                autoComplete="name"
              />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary" disabled={form.busy}>
                  {form.busy ? t('creating') : t('create')}
                </button>
              </div>
            </Form>
          </section>
          <div className="first-run__side">
            <section className="card first-run__card first-run__card--demo" aria-labelledby="fr-demo">
              <h2 id="fr-demo">{t('demoTitle')}</h2>
              <p className="muted">{t('demoBody')}</p>
              {demoError ? <ErrorBanner error={demoError} onDismiss={() => setDemoError(null)} /> : null}
              {demoBusy && demoProgress ? (
                <ProgressBar label={t('opening')} done={demoProgress.done} total={demoProgress.total} />
              ) : (
                <button type="button" className="btn" onClick={onDemo} disabled={demoBusy}>
                  {demoBusy ? t('opening') : t('demo')}
                </button>
              )}
            </section>
            <HqFirstRunCard />
          </div>
        </div>
        <p className="first-run__data muted">{t('dataFolder', { dir: status.dataDir })}</p>
      </main>
    </div>
  );
}
