// A screen's filtered list written to CSV or XLSX (issue #11).
import { exportList } from '../../services/lists/export-list.js';
import { implement } from '../define.js';

export const listHandlers = implement({
  'lists.export': (a, ctx) => exportList(a, ctx.now()),
});
