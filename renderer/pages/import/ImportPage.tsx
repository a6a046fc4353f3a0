// Import / Export: the import wizard and the register export, as two tabs. The File menu opens
// this page with `?step=choose` (start an import, open the picker) or `?tab=export`.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { setQuery } from '../../router/hash-router.js';
import { ExportPanel } from './ExportPanel.js';
import { ImportWizard } from './ImportWizard.js';
import '../members/members.css';
import './import.css';

const TABS = ['import', 'export'] as const;
type Tab = (typeof TABS)[number];

export function ImportPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation('import');
  const tab: Tab = query.get('tab') === 'export' ? 'export' : 'import';
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ import: null, export: null });

  // `?step=choose` is a one-off request: act on it, then take it out of the address so a reload
  // or Back does not open the picker again.
  const [chooseRequest, setChooseRequest] = useState(0);
  const wantsChoose = query.get('step') === 'choose';
  useEffect(() => {
    if (!wantsChoose) return;
    setChooseRequest((n) => n + 1);
    setQuery({ step: null, tab: null });
  }, [wantsChoose]);

  const select = (next: Tab) => setQuery({ tab: next === 'import' ? null : next });
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'Home'
        ? TABS[0]
        : e.key === 'End'
          ? TABS[TABS.length - 1]
          : TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    select(next!);
    tabRefs.current[next!]?.focus();
  };

  return (
    <div className="page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x}
            ref={(el) => {
              tabRefs.current[x] = el;
            }}
            type="button"
            role="tab"
            id={`import-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`import-panel-${x}`}
            tabIndex={tab === x ? 0 : -1}
            className={`tabs__tab${tab === x ? ' is-active' : ''}`}
            onClick={() => select(x)}
          >
            {t(`tabs.${x}`)}
          </button>
        ))}
      </div>
      {/* The wizard stays mounted on the export tab, so a half-done import is not lost. */}
      <div role="tabpanel" id="import-panel-import" aria-labelledby="import-tab-import" hidden={tab !== 'import'}>
        <ImportWizard chooseRequest={chooseRequest} />
      </div>
      <div role="tabpanel" id="import-panel-export" aria-labelledby="import-tab-export" hidden={tab !== 'export'}>
        <ExportPanel />
      </div>
    </div>
  );
}
