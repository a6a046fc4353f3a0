// Units (thanas, OPs, district centre, divisions) and their WhatsApp groups.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    title: 'Units & groups',
  },
  {
    title: 'इकाइयाँ एवं समूह',
  },
);
