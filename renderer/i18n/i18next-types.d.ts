// Typed translation keys: `t('nav.dashboard')` compiles, `t('nav.dashbord')` does not.
import 'i18next';
import type { namespaces } from './index.js';

type Resources = { [K in keyof typeof namespaces]: (typeof namespaces)[K]['en'] };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
