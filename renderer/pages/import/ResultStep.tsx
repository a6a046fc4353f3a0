// Step 5: what the import wrote (per kind of record: new, updated, unchanged) and the rows to
// fix, which the clerk can save as a list.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import { Link } from '../../router/hash-router.js';
import { IssuesTable } from './IssuesTable.js';
import { issueText } from './issue-text.js';
import { RegisterNowCard } from './RegisterNowCard.js';
import { downloadText, rejectedCsv } from './rejected-csv.js';
import type { ImportReport, RowIssue } from './sheet-fields.js';

const ENTITIES = ['units', 'groups', 'staff', 'people', 'memberships'] as const;

interface ResultStepProps {
  report: ImportReport;
  onAnother: () => void;
}

/** `…/Patna register.xlsx` → `Patna register-rows-to-fix.csv`. */
export function rejectedFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? 'register';
  return `${base.replace(/\.[^.]+$/, '')}-rows-to-fix.csv`;
}

export function ResultStep({ report, onAnother }: ResultStepProps) {
  const { t, i18n } = useTranslation('import');
  const f = useFormat();
  const written = ENTITIES.some((e) => report.entities[e].new + report.entities[e].updated > 0);

  // The CSV's reason column is in the language on screen, like the table.
  const reasonText = (x: RowIssue) => issueText(t, i18n, x);

  return (
    <div className="import-step">
      <section className="card" aria-labelledby="import-written">
        <div className="card__title">
          <h3 id="import-written">{t('result.written')}</h3>
        </div>
        {written ? null : <p className="muted">{t('result.nothingWritten')}</p>}
        <table className="table counts-table">
          <caption className="visually-hidden">{t('result.written')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('result.written')}</span>
              </th>
              <th scope="col" className="align-end">
                {t('preview.new')}
              </th>
              <th scope="col" className="align-end">
                {t('preview.updated')}
              </th>
              <th scope="col" className="align-end">
                {t('preview.unchanged')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ENTITIES.map((e) => (
              <tr key={e}>
                <th scope="row">{t(`entities.${e}`)}</th>
                <td className="align-end">{f.number(report.entities[e].new)}</td>
                <td className="align-end">{f.number(report.entities[e].updated)}</td>
                <td className="align-end">{f.number(report.entities[e].unchanged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <RegisterNowCard />

      {report.rejected.length > 0 ? (
        <section className="section" aria-labelledby="import-to-fix">
          <div className="import-subhead-row">
            <h3 id="import-to-fix" className="import-subheading">
              {t('result.rejectedHeading')}{' '}
              <span className="muted">
                (
                {t('preview.rejectedCount', {
                  count: report.totals.rejected,
                  formatted: f.number(report.totals.rejected),
                })}
                )
              </span>
            </h3>
            <button
              type="button"
              className="btn"
              onClick={() => downloadText(rejectedCsv(report.rejected, reasonText), rejectedFileName(report.file))}
            >
              {t('result.saveRejected')}
            </button>
          </div>
          <p className="muted">{t('result.rejectedBody')}</p>
          <IssuesTable
            issues={report.rejected}
            caption={t('result.rejectedHeading')}
            emptyText={t('preview.noRejected')}
          />
        </section>
      ) : null}

      <div className="form-actions import-actions">
        <button type="button" className="btn" onClick={onAnother}>
          {t('result.another')}
        </button>
        <Link to="/members" className="btn">
          {t('result.toMembers')}
        </Link>
        <Link to="/dashboard" className="btn btn--primary">
          {t('result.toDashboard')}
        </Link>
      </div>
    </div>
  );
}
