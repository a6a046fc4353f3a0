// Shows an API error: the translated headline for its code, the backend's own message with the
// specifics, and (optionally) a retry. Errors are data (STYLE habit 3), never an exception
// that blanks the page.
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../data/errors.js';
import { useErrorWords } from './error-words.js';

interface ErrorBannerProps {
  error: ApiErrorData;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  const { t: tc } = useTranslation();
  const { headline, detail, detailLang } = useErrorWords()(error);
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__text">
        <strong className="banner__title">{headline}</strong>
        {detail ? (
          <span className="banner__message" lang={detailLang}>
            {detail}
          </span>
        ) : null}
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
