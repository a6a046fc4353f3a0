// The manual inside the app (F1, issue #11): first run, importing the old register, the rules
// R1–R7 in a clerk's words, sending to HQ, restoring a backup. Words in the `help` namespace.
//
// Screenshots: help/shots/<topic>.<lang>.png, made by tests/e2e/help-screenshots.spec.ts from the
// demo district and committed, so the app ships them (Vite emits them as files under assets/;
// the CSP allows img-src 'self'). A topic shows the picture in the current language, else the
// English one.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import '../../styles/registers.css';

const SECTIONS = ['firstRun', 'import', 'rules', 'send', 'backup', 'keys'] as const;
type Section = (typeof SECTIONS)[number];

const PARAGRAPHS: Record<Section, readonly string[]> = {
  firstRun: ['p1', 'p2', 'p3'],
  import: ['p1', 'p2', 'p3'],
  rules: ['intro'],
  send: ['p1', 'p2', 'p3'],
  backup: ['p1', 'p2', 'p3'],
  keys: ['p1'],
};

/** The topics with a screenshot, and the file name each has under help/shots/. */
export const SHOT_FILES = {
  firstRun: 'first-run',
  import: 'import',
  rules: 'rules',
  send: 'send',
  backup: 'backup',
} as const satisfies Partial<Record<Section, string>>;
type ShotTopic = keyof typeof SHOT_FILES;

const SHOT_URLS = import.meta.glob<string>('../../help/shots/*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});

function shotUrl(topic: ShotTopic, lang: string): string | undefined {
  const at = (l: string) => SHOT_URLS[`../../help/shots/${SHOT_FILES[topic]}.${l}.png`];
  return at(lang) ?? at('en');
}

const RULES = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'] as const;

export function HelpPage() {
  const { t, i18n } = useTranslation('help');
  const lang = i18n.language.startsWith('hi') ? 'hi' : 'en';
  // Keys are built from the tables above, all of which exist in both languages (typed namespace).
  const say = (key: string) => t(key as never);
  return (
    <div className="page help">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav className="card help__contents" aria-label={t('contents')}>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={`#help-${s}`}
                onClick={(e) => {
                  // The app routes on the hash; jump within the page instead.
                  e.preventDefault();
                  const target = document.getElementById(`help-${s}`);
                  target?.scrollIntoView({ block: 'start' });
                  target?.focus({ preventScroll: true });
                }}
              >
                {say(`${s}.title`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s} className="card help__section" aria-labelledby={`help-${s}`}>
          <h2 id={`help-${s}`} tabIndex={-1}>
            {say(`${s}.title`)}
          </h2>
          {PARAGRAPHS[s].map((p) => (
            <p key={p}>{say(`${s}.${p}`)}</p>
          ))}
          {s in SHOT_FILES ? <Shot topic={s as ShotTopic} lang={lang} alt={say(`shots.${s}`)} /> : null}
          {s === 'rules' ? (
            <>
              <ul className="help__rules">
                {RULES.map((r) => (
                  <li key={r}>{say(`rules.${r}`)}</li>
                ))}
              </ul>
              <p>{t('rules.p1')}</p>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function Shot({ topic, lang, alt }: { topic: ShotTopic; lang: 'en' | 'hi'; alt: string }) {
  const src = shotUrl(topic, lang);
  if (!src) return null;
  return (
    <figure className="help__shot">
      <img src={src} alt={alt} data-help-shot={topic} />
      <figcaption className="muted small">{alt}</figcaption>
    </figure>
  );
}
