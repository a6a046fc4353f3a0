// Shows an API error: the translated headline for its code, the backend's own message with the
// specifics, and (optionally) a retry. Errors are data (STYLE habit 3), never an exception
// that blanks the page.
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../data/errors.js';

interface ErrorBannerProps {
  error: ApiErrorData;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  const { t, i18n } = useTranslation('errors');
  const { t: tc } = useTranslation();
  const key = `code.${error.code}`;
  const headline = i18n.exists(`errors:${key}`) ? t(key as 'code.INTERNAL') : t('unknown');
  const showMessage = error.message && error.message !== headline;
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__text">
        <strong className="banner__title">{headline}</strong>
        {showMessage ? <span className="banner__message">{error.message}</span> : null}
      </div>
      <div className="banner__actions">
        {onRetry ? (
          <button type="button" className="btn btn--small" onClick={onRetry}>
            {tc('actions.retry')}
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" className="btn btn--small btn--ghost" onClick={onDismiss}>
            {tc('actions.dismiss')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
