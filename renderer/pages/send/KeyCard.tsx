// The district's signing key: its ID (which HQ confirms by phone) and the public key export.
import { useTranslation } from 'react-i18next';
import type { Res } from '../../data/call.js';
import { useFormat } from '../../format/use-format.js';

type KeyInfo = NonNullable<Res<'key.info'>>;

export function KeyCard({ info, onExport, busy }: { info: KeyInfo | null; onExport: () => void; busy: boolean }) {
  const { t } = useTranslation(['send', 'common']);
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="key-card">
      <div className="card__title">
        <h2 id="key-card">{t('key.title')}</h2>
      </div>
      {info ? (
        <>
          <div className="key-id">
            <span className="muted small">{t('key.keyId')}</span>
            <strong className="mono key-id__value">{info.keyId}</strong>
          </div>
          <p className="muted small">{t('key.keyIdHint')}</p>
          <p className="small">
            {t('key.created', { date: f.date(info.createdAt), by: info.createdBy })}
            <br />
            {t('key.protectors', { list: info.protectors.map((p) => t(`key.protector.${p}`)).join(', ') })}
          </p>
          <button type="button" className="btn" onClick={onExport} disabled={busy}>
            {t('actions.exportKey')}
          </button>
        </>
      ) : (
        <p className="muted">{t('key.none')}</p>
      )}
    </section>
  );
}
