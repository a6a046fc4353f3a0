// Codes that differ only in capital letters (issue #11, migration 7): registers made before the
// rule may hold them. The units page lists each set with a Merge button for every spelling.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../data/call.js';
import { useQuery } from '../../../data/use-query.js';
import { Link, navigate, seg } from '../../../router/hash-router.js';
import { GroupMergeDialog } from './GroupEditActions.js';
import { MergeDialog } from './MergeDialog.js';

type Merging = { entity: 'unit' | 'group'; from: string; others: string[] } | null;

export function CaseDuplicatesNotice() {
  const { t } = useTranslation('edits');
  const sets = useQuery(() => call('codes.caseDuplicates', {}), []);
  const [merging, setMerging] = useState<Merging>(null);
  if (!sets.data || sets.data.length === 0) return null;
  return (
    <section className="banner banner--warn case-duplicates" aria-labelledby="case-duplicates-title">
      <div className="banner__text">
        <strong className="banner__title" id="case-duplicates-title">
          {t('caseDuplicates.title')}
        </strong>
        <span className="banner__message">{t('caseDuplicates.body')}</span>
        <ul className="case-duplicates__list">
          {sets.data.map((s) => (
            <li key={`${s.entity}:${s.codes.join('|')}`}>
              <span className="muted">{t(`caseDuplicates.${s.entity}`)}: </span>
              {s.codes.map((code) => (
                <span key={code} className="case-duplicates__code">
                  {s.entity === 'unit' ? (
                    <Link to={`/units/${seg(code)}`} className="mono">
                      {code}
                    </Link>
                  ) : (
                    <span className="mono">{code}</span>
                  )}{' '}
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() =>
                      setMerging({ entity: s.entity, from: code, others: s.codes.filter((c) => c !== code) })
                    }
                  >
                    {t('caseDuplicates.mergeThis', { code })}
                  </button>
                </span>
              ))}
            </li>
          ))}
        </ul>
      </div>
      {merging?.entity === 'unit' ? (
        <MergeDialog
          entity="unit"
          from={merging.from}
          targets={merging.others.map((c) => ({ value: c, label: c }))}
          initialInto={merging.others[0]}
          onCancel={() => setMerging(null)}
          onDone={(into) => {
            setMerging(null);
            navigate(`/units/${seg(into)}`);
          }}
        />
      ) : null}
      {merging?.entity === 'group' ? (
        <GroupMergeDialog from={merging.from} initialInto={merging.others[0]} onClose={() => setMerging(null)} />
      ) : null}
    </section>
  );
}
