// Where "Export chat" is on a phone: three small drawn screens per platform (Android: ⋮ → More →
// Export chat → Without media; iPhone: group name → Export Chat → Without Media). Inline SVG,
// drawn here: no image files, no network, and the labels come from the translation table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const W = 132;
const H = 220;
const GAP = 26;
const GREEN = '#075e54';
const HIGHLIGHT = '#c0392b';

/** One phone screen at column `i` (0-2), with a step number badge. */
function Screen({ i, step, children }: { i: number; step: number; children: ReactNode }) {
  const x = i * (W + GAP);
  return (
    <g transform={`translate(${x} 0)`}>
      <rect x={0.5} y={0.5} width={W - 1} height={H - 1} rx={14} fill="#fff" stroke="#3d4650" strokeWidth={2} />
      <rect x={44} y={6} width={44} height={5} rx={2.5} fill="#c8cdd2" />
      {children}
      <circle cx={W - 4} cy={4} r={11} fill={HIGHLIGHT} />
      <text x={W - 4} y={8} textAnchor="middle" fontSize={12} fontWeight={700} fill="#fff">
        {step}
      </text>
    </g>
  );
}

function Arrow({ i }: { i: number }) {
  const x = i * (W + GAP) + W + 4;
  return <path d={`M${x} ${H / 2} h${GAP - 10} m-6 -5 l6 5 l-6 5`} fill="none" stroke="#3d4650" strokeWidth={2} />;
}

/** Chat bubbles: the rest of a screen, in grey. */
function Bubbles({ y }: { y: number }) {
  return (
    <g fill="#e7ebee">
      <rect x={10} y={y} width={70} height={14} rx={5} />
      <rect x={50} y={y + 22} width={72} height={14} rx={5} fill="#dcf8c6" />
      <rect x={10} y={y + 44} width={86} height={14} rx={5} />
      <rect x={10} y={y + 66} width={56} height={14} rx={5} />
    </g>
  );
}

function MenuItem({
  y,
  label,
  on,
  x = 44,
  w = 84,
}: {
  y: number;
  label: string;
  on?: boolean;
  x?: number;
  w?: number;
}) {
  return (
    <g>
      {on ? (
        <rect x={x} y={y - 12} width={w} height={18} rx={3} fill="#fdecea" stroke={HIGHLIGHT} strokeWidth={2} />
      ) : null}
      <text x={x + 6} y={y + 1} fontSize={10} fill={on ? HIGHLIGHT : '#1f2933'} fontWeight={on ? 700 : 400}>
        {label}
      </text>
    </g>
  );
}

export function AndroidPicture() {
  const { t } = useTranslation('reconcile');
  return (
    <svg
      className="export-help__picture"
      viewBox={`-2 -16 ${3 * W + 2 * GAP + 18} ${H + 20}`}
      role="img"
      aria-label={t('help.androidAlt')}
    >
      <Screen i={0} step={1}>
        <rect x={2} y={16} width={W - 4} height={28} fill={GREEN} />
        <circle cx={18} cy={30} r={8} fill="#cfd8dc" />
        <rect x={32} y={25} width={54} height={9} rx={2} fill="#e0f2f1" />
        <g fill="#fff">
          <circle cx={116} cy={23} r={2} />
          <circle cx={116} cy={30} r={2} />
          <circle cx={116} cy={37} r={2} />
        </g>
        <circle cx={116} cy={30} r={11} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} />
        <Bubbles y={60} />
      </Screen>
      <Arrow i={0} />
      <Screen i={1} step={2}>
        <rect x={2} y={16} width={W - 4} height={28} fill={GREEN} />
        <Bubbles y={60} />
        <rect x={30} y={22} width={98} height={110} rx={4} fill="#fff" stroke="#b0b8bf" />
        <MenuItem y={40} label="…" />
        <MenuItem y={60} label="…" />
        <MenuItem y={80} label="…" />
        <MenuItem y={112} label={`${t('help.picMore')}  ›`} on x={32} w={94} />
        <rect x={14} y={140} width={110} height={44} rx={4} fill="#fff" stroke="#b0b8bf" />
        <MenuItem y={166} label={t('help.picExport')} on x={16} w={106} />
      </Screen>
      <Arrow i={1} />
      <Screen i={2} step={3}>
        <rect x={2} y={16} width={W - 4} height={28} fill={GREEN} />
        <Bubbles y={60} />
        <rect x={2} y={16} width={W - 4} height={H - 18} rx={12} fill="#000" opacity={0.35} />
        <rect x={10} y={84} width={112} height={74} rx={6} fill="#fff" />
        <rect x={20} y={94} width={70} height={8} rx={2} fill="#c8cdd2" />
        <MenuItem y={124} label={t('help.picWithout')} on x={16} w={100} />
        <MenuItem y={146} label={t('help.picInclude')} x={16} w={100} />
      </Screen>
    </svg>
  );
}

