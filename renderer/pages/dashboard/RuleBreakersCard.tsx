// Who breaks which rule (issue #11): for each rule not met, the units, members, staff or groups
// that break it, by name, each with a link to put it right (a member in the wrong group can be
// removed here, with Undo). The rules card says how many; this says who.
import { useTranslation } from 'react-i18next';
import type { RuleBreaker } from '../../../electron/services/compliance/rule-breakers.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useUndoableToast } from '../../components/use-undoable.js';
import { call } from '../../data/call.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, seg } from '../../router/hash-router.js';

/** The id of a rule's heading in the card: the rules card's counts move focus there. */
export const breakersHeadingId = (rule: string) => `rule-breakers-${rule}-heading`;

/** Scrolls to the list of who breaks `rule` and puts focus on its heading (keyboard, readers). */
export function showBreakers(rule: string): boolean {
  const heading = document.getElementById(breakersHeadingId(rule));
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

export function RuleBreakersCard() {
  const { t } = useTranslation('edits');
  const breakers = useQuery(() => call('compliance.ruleBreakers', {}), []);
  if (breakers.error) return <ErrorBanner error={breakers.error} onRetry={breakers.reload} />;
  if (!breakers.data || breakers.data.length === 0) return null;
  return (
    <section className="card rule-breakers" aria-labelledby="rule-breakers-title">
      <div className="card__title">
        <h2 id="rule-breakers-title">{t('breakers.title')}</h2>
      </div>
      {breakers.data.map((rule) => (
        <div key={rule.id} className="rule-breakers__rule" id={`rule-breakers-${rule.id}`}>
          <h3 className="rule-breakers__heading" id={breakersHeadingId(rule.id)} tabIndex={-1}>
            <span className="rules__id">{rule.id}</span> {t(`breakers.heading.${rule.id}`)}{' '}
            <span className="muted">({t('breakers.count', { count: rule.total })})</span>
          </h3>
          <ul className="rule-breakers__list">
            {rule.items.map((item, i) => (
              <li key={i}>
                <BreakerItem item={item} />
              </li>
            ))}
          </ul>
          {rule.total > rule.items.length ? (
            <p className="muted small">
              {t('breakers.more', { count: rule.total - rule.items.length })}{' '}
              {rule.id === 'R6' ? (
                <Link to="/staff" query={{ uncovered: '1' }}>
                  {t('breakers.seeAll')}
                </Link>
              ) : null}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function BreakerItem({ item }: { item: RuleBreaker }) {
  const { t } = useTranslation('edits');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const confirm = useConfirm();
  const undoable = useUndoableToast();
  switch (item.kind) {
    case 'unit':
      return (
        <>
          <Link to={`/units/${seg(item.code)}`}>
            {localName(item, f.lang)} <span className="mono muted">{item.code}</span>
          </Link>{' '}
          —{' '}
          {item.status === 'missing'
            ? t('breakers.unitMissing')
            : t('breakers.unitShort', { n: f.number(item.shortfall), members: f.number(item.members) })}
        </>
      );
    case 'noUnit':
      return (
        <>
          {t('breakers.noUnit', { type: tc(`unitType.${item.unitType}` as 'unitType.thana') })}{' '}
          <Link to="/units">{t('breakers.addUnit')}</Link>
        </>
      );
    case 'noGroup':
      return (
        <>
          {t('breakers.noWomenGroup')} <Link to="/units">{t('breakers.addGroup')}</Link>
        </>
      );
    case 'member': {
      const who = item.personId !== null ? t('breakers.citizen') : t('breakers.notWoman');
      const remove = async () => {
        const ok = await confirm({
          title: t('breakers.removeTitle', { name: item.name, group: item.groupName }),
          confirmLabel: t('breakers.remove'),
          destructive: true,
        });
        if (!ok) return;
        await call('members.leave', { membershipId: item.membershipId });
        invalidate();
        undoable(t('breakers.removed', { name: item.name, group: item.groupName }), () =>
          call('members.undoLeave', { membershipId: item.membershipId }),
        );
      };
      return (
        <>
          {item.personId !== null ? (
            <Link to={`/members/person/${item.personId}`}>{item.name}</Link>
          ) : (
            <Link to={`/staff/${seg(item.serviceNo ?? '')}`}>
              {item.name} <span className="mono muted">{item.serviceNo}</span>
            </Link>
          )}{' '}
          ({who}) → <Link to={`/units/${seg(item.unitCode)}`}>{item.groupName}</Link>{' '}
          <button type="button" className="btn btn--small" onClick={() => void remove()}>
            {t('breakers.remove')}
          </button>
        </>
      );
    }
    case 'staff':
      return (
        <>
          <Link to={`/staff/${seg(item.serviceNo)}`}>
            {item.name} <span className="mono muted">{item.serviceNo}</span>
          </Link>{' '}
          — <span className="mono">{item.unitCode}</span>
        </>
      );
    case 'group':
      return (
        <>
          <Link to={`/units/${seg(item.unitCode)}`}>
            {item.name} <span className="mono muted">{item.code}</span>
          </Link>{' '}
          — {t('breakers.overCap', { members: f.number(item.members), cap: f.number(item.cap) })}
        </>
      );
  }
}
