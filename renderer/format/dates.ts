// Dates are shown dd-mm-yyyy in India time everywhere (the way Bihar offices write them) and
// stored as ISO. The one implementation lives in the contract (`electron/contract/dates.ts`) so
// the screens, the exports and the HQ report (report.html and its PDF) write dates alike.
export { formatDate, formatDateTime, formatTime, parseDateInput, todayIso } from '../../electron/contract/dates.js';
