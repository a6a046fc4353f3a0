// A citizen's page (`people.get`): details, consent, every group membership (active and left),
// edit, add to another group, mark as left, and erasure on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { call } from '../../data/call.js';
import { useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { AddCitizenDialog } from '../members/AddCitizenDialog.js';
import { formatPhone, isErasedName } from '../members/member-format.js';
import { MembershipsTable } from '../members/MembershipsTable.js';
import { EditPersonDialog } from './EditPersonDialog.js';
import { EraseDialog } from './EraseDialog.js';
import '../members/members.css';

export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const personId = Number(id);
  const valid = Number.isInteger(personId) && personId > 0;
  const q = useQuery(() => (valid ? call('people.get', { id: personId }) : Promise.resolve(null)), [personId, valid]);
  const [dialog, setDialog] = useState<'edit' | 'add' | 'erase' | null>(null);
  const back = { to: '/members', label: t('person.back') };

  if (!valid || (q.error && q.error.code === 'NOT_FOUND') || (!q.loading && q.data === null)) {
    return (
      <div className="page">
        <PageHeader title={t('person.citizen')} back={back} />
        <EmptyState title={t('person.notFound')} />
      </div>
    );
  }
  if (!q.data) {
    return (
      <div className="page">
        <PageHeader title={t('person.citizen')} back={back} />
        {q.error ? (
          <ErrorBanner error={q.error} onRetry={q.reload} />
        ) : (
          <p className="muted" role="status">
            {tc('state.loading')}
          </p>
        )}
      </div>
    );
  }

  const { person, memberships } = q.data;
  const erased = Boolean(person.erasedAt) || isErasedName(person.name);
  const displayName = erased ? t('erasedName') : person.name;
  const active = memberships.filter((m) => !m.leftOn).length;
  const consent =
    person.consentOn && person.consentHow
      ? t('person.consentOnHow', { date: f.date(person.consentOn), how: person.consentHow })
      : person.consentOn
        ? f.date(person.consentOn)
        : (person.consentHow ?? t('person.noConsent'));

  return (
    <div className="page">
      <PageHeader
        title={displayName}
        subtitle={
          erased ? undefined : (
            <>
              {tc(`category.${person.category}`)} · <span className="num">{formatPhone(person.phone)}</span>
            </>
          )
        }
        back={back}
        actions={
          erased ? undefined : (
            <>
              <button type="button" className="btn btn--primary" onClick={() => setDialog('add')}>
                {t('person.addToGroup')}
              </button>
              <button type="button" className="btn" onClick={() => setDialog('edit')}>
                {t('person.edit')}
              </button>
            </>
          )
        }
      />
      {q.error ? <ErrorBanner error={q.error} onRetry={q.reload} /> : null}
      {erased ? (
        <div className="banner banner--info" role="status">
          <div className="banner__text">{t('person.erasedBanner', { date: f.date(person.erasedAt) })}</div>
        </div>
      ) : null}

      <div className="detail-grid">
        <section className="card" aria-labelledby="person-details">
          <div className="card__title">
            <h2 id="person-details">{t('person.details')}</h2>
          </div>
          <dl className="dl-grid">
            <dt>{t('person.phone')}</dt>
            <dd className="num">{erased ? tc('state.none') : formatPhone(person.phone)}</dd>
            <dt>{t('person.category')}</dt>
            <dd>{tc(`category.${person.category}`)}</dd>
            <dt>{t('person.locality')}</dt>
            <dd>{person.locality ?? tc('state.none')}</dd>
            <dt>{t('person.occupation')}</dt>
            <dd>{person.occupation ?? tc('state.none')}</dd>
            <dt>{t('person.consent')}</dt>
            <dd>{erased ? tc('state.none') : consent}</dd>
            <dt>{t('person.registeredOn')}</dt>
            <dd className="num">{f.date(person.createdAt)}</dd>
          </dl>
          {erased ? null : (
            <div className="detail-actions">
              <button type="button" className="btn btn--small btn--ghost" onClick={() => setDialog('erase')}>
                {t('person.erase')}
              </button>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="person-memberships">
          <div className="card__title">
            <h2 id="person-memberships">{t('person.memberships')}</h2>
            <span className="muted">
              {t('person.membershipsCount', { active: f.number(active), total: f.number(memberships.length) })}
            </span>
          </div>
          <MembershipsTable
            rows={memberships}
            memberName={displayName}
            caption={t('person.memberships')}
            empty={<EmptyState compact title={t('person.noMemberships')} />}
          />
        </section>
      </div>

      {dialog === 'edit' ? <EditPersonDialog person={person} onClose={() => setDialog(null)} /> : null}
      {dialog === 'erase' ? (
        <EraseDialog personId={person.id} name={person.name} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'add' && person.phone ? (
        <AddCitizenDialog
          onClose={() => setDialog(null)}
          person={{
            name: person.name,
            phone: person.phone,
            category: person.category,
            locality: person.locality,
            occupation: person.occupation,
            consentOn: person.consentOn,
            consentHow: person.consentHow,
          }}
        />
      ) : null}
    </div>
  );
}
