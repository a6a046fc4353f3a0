// The group row's way into "Reconcile with WhatsApp export" (a small button on the unit page).
import { useTranslation } from 'react-i18next';
import { Link, seg } from '../../router/hash-router.js';

export function ReconcileLink({ group }: { group: { code: string; name: string; unitCode: string } }) {
  const { t } = useTranslation('reconcile');
  return (
    <Link
      to={`/units/${seg(group.unitCode)}/groups/${seg(group.code)}/reconcile`}
      className="btn btn--small"
      aria-label={t('openLabel', { name: group.name })}
      title={t('title')}
    >
      {t('open')}
    </Link>
  );
}
