// English / हिंदी toggle in the header. The choice applies at once and is remembered.
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, switchLanguage } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'lang-switch__option is-active' : 'lang-switch__option'}
          aria-pressed={l === lang}
          lang={l}
          onClick={() => void switchLanguage(i18n, l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
