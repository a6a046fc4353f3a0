// After an import: the register's totals in the dashboard's own terms (issue #11), so the clerk
// can match the import's row counts with what the dashboard will show, and why they differ.
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { call } from '../../data/call.js';
import { useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { dashboardLinks } from '../../lists/dashboard-links.js';
import { Link } from '../../router/hash-router.js';

export function RegisterNowCard() {
  const { t } = useTranslation('lists');
  const f = useFormat();
  const report = useQuery(() => call('compliance.report', {}), []);
  if (report.error) return <ErrorBanner error={report.error} onRetry={report.reload} />;
  const r = report.data;
  if (!r) return null;
  const s = r.summary;
  const links = dashboardLinks(s);
  const rows: { label: string; value: number; to?: { path: string; query?: Record<string, string> } }[] = [
    { label: t('now.units'), value: s.units, to: { path: '/units' } },
    { label: t('now.compliant'), value: s.compliant, to: links.units },
    { label: t('now.activeGroups'), value: s.activeGroups },
    { label: t('figures.citizens'), value: s.citizens },
    { label: t('now.memberships'), value: s.memberships, to: links.memberships },
    { label: t('now.staff'), value: s.staffTotal, to: { path: '/staff' } },
    { label: t('now.uncovered'), value: links.uncovered.count, to: links.uncovered },
  ];
  return (
    <section className="card" aria-labelledby="import-register-now" data-testid="register-now">
      <div className="card__title">
        <h3 id="import-register-now">{t('now.heading')}</h3>
      </div>
      <table className="table counts-table">
        <caption className="visually-hidden">{t('now.heading')}</caption>
        <tbody>
          {rows.map((x) => (
            <tr key={x.label}>
              <th scope="row">{x.label}</th>
              <td className="align-end">
                {x.to ? (
                  <Link to={x.to.path} query={x.to.query}>
                    {f.number(x.value)}
                  </Link>
                ) : (
                  f.number(x.value)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('now.why')}</p>
    </section>
  );
}
