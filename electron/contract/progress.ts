// Progress of long work (imports, bundles, backups), as every transport carries it to the UI.

export interface Progress {
  /** A stable step name the UI translates: 'read', 'validate', 'write', 'hash', 'zip' … */
  phase: string;
  done: number;
  total: number;
  message?: string;
}
