// "Reconcile with WhatsApp export" for one group (SPEC §6): choose the exported chat (the app's
// file dialog) → review the proposals (accept or reject each, choose the person for confirm rows,
// filter by kind) → apply (confirmed; one transaction, progress, cancel) → result with counts.
// Nothing is written before Apply; the backend computes the plan again when applying, so a row
// that no longer applies is skipped rather than forced.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { Pill } from '../../components/StatusBadge.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, seg } from '../../router/hash-router.js';
import type { Progress } from '../../api/index.js';
import { ExportHelp } from './ExportHelp.js';
import '../import/import.css';
import './reconcile.css';

type Plan = Res<'chat.preview'>;
type Proposal = Plan['proposals'][number];
type Applied = Res<'chat.apply'>;
type Action = Proposal['action'];
type Filter = 'all' | Action;

const FILTERS: readonly Filter[] = ['all', 'join', 'leave', 'number_change', 'confirm'];
const TONE: Record<Action, 'good' | 'bad' | 'warn' | 'neutral'> = {
  join: 'good',
  leave: 'bad',
  number_change: 'neutral',
  confirm: 'warn',
};

const memberValue = (m: { type: 'citizen' | 'staff'; id: number }) => `${m.type}:${m.id}`;
function parseMember(v: string): { type: 'citizen' | 'staff'; id: number } | null {
  const [type, id] = v.split(':');
  if ((type !== 'citizen' && type !== 'staff') || !id) return null;
  return { type, id: Number(id) };
}

/** Rows applied by default: matched by phone and possible. Confirm rows wait for a person. */
const defaultAccepted = (p: Plan) =>
  new Set(p.proposals.filter((x) => x.action !== 'confirm' && !x.blocked).map((x) => x.id));

