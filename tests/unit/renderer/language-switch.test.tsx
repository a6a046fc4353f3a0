// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../renderer/shell/LanguageSwitch.js';
import { handleMenuEvent } from '../../../renderer/shell/menu-events.js';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from '../../../renderer/i18n/index.js';
import { renderWithApp } from './render.js';

function Labels() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('nav.units')}</h1>
      <p>{t('unitType.op')}</p>
    </>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('language switch', () => {
  it('switches the whole page to Hindi at once and remembers the choice', async () => {
    const user = userEvent.setup();
    const { i18n } = renderWithApp(
      <>
        <LanguageSwitch />
        <Labels />
      </>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Units & groups');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'हिंदी' }));
    expect(screen.getByRole('heading').textContent).toBe('इकाइयाँ एवं समूह');
    expect(screen.getByText('सहायक थाना / ओपी')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'हिंदी' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('hi');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('hi');
    expect(storedLanguage()).toBe('hi');
    expect(i18n.language).toBe('hi');

    // The Electron menu's Language → English does the same.
    await act(async () => handleMenuEvent(i18n, 'language-en'));
    expect(screen.getByRole('heading').textContent).toBe('Units & groups');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language, and in English when storage holds nonsense', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'hi');
    renderWithApp(<Labels />, { lang: storedLanguage() });
    expect(screen.getByRole('heading').textContent).toBe('इकाइयाँ एवं समूह');
    cleanup();
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('en');
  });
});
