// The left navigation, in order. `key` names the label in the common namespace (`nav.<key>`);
// `shortcut` is the Alt+digit that jumps there.
export interface NavItem {
  key: 'dashboard' | 'units' | 'members' | 'staff' | 'importExport' | 'sendToHq' | 'backups' | 'policy';
  path: string;
  shortcut: string;
  icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', shortcut: '1', icon: '▦' },
  { key: 'units', path: '/units', shortcut: '2', icon: '⌂' },
  { key: 'members', path: '/members', shortcut: '3', icon: '☷' },
  { key: 'staff', path: '/staff', shortcut: '4', icon: '★' },
  { key: 'importExport', path: '/import', shortcut: '5', icon: '⇅' },
  { key: 'sendToHq', path: '/send', shortcut: '6', icon: '✉' },
  { key: 'backups', path: '/backups', shortcut: '7', icon: '⛁' },
  { key: 'policy', path: '/policy', shortcut: '8', icon: '§' },
];

/** The nav item a path belongs to (`/units/PAT-T-1` → units). */
export function navItemFor(path: string): NavItem | undefined {
  return NAV_ITEMS.find((n) => path === n.path || path.startsWith(n.path + '/'));
}
