// Trusted districts at HQ (SPEC §8): a district's .pub added once (its key ID confirmed by
// phone), the keys HQ accepts bundles from, and retiring a key when a district's PC is replaced.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../../electron/services/hq/trust.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Form, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

interface TrustValues extends Record<string, string> {
  code: string;
  name: string;
  nameHi: string;
}

export function HqTrustPage() {
  const { t } = useTranslation(['hq', 'common']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const keys = useQuery(() => call('hq.keys', {}), []);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const form = useFormState<TrustValues>({ code: '', name: '', nameHi: '' }, (v) => {
    const e: Errors<TrustValues> = {};
    if (!CODE.test(v.code.trim())) e.code = t('app.trust.codeRequired');
    return e;
  });

  const onAdd = form.handleSubmit(async (v) => {
    const r = await call('hq.trust', {
      district: v.code.trim(),
      ...(v.name.trim() ? { name: v.name.trim() } : {}),
      nameHi: v.nameHi.trim() || null,
    });
    if (r.cancelled) return;
    toast({ message: t('app.trust.added', { id: r.key.keyId, district: r.key.district }) });
    form.reset({ code: '', name: '', nameHi: '' });
    invalidate();
  });

  const retire = async (k: TrustedKey) => {
    const ok = await confirm({
      title: t('app.trust.retireTitle', { id: k.keyId }),
      body: t('app.trust.retireBody'),
      confirmLabel: t('app.trust.retire'),
      destructive: true,
    });
    if (!ok) return;
    try {
      await call('hq.retire', { district: k.district, keyId: k.keyId });
      toast({ message: t('app.trust.retired', { id: k.keyId }) });
      invalidate();
    } catch (err) {
      setError(toErrorData(err));
    }
  };

  const rows = keys.data?.keys ?? [];
  return (
    <>
      <PageHeader title={t('app.trust.title')} subtitle={t('app.trust.subtitle')} />
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {keys.error ? <ErrorBanner error={keys.error} onRetry={keys.reload} /> : null}
      <section className="card" aria-labelledby="hq-trust-add">
        <div className="card__title">
          <h2 id="hq-trust-add">{t('app.trust.add')}</h2>
        </div>
        {form.formError ? <ErrorBanner error={form.formError} onDismiss={form.clearFormError} /> : null}
        <Form onSubmit={onAdd} formRef={form.formRef} aria-label={t('app.trust.add')}>
          <TextField
            label={t('app.trust.code')}
            field={form.field('code')}
            required
            hint={t('app.trust.codeHint')}
            maxLength={32}
          />
          <TextField label={t('app.trust.name')} field={form.field('name')} maxLength={200} />
          <TextField label={t('app.trust.nameHi')} field={form.field('nameHi')} maxLength={200} lang="hi" />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={form.busy}>
              {t('app.trust.chooseFile')}
            </button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="hq-trust-list">
        <div className="card__title">
          <h2 id="hq-trust-list">{t('app.trust.title')}</h2>
        </div>
        <DataTable
          caption={t('app.trust.title')}
          rows={rows}
          rowKey={(k) => `${k.district}:${k.keyId}`}
          initialSort={{ key: 'district', dir: 'asc' }}
          empty={<EmptyState compact title={t('app.trust.empty')} body={t('app.trust.emptyBody')} />}
          columns={[
            {
              key: 'district',
              header: t('app.dashboard.district'),
              sortValue: (k) => k.district,
              cell: (k) => `${k.districtName} (${k.district})`,
            },
            { key: 'keyId', header: t('app.trust.keyId'), cell: (k) => <code>{k.keyId}</code> },
            { key: 'addedAt', header: t('app.trust.addedAt'), cell: (k) => f.date(k.addedAt.slice(0, 10)) },
            {
              key: 'status',
              header: t('app.trust.statusCol'),
              cell: (k) =>
                k.retiredFrom ? t('app.trust.retiredFrom', { date: f.date(k.retiredFrom) }) : t('app.trust.active'),
            },
            {
              key: 'actions',
              header: '',
              cell: (k) =>
                k.status === 'active' ? (
                  <button type="button" className="btn btn--small" onClick={() => void retire(k)}>
                    {t('app.trust.retire')}
                  </button>
                ) : null,
            },
          ]}
        />
      </section>
    </>
  );
}
