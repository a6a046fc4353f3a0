// One search box across the register (issue #11): Ctrl+K (or the header's button) opens it from
// any screen, even while typing in a field; it looks up units, groups, people (members, by name
// or phone in any written form) and staff at once; ↑/↓ move through the results, Enter opens
// one, Esc closes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/lists.css';
import { Modal } from '../components/Modal.js';
import { call } from '../data/call.js';
import { useFormat } from '../format/use-format.js';
import { navigate, seg } from '../router/hash-router.js';
import { formatPhone } from '../pages/members/member-format.js';

interface Hit {
  key: string;
  kind: 'unit' | 'group' | 'person' | 'staff';
  title: string;
  detail: string;
  path: string;
}

const PER_KIND = 6;

const BY_NAME = { column: 'name', dir: 'asc' } as const;

/** Opens on Ctrl+K / Cmd+K anywhere in the app. */
export function useGlobalSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
        if (document.querySelector('[aria-modal="true"]')) return;
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

export function GlobalSearch({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('lists');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const mine = ++seq.current;
    if (q.length < 2) {
      setHits(null);
      return;
    }
    const timer = window.setTimeout(() => {
      void (async () => {
        try {
          const [units, groups, members, staff] = await Promise.all([
            call('units.list', { search: q }),
            call('groups.list', { search: q }),
            // People and staff by name (a stable order: the same text lists the same hits).
            call('members.search', { query: q, state: 'all', sort: BY_NAME, offset: 0, limit: 30 }),
            call('staff.list', { query: q, sort: BY_NAME, offset: 0, limit: PER_KIND }),
          ]);
          if (mine !== seq.current) return;
          const name = (x: { name: string; nameHi?: string | null }) =>
            f.lang === 'hi' && x.nameHi ? x.nameHi : x.name;
          const people = new Map<number, Hit>();
          for (const m of members.rows) {
            if (m.memberType !== 'citizen' || people.has(m.memberId) || people.size >= PER_KIND) continue;
            people.set(m.memberId, {
              key: `p${m.memberId}`,
              kind: 'person',
              title: m.name,
              detail: [formatPhone(m.phone), m.locality, m.groupName].filter(Boolean).join(' · '),
              path: `/members/person/${seg(m.memberId)}`,
            });
          }
          setHits([
            ...units.slice(0, PER_KIND).map((u): Hit => ({
              key: `u${u.code}`,
              kind: 'unit',
              title: name(u),
              detail: `${u.code} · ${tc(`unitType.${u.type}`)}`,
              path: `/units/${seg(u.code)}`,
            })),
            ...groups.slice(0, PER_KIND).map((g): Hit => ({
              key: `g${g.code}`,
              kind: 'group',
              title: g.name,
              detail: `${g.code} · ${f.lang === 'hi' && g.unitNameHi ? g.unitNameHi : g.unitName}`,
              path: `/members`,
            })),
            ...people.values(),
            ...staff.rows.map((s): Hit => ({
              key: `s${s.serviceNo}`,
              kind: 'staff',
              title: s.name,
              detail: `${s.serviceNo} · ${f.lang === 'hi' ? s.rankHi : s.rankEn} · ${f.lang === 'hi' && s.unitNameHi ? s.unitNameHi : s.unitName}`,
              path: `/staff/${seg(s.serviceNo)}`,
            })),
          ]);
          setActive(0);
          setFailed(false);
        } catch {
          if (mine === seq.current) setFailed(true);
        }
      })();
    }, 150);
    return () => window.clearTimeout(timer);
  }, [text, f.lang, tc]);

  // A group opens as its members list (the list a clerk wants from a group's name).
  const open = (h: Hit) => {
    onClose();
    if (h.kind === 'group') navigate('/members', { group: h.key.slice(1) });
    else navigate(h.path);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!hits || hits.length === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const h = hits[active];
      if (h) open(h);
    }
  };

  const activeId = hits && hits[active] ? `gs-${hits[active].key}` : undefined;
  return (
    <Modal title={t('search.title')} onClose={onClose} closeOnBackdrop size="medium">
      <div className="global-search">
        <label className="field">
          <span className="field__label">{t('search.label')}</span>
          <input
            className="input"
            type="search"
            role="combobox"
            aria-expanded={Boolean(hits && hits.length)}
            aria-controls="global-search-results"
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            value={text}
            placeholder={t('search.placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            data-autofocus
            autoComplete="off"
          />
        </label>
        <p className="muted global-search__hint">{t('search.hint')}</p>
        {failed ? <p role="alert">{t('search.failed')}</p> : null}
        {hits && hits.length === 0 ? (
          <p role="status" className="muted">
            {t('search.none', { text: text.trim() })}
          </p>
        ) : null}
        {hits && hits.length > 0 ? (
          <ul
            id="global-search-results"
            role="listbox"
            className="global-search__results"
            aria-label={t('search.title')}
          >
            {hits.map((h, i) => (
              <li
                key={h.key}
                id={`gs-${h.key}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'global-search__hit is-active' : 'global-search__hit'}
                onMouseEnter={() => setActive(i)}
                onClick={() => open(h)}
              >
                <span className={`global-search__kind global-search__kind--${h.kind}`}>
                  {t(`search.kind.${h.kind}`)}
                </span>
                <span className="global-search__title">{h.title}</span>
                <span className="global-search__detail muted">{h.detail}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Modal>
  );
}

/** The header's way in, for the mouse (and a reminder of Ctrl+K). */
export function GlobalSearchButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('lists');
  return (
    <button type="button" className="btn btn--ghost btn--small" onClick={onOpen} aria-keyshortcuts="Control+K">
      {t('search.open')}
    </button>
  );
}
