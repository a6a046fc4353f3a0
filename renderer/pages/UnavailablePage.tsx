// Shown for a navigation entry whose screen is not in this build yet, so the link explains
// itself instead of leading nowhere; and for an unknown address.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState.js';
import { PageHeader } from '../components/PageHeader.js';
import type { NavItem } from '../shell/nav-items.js';

export function UnavailablePage({ navKey }: { navKey: NavItem['key'] }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t(`nav.${navKey}`)} />
      <EmptyState title={t('unavailable.body')} />
    </div>
  );
}

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        title={t('notFound.body', { path })}
        action={
          <a className="btn btn--primary" href="#/dashboard">
            {t('notFound.home')}
          </a>
        }
      />
    </div>
  );
}
