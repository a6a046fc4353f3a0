// Bundles made so far (newest first), with the checksum HQ's receipt can be matched against.
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Pill } from '../../components/StatusBadge.js';
import type { Res } from '../../data/call.js';
import { useFormat } from '../../format/use-format.js';

type Entry = Res<'bundle.outbox'>['entries'][number];

export function OutboxTable({ entries }: { entries: readonly Entry[] }) {
  const { t } = useTranslation(['send', 'common']);
  const f = useFormat();
  const columns: Column<Entry>[] = [
    {
      key: 'seq',
      header: t('outbox.col.sequence'),
      align: 'end',
      cell: (e) => f.number(e.sequence),
      sortValue: (e) => e.sequence,
      width: '4rem',
    },
    {
      key: 'date',
      header: t('outbox.col.date'),
      cell: (e) => <span className="nowrap">{f.dateTime(e.createdAt)}</span>,
      sortValue: (e) => e.createdAt,
    },
    {
      key: 'file',
      header: t('outbox.col.file'),
      cell: (e) => (
        <span className="outbox-file">
          <span className="mono">{e.fileName}</span>
          <span className="muted small block mono" title={e.zipSha256}>
            SHA-256 {e.zipSha256.slice(0, 16)}…
          </span>
          {e.present ? null : <span className="muted small block">{t('outbox.missing')}</span>}
        </span>
      ),
    },
    {
      key: 'target',
      header: t('outbox.col.target'),
      cell: (e) =>
        e.deliveries.length === 0 ? (
          <span className="muted">{t('outbox.notDelivered')}</span>
        ) : (
          <ul className="plain-list">
            {e.deliveries.map((d) => (
              <li key={d.id} title={d.location}>
                {d.target === 'folder' ? t('outbox.target.folder') : t('outbox.target.email')}
                <span className="muted small">
                  {' · '}
                  {f.dateTime(d.at)}
                </span>
                {d.state === 'done' ? null : (
                  <span className="muted small">
                    {' · '}
                    {d.state === 'failed' ? t('outbox.failed') : t('outbox.pending')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'members',
      header: t('outbox.col.members'),
      cell: (e) =>
        e.withMembers ? <Pill tone="warn">{t('outbox.yes')}</Pill> : <span className="muted">{t('outbox.no')}</span>,
    },
    {
      key: 'compliant',
      header: t('outbox.col.compliant'),
      align: 'end',
      cell: (e) => f.percent(e.figures.percentCompliant),
      sortValue: (e) => e.figures.percentCompliant,
    },
    {
      key: 'size',
      header: t('outbox.col.size'),
      align: 'end',
      cell: (e) => f.bytes(e.bytes),
      sortValue: (e) => e.bytes,
    },
    { key: 'by', header: t('outbox.col.by'), cell: (e) => e.createdBy },
  ];
  return (
    <DataTable
      caption={t('outbox.title')}
      columns={columns}
      rows={entries}
      rowKey={(e) => e.sequence}
      initialSort={{ key: 'seq', dir: 'desc' }}
      empty={<EmptyState compact title={t('outbox.empty')} body={t('outbox.emptyBody')} />}
    />
  );
}
