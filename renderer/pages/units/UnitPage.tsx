// One unit: its compliance (members of the best group against the threshold, shortfall),
// its groups (create, edit, close with confirmation and Undo, reopen) and, for a thana, its OPs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, sortTableRows, type Column } from '../../components/DataTable.js';
import { useRememberedSort } from '../../lists/table-sort.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ListOutput } from '../../components/ListOutput.js';
import { groupsSheet } from '../../lists/sheets.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pill, StatusBadge } from '../../components/StatusBadge.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, seg } from '../../router/hash-router.js';
import { GroupFormDialog, groupToForm } from './GroupForm.js';
import { UnitFormDialog } from './UnitForm.js';
import { UnitComplianceCard } from './UnitComplianceCard.js';
import { ReconcileLink } from '../reconcile/ReconcileLink.js';
import { GroupEditActions } from './edits/GroupEditActions.js';
import { UnitEditActions } from './edits/UnitEditActions.js';
import { UnitMembersSection } from './UnitMembersSection.js';

type GroupRow = Res<'units.get'>['groups'][number];

const GROUP_SORT_KEYS = ['code', 'name', 'kind', 'state', 'members', 'created'] as const;
const groupKey = (g: { code: string }) => g.code;

export function UnitPage({ code }: { code: string; query?: URLSearchParams }) {
  const { t } = useTranslation(['units', 'common']);
  const { t: tEdits } = useTranslation('edits');
  const { t: tl } = useTranslation(['lists', 'common']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const [editingUnit, setEditingUnit] = useState(false);
  const [groupDialog, setGroupDialog] = useState<{ mode: 'create' } | { mode: 'edit'; group: GroupRow } | null>(null);
  const [actionError, setActionError] = useState<ApiErrorData | null>(null);

  const detail = useQuery(() => call('units.get', { code }), [code]);
  const report = useQuery(() => call('compliance.report', {}), []);
  const allUnits = useQuery(() => call('units.list', {}), []);
  const policy = useQuery(() => call('policy.active', {}), []);
  // The groups' order, remembered for the session; print/export follow it.
  const [groupSort, setGroupSort] = useRememberedSort('unit-groups', GROUP_SORT_KEYS, { key: 'code', dir: 'asc' });

  if (detail.error && !detail.data) {
    return (
      <div className="page">
        <PageHeader title={code} back={{ to: '/units', label: t('title') }} />
        <ErrorBanner
          error={
            detail.error.code === 'NOT_FOUND'
              ? { ...detail.error, message: t('unit.notFound', { code }) }
              : detail.error
          }
          onRetry={detail.reload}
        />
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div className="page">
        <p className="muted" role="status">
          {t('common:state.loading')}
        </p>
      </div>
    );
  }

  const { unit, groups, children } = detail.data;
  const compliance = report.data?.units.find((u) => u.code === unit.code);
  const qualifying = new Set(compliance?.groups ?? []);
  const unitOptions = allUnits.data ?? [unit];
  const thanas = unitOptions.filter((u) => u.type === 'thana');

  const setStatus = async (g: GroupRow, to: 'closed' | 'active', withUndo: boolean) => {
    setActionError(null);
    try {
      await call(to === 'closed' ? 'groups.close' : 'groups.reopen', { code: g.code });
      invalidate();
      if (withUndo) {
        toast({
          message: t(to === 'closed' ? 'group.closed' : 'group.reopened', { name: g.name }),
          undo: () => setStatus(g, to === 'closed' ? 'active' : 'closed', false),
        });
      }
    } catch (err) {
      setActionError(toErrorData(err));
    }
  };

  const closeGroup = async (g: GroupRow) => {
    const ok = await confirm({
      title: t('group.closeConfirmTitle', { name: g.name }),
      body: t('group.closeConfirmBody'),
      confirmLabel: t('group.close'),
      destructive: true,
    });
    if (ok) await setStatus(g, 'closed', true);
  };

  const columns: Column<GroupRow>[] = [
    {
      key: 'code',
      header: t('col.code'),
      cell: (g) => <span className="mono">{g.code}</span>,
      sortValue: (g) => g.code,
    },
    {
      key: 'name',
      header: t('col.name'),
      className: 'group-name-col',
      cell: (g) => (
        <span className="group-name">
          <span className="group-name__text" title={g.name}>
            {g.name}
          </span>
          {qualifying.has(g.code) ? (
            <span className="qualifies" title={t('unit.qualifies')} aria-label={t('unit.qualifies')}>
              {' '}
              ★
            </span>
          ) : null}
          {g.inviteLink ? (
            <span className="muted small block group-name__link" title={g.inviteLink}>
              {g.inviteLink}
            </span>
          ) : null}
        </span>
      ),
      sortValue: (g) => g.name,
    },
    {
      key: 'kind',
      header: t('col.kind'),
      cell: (g) => <span className="nowrap">{t(`common:groupKind.${g.kind}`)}</span>,
      sortValue: (g) => g.kind,
    },
    {
      key: 'state',
      header: t('col.groupStatus'),
      cell: (g) => <Pill tone={g.status === 'active' ? 'good' : 'neutral'}>{t(`common:groupStatus.${g.status}`)}</Pill>,
      sortValue: (g) => g.status,
    },
    {
      key: 'members',
      header: t('col.members'),
      align: 'end',
      cell: (g) => f.number(g.activeMembers),
      sortValue: (g) => g.activeMembers,
    },
    {
      key: 'created',
      header: t('col.createdOn'),
      cell: (g) => <span className="nowrap">{f.date(g.createdOn) || '—'}</span>,
      sortValue: (g) => g.createdOn,
    },
    {
      key: 'admin',
      header: t('col.admin'),
      cell: (g) =>
        g.adminServiceNo ? (
          <span>
            {g.adminName ?? ''}
            <span className="muted small block mono">{g.adminServiceNo}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('col.actions')}</span>,
      align: 'end',
      className: 'nowrap',
      cell: (g) => (
        <span className="row-actions">
          <ReconcileLink group={g} />
          <button
            type="button"
            className="btn btn--small"
            onClick={() => setGroupDialog({ mode: 'edit', group: g })}
            aria-label={`${t('common:actions.edit')}: ${g.name}`}
          >
            {t('common:actions.edit')}
          </button>
          {g.status === 'active' ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void closeGroup(g)}
              aria-label={`${t('group.close')}: ${g.name}`}
            >
              {t('group.close')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void setStatus(g, 'active', true)}
              aria-label={`${t('group.reopen')}: ${g.name}`}
            >
              {t('group.reopen')}
            </button>
          )}
          <GroupEditActions group={g} onError={setActionError} />
        </span>
      ),
    },
  ];

  const subtitle = [
    t('unit.typeLine', { type: t(`common:unitType.${unit.type}`), code: unit.code }),
    unit.parentCode ? t('unit.parentLine', { parent: unit.parentCode }) : null,
    unit.division ? t('unit.divisionLine', { division: unit.division }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="page">
      <PageHeader
        title={
          <>
            {localName(unit, f.lang)} {compliance ? <StatusBadge status={compliance.status} /> : null}
          </>
        }
        subtitle={subtitle}
        back={{ to: '/units', label: t('title') }}
        actions={
          <>
            <ListOutput
              fileName={`unit-${unit.code}-groups`}
              load={() => ({
                ...groupsSheet(
                  sortTableRows(groups, columns, groupSort, groupKey),
                  tl,
                  tl('list.groups', { unit: `${localName(unit, f.lang)} (${unit.code})` }),
                ),
                note: compliance
                  ? `${tl('col.status')}: ${t(`common:status.${compliance.status}`)} · ${tl('col.members')}: ${f.number(compliance.members)}${compliance.required !== null ? ` / ${f.number(compliance.required)}` : ''}`
                  : '',
              })}
            />
            <button type="button" className="btn" onClick={() => setEditingUnit(true)}>
              {t('editUnit')}
            </button>
            <UnitEditActions unit={unit} units={unitOptions} onError={setActionError} />
            <button type="button" className="btn btn--primary" onClick={() => setGroupDialog({ mode: 'create' })}>
              + {t('unit.addGroup')}
            </button>
          </>
        }
      />
      {actionError ? <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} /> : null}
      {unit.status === 'closed' ? (
        <div className="banner banner--info" role="status">
          <span className="banner__text">{tEdits('unit.closedBanner')}</span>
        </div>
      ) : null}
      {report.error ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}

      <UnitComplianceCard compliance={compliance} />

      <section className="section" aria-labelledby="unit-groups">
        <h2 id="unit-groups" className="section__title">
          {t('unit.groups')}
        </h2>
        <DataTable
          caption={t('unit.groups')}
          columns={columns}
          rows={groups}
          rowKey={groupKey}
          rowClassName={(g) => (g.status === 'closed' ? 'row--closed' : undefined)}
          sort={groupSort}
          onSortChange={setGroupSort}
          empty={
            <EmptyState
              compact
              title={t('empty.noGroups')}
              body={t('empty.noGroupsBody')}
              action={
                <button type="button" className="btn btn--primary" onClick={() => setGroupDialog({ mode: 'create' })}>
                  + {t('unit.addGroup')}
                </button>
              }
            />
          }
        />
      </section>

      <UnitMembersSection unit={unit} groups={groups} />

      {unit.type === 'thana' && children.length > 0 ? (
        <section className="section" aria-labelledby="unit-ops">
          <h2 id="unit-ops" className="section__title">
            {t('unit.ops')}
          </h2>
          <ul className="chip-list">
            {children.map((c) => {
              const cc = report.data?.units.find((u) => u.code === c.code);
              return (
                <li key={c.code}>
                  <Link to={`/units/${seg(c.code)}`} className="chip">
                    {localName(c, f.lang)} <span className="mono muted">{c.code}</span>
                    {cc ? <StatusBadge status={cc.status} /> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {editingUnit ? (
        <UnitFormDialog
          mode="edit"
          initial={{
            code: unit.code,
            name: unit.name,
            nameHi: unit.nameHi ?? '',
            type: unit.type,
            parentCode: unit.parentCode ?? '',
            division: unit.division ?? '',
          }}
          thanas={thanas}
          onCancel={() => setEditingUnit(false)}
          onSubmit={async (input) => {
            const u = await call('units.update', input);
            setEditingUnit(false);
            toast({ message: t('savedUnit', { name: localName(u, f.lang) }) });
            invalidate();
          }}
        />
      ) : null}

      {groupDialog && policy.data ? (
        <GroupFormDialog
          mode={groupDialog.mode}
          policy={policy.data}
          units={unitOptions}
          unitCode={unit.code}
          initial={groupDialog.mode === 'edit' ? groupToForm(groupDialog.group) : undefined}
          onCancel={() => setGroupDialog(null)}
          onSubmit={async (input) => {
            const g =
              groupDialog.mode === 'create' ? await call('groups.create', input) : await call('groups.update', input);
            setGroupDialog(null);
            toast({ message: t(groupDialog.mode === 'create' ? 'group.created' : 'group.saved', { name: g.name }) });
            invalidate();
          }}
        />
      ) : null}
    </div>
  );
}
