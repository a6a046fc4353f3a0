// The dashboard: the district's compliance at a glance (SPEC §4 rules R1–R7).
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    title: 'Dashboard',
    generatedAt: 'As of {{when}} · policy v{{version}}',
  },
  {
    title: 'डैशबोर्ड',
    generatedAt: '{{when}} की स्थिति · नीति संस्करण {{version}}',
  },
);