export function ReconcilePage({ code }: { code: string }) {
  const { t } = useTranslation(['reconcile', 'common']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const group = useQuery(() => call('groups.get', { code }), [code]);
  const [step, setStep] = useState<'choose' | 'review' | 'applying' | 'result'>('choose');
  const [file, setFile] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<Applied | null>(null);
  const abort = useRef<AbortController | null>(null);

  const when = (at: string) => `${f.date(at.slice(0, 10))} ${at.slice(11, 16)}`;

  const choose = async () => {
    setError(null);
    setNotice(null);
    let path: string | null;
    try {
      path = (await call('dialog.openChatExport', {})).path;
    } catch (err) {
      setError(toErrorData(err));
      return;
    }
    if (!path) return;
    setBusy(true);
    try {
      const p = await call('chat.preview', { groupCode: code, file: path });
      setFile(path);
      setPlan(p);
      setAccepted(defaultAccepted(p));
      setChosen({});
      setFilter('all');
      setResult(null);
      setStep('review');
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: 0, join: 0, leave: 0, number_change: 0, confirm: 0 };
    for (const p of plan?.proposals ?? []) {
      c.all++;
      c[p.action]++;
    }
    return c;
  }, [plan]);

  const selected = useMemo(() => {
    if (!plan)
      return {
        accept: [] as string[],
        confirms: [] as { id: string; member: { type: 'citizen' | 'staff'; id: number } }[],
      };
    const accept: string[] = [];
    const confirms: { id: string; member: { type: 'citizen' | 'staff'; id: number } }[] = [];
    for (const p of plan.proposals) {
      if (!accepted.has(p.id) || p.blocked) continue;
      if (p.action === 'confirm') {
        const m = chosen[p.id] ? parseMember(chosen[p.id]!) : null;
        if (m) confirms.push({ id: p.id, member: m });
      } else accept.push(p.id);
    }
    return { accept, confirms };
  }, [plan, accepted, chosen]);
  const nSelected = selected.accept.length + selected.confirms.length;

  const toggle = (id: string, on: boolean) =>
    setAccepted((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const selectAll = (on: boolean) => {
    if (!plan) return;
    const visible = plan.proposals.filter((p) => filter === 'all' || p.action === filter);
    setAccepted((s) => {
      const n = new Set(s);
      for (const p of visible) {
        if (!on) n.delete(p.id);
        else if (!p.blocked && (p.action !== 'confirm' || chosen[p.id])) n.add(p.id);
      }
      return n;
    });
  };

  const apply = async () => {
    if (!plan || !file || nSelected === 0) return;
    const ok = await confirm({
      title: t('confirmTitle', { count: nSelected, name: plan.group.name }),
      body: t('confirmBody'),
      confirmLabel: t('confirmOk'),
    });
    if (!ok) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(null);
    setNotice(null);
    setProgress(null);
    setCancelling(false);
    setStep('applying');
    try {
      const r = await call(
        'chat.apply',
        { groupCode: code, file, accept: selected.accept, confirms: selected.confirms },
        { signal: ctrl.signal, onProgress: setProgress },
      );
      setResult(r);
      setStep('result');
      invalidate();
      toast({ message: t('result.toast', { count: r.applied, name: plan.group.name }) });
    } catch (err) {
      const data = toErrorData(err);
      if (data.code === 'CANCELLED') setNotice(t('cancelled'));
      else setError(data);
      setStep('review');
    } finally {
      abort.current = null;
      setCancelling(false);
    }
  };

  const startOver = () => {
    setStep('choose');
    setPlan(null);
    setFile(null);
    setResult(null);
    setError(null);
    setNotice(null);
  };

  if (group.error && !group.data) {
    return (
      <div className="page">
        <PageHeader title={t('title')} back={{ to: '/units', label: t('common:nav.units') }} />
        <ErrorBanner error={group.error} onRetry={group.reload} />
      </div>
    );
  }
  if (!group.data) {
    return (
      <div className="page">
        <p className="muted" role="status">
          {t('common:state.loading')}
        </p>
      </div>
    );
  }
  const g = group.data;
  const unitLabel = localName({ name: g.unitName, nameHi: g.unitNameHi }, f.lang);
  const stepIndex = step === 'choose' ? 0 : step === 'result' ? 2 : 1;

  const proposalName = (p: Proposal) => (p.action === 'confirm' && p.name === 'You' ? t('you') : (p.name ?? ''));

  const columns: Column<Proposal>[] = [
    {
      key: 'accept',
      header: t('col.accept'),
      align: 'center',
      width: '5rem',
      cell: (p) => {
        const needsPerson = p.action === 'confirm' && !chosen[p.id];
        return (
          <input
            type="checkbox"
            className="reconcile__check"
            checked={accepted.has(p.id) && !p.blocked && !needsPerson}
            disabled={!!p.blocked || needsPerson}
            onChange={(e) => toggle(p.id, e.target.checked)}
            aria-label={t('acceptRow', { what: `${t(`action.${p.action}`)} — ${proposalName(p)}` })}
          />
        );
      },
    },
    {
      key: 'action',
      header: t('col.action'),
      width: '9rem',
      cell: (p) => <Pill tone={TONE[p.action]}>{t(`action.${p.action}`)}</Pill>,
      sortValue: (p) => p.action,
    },
    {
      key: 'person',
      header: t('col.person'),
      cell: (p) => {
        if (p.action !== 'confirm') {
          return (
            <span>
              {p.name}
              <span className="muted small block mono">
                {p.phone}
                {p.newPhone ? ` → ${p.newPhone}` : ''}
              </span>
              {p.blocked ? <span className="field__error block">{t(`blocked.${p.blocked}`)}</span> : null}
            </span>
          );
        }
        const label = t('choosePersonLabel', { name: proposalName(p) });
        const candidates = p.candidates ?? [];
        const others = (plan?.members ?? []).filter((m) => !candidates.some((c) => c.type === m.type && c.id === m.id));
        return (
          <span className="reconcile__confirm">
            <span>
              <strong>“{proposalName(p)}”</strong>{' '}
              <span className="muted small">{t(`intent.${p.intent ?? 'join'}`)}</span>
            </span>
            <select
              className="input select reconcile__picker"
              aria-label={label}
              value={chosen[p.id] ?? ''}
              onChange={(e) => {
                const v = e.target.value;
                setChosen((c) => ({ ...c, [p.id]: v }));
                toggle(p.id, v !== '');
              }}
            >
              <option value="">{t('chooseNone')}</option>
              {candidates.length ? (
                <optgroup label={t('nameMatches')}>
                  {candidates.map((c) => (
                    <option key={memberValue(c)} value={memberValue(c)}>
                      {c.name}
                      {c.phone ? ` · ${c.phone}` : ''}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length ? (
                <optgroup label={t('groupMembers')}>
                  {others.map((m) => (
                    <option key={memberValue(m)} value={memberValue(m)}>
                      {m.active ? m.name : t('leftMember', { name: m.name })}
                      {m.phone ? ` · ${m.phone}` : ''}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </span>
        );
      },
      sortValue: (p) => p.name,
    },
    {
      key: 'evidence',
      header: t('col.evidence'),
      cell: (p) => (
        <span>
          {t(`reason.${p.reason}`, { at: when(p.at) })}
          {p.line > 0 ? <span className="muted small block">{t('line', { line: f.number(p.line) })}</span> : null}
        </span>
      ),
      sortValue: (p) => p.at,
    },
  ];

  const visible = plan ? plan.proposals.filter((p) => filter === 'all' || p.action === filter) : [];

  return (
    <div className="page reconcile">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { name: g.name, code: g.code })}
        back={{ to: `/units/${seg(g.unitCode)}`, label: t('back', { unit: unitLabel }) }}
      />
      <ol className="wizard-steps" aria-label={t('steps.label')}>
        {(['choose', 'review', 'result'] as const).map((s, i) => (
          <li
            key={s}
            className={`wizard-steps__item${i === stepIndex ? ' is-current' : ''}${i < stepIndex ? ' is-done' : ''}`}
            aria-current={i === stepIndex ? 'step' : undefined}
          >
            <span className="wizard-steps__num">{i + 1}</span> {t(`steps.${s}`)}
          </li>
        ))}
      </ol>
      {g.status === 'closed' ? <p className="banner banner--warn">{t('closedGroup')}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {notice ? (
        <p className="banner banner--info" role="status">
          {notice}
        </p>
      ) : null}

      {step === 'choose' ? (
        <>
          <section className="card reconcile__choose">
            <h2 className="card__title">{t('choose.heading')}</h2>
            <p>{t('choose.body')}</p>
            <p className="muted small">{t('choose.formats')}</p>
            <button type="button" className="btn btn--primary" onClick={() => void choose()} disabled={busy}>
              {t('choose.button')}
            </button>
            {busy ? (
              <p className="muted" role="status">
                {t('choose.reading')}
              </p>
            ) : null}
          </section>
          <ExportHelp />
        </>
      ) : null}

      {(step === 'review' || step === 'applying') && plan ? (
        <>
          <section className="card reconcile__summary" aria-label={t('steps.review')}>
            <dl className="dl-grid">
              <dt>{t('summary.file')}</dt>
              <dd className="mono small reconcile__file">{plan.file.path}</dd>
              <dt>{t('summary.format')}</dt>
              <dd>{t(`summary.${plan.chat.format}`)}</dd>
              {plan.span ? (
                <>
                  <dt>{t('summary.span')}</dt>
                  <dd>{t('summary.spanValue', { from: when(plan.span.from), to: when(plan.span.to) })}</dd>
                </>
              ) : null}
              <dt>{t('summary.events')}</dt>
              <dd>{f.number(plan.events.length)}</dd>
              <dt>{t('summary.messages')}</dt>
              <dd>{f.number(plan.chat.messages)}</dd>
            </dl>
            {plan.chat.notices.unrecognised ? (
              <p className="banner banner--warn">
                {t('summary.unrecognised', {
                  count: plan.chat.notices.unrecognised,
                  line: plan.chat.notices.firstUnrecognisedLine ?? 0,
                })}
              </p>
            ) : null}
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void choose()}
              disabled={step === 'applying'}
            >
              {t('summary.change')}
            </button>
          </section>

          <section className="section" aria-labelledby="reconcile-proposals">
            <div className="toolbar">
              <div className="segmented" role="group" aria-label={t('filter.label')} id="reconcile-proposals">
                {FILTERS.map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="segmented__option"
                    aria-pressed={filter === k}
                    onClick={() => setFilter(k)}
                  >
                    {t(`filter.${k}`, { count: counts[k] })}
                  </button>
                ))}
              </div>
              <span className="toolbar__spacer" />
              <button
                type="button"
                className="btn btn--small"
                onClick={() => selectAll(true)}
                disabled={!visible.length}
              >
                {t('acceptAll')}
              </button>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => selectAll(false)}
                disabled={!visible.length}
              >
                {t('rejectAll')}
              </button>
            </div>
            <DataTable
              caption={t('steps.review')}
              columns={columns}
              rows={visible}
              rowKey={(p) => p.id}
              rowClassName={(p) => (p.blocked ? 'row--closed' : undefined)}
              empty={
                <EmptyState
                  compact
                  title={plan.proposals.length ? t('empty.filtered') : t('empty.title')}
                  body={plan.proposals.length ? undefined : t('empty.body')}
                />
              }
            />
            {step === 'applying' ? (
              <ProgressBar
                label={t('applying')}
                done={progress?.done ?? 0}
                total={progress?.total ?? 0}
                detail={
                  progress?.phase === 'read' || progress?.phase === 'write' ? t(`phase.${progress.phase}`) : undefined
                }
                onCancel={() => {
                  setCancelling(true);
                  abort.current?.abort();
                }}
                cancelling={cancelling}
              />
            ) : (
              <div className="form-actions reconcile__apply">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={nSelected === 0 || g.status === 'closed'}
                  onClick={() => void apply()}
                >
                  {nSelected === 0 ? t('applyNone') : t('applyButton', { count: nSelected })}
                </button>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby="reconcile-not-in-register">
            <h2 id="reconcile-not-in-register" className="section__title">
              {t('notInRegister.heading', { count: plan.notInRegister.length })}
            </h2>
            {plan.notInRegister.length ? (
              <>
                <p className="muted small">{t('notInRegister.body')}</p>
                <ul className="reconcile__list">
                  {plan.notInRegister.map((x) => (
                    <li key={x.phone}>
                      <span className="mono">{x.phone}</span> —{' '}
                      {x.state === 'in' ? t('notInRegister.inGroup') : t('notInRegister.hasLeft')} (
                      {t(`reason.${x.reason}`, { at: when(x.at) })})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className="section" aria-labelledby="reconcile-not-in-chat">
            <h2 id="reconcile-not-in-chat" className="section__title">
              {t('notInChat.heading', { count: plan.notInChat.length })}
            </h2>
            {plan.notInChat.length ? (
              <>
                <p className="muted small">{t('notInChat.body')}</p>
                <details className="reconcile__details">
                  <summary>{t('notInChat.show')}</summary>
                  <ul className="reconcile__list reconcile__list--columns">
                    {plan.notInChat.map((m) => (
                      <li key={`${m.type}:${m.id}`}>
                        {m.name} {m.phone ? <span className="mono muted small">{m.phone}</span> : null}
                        {m.joinedOn ? (
                          <span className="muted small">
                            {' '}
                            · {t('notInChat.joinedOn', { date: f.date(m.joinedOn) })}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </>
            ) : (
              <p className="muted small">{t('notInChat.none')}</p>
            )}
          </section>
        </>
      ) : null}

      {step === 'result' && result && plan ? (
        <section className="card card--success reconcile__result" aria-labelledby="reconcile-result">
          <h2 id="reconcile-result" className="card__title">
            {t('result.heading')}
          </h2>
          <p>
            <strong>{t('result.applied', { count: result.applied })}</strong>
          </p>
          {result.applied === 0 ? <p className="muted">{t('result.nothing')}</p> : null}
          <dl className="dl-grid">
            <dt>{t('result.joined')}</dt>
            <dd data-testid="result-joined">{f.number(result.joined)}</dd>
            <dt>{t('result.left')}</dt>
            <dd data-testid="result-left">{f.number(result.left)}</dd>
            <dt>{t('result.numbers')}</dt>
            <dd>{f.number(result.numbersChanged)}</dd>
            {result.skipped ? (
              <>
                <dt>{t('result.skipped')}</dt>
                <dd>{f.number(result.skipped)}</dd>
              </>
            ) : null}
          </dl>
          <div className="form-actions reconcile__result-actions">
            <Link to="/members" query={{ group: g.code }} className="btn btn--primary">
              {t('result.members')}
            </Link>
            <Link to={`/units/${seg(g.unitCode)}`} className="btn">
              {t('result.unit')}
            </Link>
            <button type="button" className="btn" onClick={startOver}>
              {t('result.again')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
