// What the whole app knows about the open register (from `app.status`): which district, the
// data folder, and a way to re-read it after creating or opening a register.
import { createContext, useContext } from 'react';
import type { Res } from './data/call.js';

export type AppStatus = Res<'app.status'>;

export interface AppStatusValue {
  status: AppStatus;
  reload: () => void;
}

export const AppStatusContext = createContext<AppStatusValue | null>(null);

export function useAppStatus(): AppStatusValue {
  const v = useContext(AppStatusContext);
  if (!v) throw new Error('useAppStatus needs the App above it');
  return v;
}
