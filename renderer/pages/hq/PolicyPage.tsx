// Policy from HQ (SPEC §4, §8), district side: the HQ key this register trusts (chosen once from
// the hq.pub file HQ gave, its ID confirmed by phone) and importing a newer policy HQ signed.
// The backend checks the signature and the version; a refusal is shown and nothing changes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';

export function PolicyPage(_: { query?: URLSearchParams }) {
  const { t, i18n } = useTranslation(['hq', 'common']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery(() => call('policy.status', {}), []);
  const s = status.data;
  const lang = i18n.language === 'hi' ? 'hi' : 'en';

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const trust = () =>
    run(async () => {
      const replace = !!s?.hqKey;
      if (
        replace &&
        !(await confirm({
          title: t('policy.confirmReplace.title'),
          body: t('policy.confirmReplace.body'),
          confirmLabel: t('policy.confirmReplace.confirm'),
          destructive: true,
        }))
      )
        return;
      const r = await call('policy.trustHq', { replace });
      if (r.cancelled) return;
      toast({ message: t('policy.key.trusted', { id: r.keyId }), tone: 'success' });
      invalidate();
    });

  const importPolicy = () =>
    run(async () => {
      const r = await call('policy.import', {});
      if (r.cancelled) return;
      toast({
        message: t('policy.import.done', { n: f.number(r.version), was: f.number(r.previousVersion) }),
        tone: 'success',
      });
      invalidate();
    });

  return (
    <div className="page">
      <PageHeader title={t('policy.title')} subtitle={t('policy.subtitle')} />
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {status.error ? <ErrorBanner error={status.error} onRetry={status.reload} /> : null}
      {s ? (
        <div className="grid grid--2">
          <section className="card" aria-labelledby="policy-active">
            <div className="card__title">
              <h2 id="policy-active">{t('policy.active.title')}</h2>
              <strong>{t('policy.active.version', { n: f.number(s.active.version) })}</strong>
            </div>
            <p>{s.active.title[lang]}</p>
            <p className="muted small">{t('policy.active.hint')}</p>
          </section>
          <section className="card" aria-labelledby="policy-key">
            <div className="card__title">
              <h2 id="policy-key">{t('policy.key.title')}</h2>
            </div>
            {s.hqKey ? (
              <>
                <div className="key-id">
                  <span className="muted small">{t('policy.key.keyId')}</span>
                  <strong className="mono key-id__value">{s.hqKey.keyId}</strong>
                </div>
                <p className="small">{t('policy.key.trustedAt', { date: f.date(s.hqKey.trustedAt) })}</p>
              </>
            ) : (
              <p className="muted">{t('policy.key.none')}</p>
            )}
            <button type="button" className="btn" onClick={() => void trust()} disabled={busy}>
              {s.hqKey ? t('policy.key.replace') : t('policy.key.choose')}
            </button>
          </section>
          <section className="card" aria-labelledby="policy-import">
            <div className="card__title">
              <h2 id="policy-import">{t('policy.import.title')}</h2>
            </div>
            <p className="muted small">{t('policy.import.hint')}</p>
            {s.hqKey ? null : <p className="small">{t('policy.import.needsKey')}</p>}
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void importPolicy()}
              disabled={busy || !s.hqKey}
            >
              {t('policy.import.choose')}
            </button>
          </section>
        </div>
      ) : null}
    </div>
  );
}