export function IphonePicture() {
  const { t } = useTranslation('reconcile');
  return (
    <svg
      className="export-help__picture"
      viewBox={`-2 -16 ${3 * W + 2 * GAP + 18} ${H + 20}`}
      role="img"
      aria-label={t('help.iphoneAlt')}
    >
      <Screen i={0} step={1}>
        <rect x={2} y={16} width={W - 4} height={30} fill="#f6f6f6" />
        <circle cx={42} cy={31} r={8} fill="#cfd8dc" />
        <rect x={54} y={26} width={48} height={9} rx={2} fill="#5f6b76" />
        <rect x={34} y={19} width={76} height={24} rx={5} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} />
        <text x={72} y={58} textAnchor="middle" fontSize={9} fill={HIGHLIGHT} fontWeight={700}>
          {t('help.picTapName')}
        </text>
        <Bubbles y={72} />
      </Screen>
      <Arrow i={0} />
      <Screen i={1} step={2}>
        <rect x={2} y={16} width={W - 4} height={H - 18} rx={12} fill="#f2f2f7" />
        <circle cx={66} cy={46} r={16} fill="#cfd8dc" />
        <text x={66} y={78} textAnchor="middle" fontSize={9} fill="#5f6b76">
          {t('help.picGroupInfo')}
        </text>
        <rect x={10} y={90} width={112} height={96} rx={6} fill="#fff" />
        <MenuItem y={106} label="…" x={12} w={108} />
        <MenuItem y={128} label="…" x={12} w={108} />
        <MenuItem y={152} label={t('help.picExportIos')} on x={12} w={108} />
        <MenuItem y={176} label="…" x={12} w={108} />
      </Screen>
      <Arrow i={1} />
      <Screen i={2} step={3}>
        <rect x={2} y={16} width={W - 4} height={H - 18} rx={12} fill="#f2f2f7" />
        <rect x={2} y={16} width={W - 4} height={H - 18} rx={12} fill="#000" opacity={0.35} />
        <rect x={8} y={128} width={116} height={56} rx={8} fill="#fff" />
        <MenuItem y={148} label={t('help.picAttach')} x={12} w={108} />
        <MenuItem y={172} label={t('help.picWithoutIos')} on x={12} w={108} />
        <rect x={8} y={190} width={116} height={20} rx={8} fill="#fff" />
      </Screen>
    </svg>
  );
}

export function ExportHelp() {
  const { t } = useTranslation('reconcile');
  return (
    <section className="card export-help" aria-labelledby="export-help-title">
      <h2 id="export-help-title" className="card__title">
        {t('help.heading')}
      </h2>
      <div className="export-help__grid">
        <figure className="export-help__figure">
          <figcaption>
            <strong>{t('help.android')}</strong> — {t('help.androidSteps')}
          </figcaption>
          <AndroidPicture />
        </figure>
        <figure className="export-help__figure">
          <figcaption>
            <strong>{t('help.iphone')}</strong> — {t('help.iphoneSteps')}
          </figcaption>
          <IphonePicture />
        </figure>
      </div>
      <p className="muted small">{t('help.send')}</p>
    </section>
  );
}
