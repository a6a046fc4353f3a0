// The one place screens reach the backend: `call('units.list', { type: 'thana' })` returns the
// typed result or throws an ApiError ({ code, message, details }). Names, arguments and
// results are checked by the compiler against the handler map's type. The transport (Electron
// IPC or the browser harness) is the API client's business (renderer/api/README.md); tests
// swap it with `api.useTransport(...)`.
import { api, type ApiClient } from '../api/index.js';

export type { Args, Res, CallOptions } from '../api/index.js';

export const call: ApiClient['call'] = (name, ...rest) => api.call(name, ...rest);

/** Paths the backend can read for files dropped on the page, in order (null: none). */
export const pathsForFiles: ApiClient['pathsForFiles'] = (files) => api.pathsForFiles(files);
