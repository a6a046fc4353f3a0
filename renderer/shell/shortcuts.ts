// App-wide keyboard shortcuts. They are ignored while the clerk types in a field (except the
// Alt combinations, which never produce text) and while a dialog is open.
import { useEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { navigate } from '../router/hash-router.js';
import { currentLanguage, switchLanguage } from '../i18n/index.js';
import { NAV_ITEMS } from './nav-items.js';

export interface ShortcutHelp {
  keys: string;
  /** Key in the common namespace's `shortcuts` table. */
  what:
    | 'goDashboard'
    | 'goUnits'
    | 'goMembers'
    | 'goStaff'
    | 'goImport'
    | 'goSend'
    | 'goBackups'
    | 'goPolicy'
    | 'focusSearch'
    | 'submit'
    | 'cancel'
    | 'help'
    | 'manual'
    | 'language';
}

export const SHORTCUTS: readonly ShortcutHelp[] = [
  { keys: 'Alt+1', what: 'goDashboard' },
  { keys: 'Alt+2', what: 'goUnits' },
  { keys: 'Alt+3', what: 'goMembers' },
  { keys: 'Alt+4', what: 'goStaff' },
  { keys: 'Alt+5', what: 'goImport' },
  { keys: 'Alt+6', what: 'goSend' },
  { keys: 'Alt+7', what: 'goBackups' },
  { keys: 'Alt+8', what: 'goPolicy' },
  { keys: '/', what: 'focusSearch' },
  { keys: 'Enter', what: 'submit' },
  { keys: 'Esc', what: 'cancel' },
  { keys: 'Alt+L', what: 'language' },
  { keys: '?', what: 'help' },
  { keys: 'F1', what: 'manual' },
];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function dialogOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function useGlobalShortcuts(i18n: I18n, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // F1 opens the manual from anywhere, also from a field (it never types text).
      if (e.key === 'F1' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        if (!dialogOpen()) navigate('/help');
        return;
      }
      if (dialogOpen()) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const item = NAV_ITEMS.find((n) => e.code === `Digit${n.shortcut}` || e.key === n.shortcut);
        if (item) {
          e.preventDefault();
          navigate(item.path);
          return;
        }
        if (e.code === 'KeyL') {
          e.preventDefault();
          void switchLanguage(i18n, currentLanguage(i18n) === 'en' ? 'hi' : 'en');
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLElement>('[data-page-search]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === '?') {
        e.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [i18n, openHelp]);
}
