// The window's title names the open register (issue #11): "Siwan (SIW) — siwan.sqlite — Samooh",
// so a clerk with the demo and the real register open one after the other always sees which one
// is in front (Electron shows the page's title in the title bar and the taskbar).
import { useEffect } from 'react';
import type { AppStatus } from '../app-status.js';

export function windowTitle(status: AppStatus | undefined, lang: 'en' | 'hi'): string {
  const d = status?.district;
  if (!status?.hasRegister || !d) return 'Samooh';
  const name = lang === 'hi' && d.nameHi ? d.nameHi : d.name;
  const file = status.registerFile ? status.registerFile.split(/[\\/]/).pop() : null;
  return [`${name} (${d.code})`, file, 'Samooh'].filter(Boolean).join(' — ');
}

export function useWindowTitle(status: AppStatus | undefined, lang: 'en' | 'hi'): void {
  const title = windowTitle(status, lang);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
