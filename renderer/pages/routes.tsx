// The route table: one entry per page, first match wins. Add a page here (see README.md).
import type { ReactNode } from 'react';
import type { Params } from '../router/hash-router.js';
import { DashboardPage } from './dashboard/DashboardPage.js';
import { UnitsPage } from './units/UnitsPage.js';
import { UnitPage } from './units/UnitPage.js';
import { MembersPage } from './members/MembersPage.js';
import { PersonPage } from './people/PersonPage.js';
import { StaffPage } from './staff/StaffPage.js';
import { StaffDetailPage } from './staff/StaffDetailPage.js';
import { ImportPage } from './import/ImportPage.js';
import { SendPage } from './send/SendPage.js';
import { BackupsPage } from './backup/BackupsPage.js';
import { ReconcilePage } from './reconcile/ReconcilePage.js';
import { PolicyPage } from './hq/PolicyPage.js';
import { HelpPage } from './help/HelpPage.js';

export interface PageProps {
  params: Params;
  query: URLSearchParams;
}

export interface PageRoute {
  /** `/units/:code` — `:name` segments arrive decoded in `params`. */
  path: string;
  render: (p: PageProps) => ReactNode;
}

export const ROUTES: readonly PageRoute[] = [
  { path: '/dashboard', render: ({ query }) => <DashboardPage query={query} /> },
  { path: '/units', render: ({ query }) => <UnitsPage query={query} /> },
  { path: '/units/:code', render: ({ params, query }) => <UnitPage code={params.code!} query={query} /> },
  { path: '/members', render: ({ query }) => <MembersPage query={query} /> },
  { path: '/members/person/:id', render: ({ params }) => <PersonPage id={params.id!} /> },
  { path: '/staff', render: ({ query }) => <StaffPage query={query} /> },
  { path: '/staff/:serviceNo', render: ({ params }) => <StaffDetailPage serviceNo={params.serviceNo!} /> },
  { path: '/import', render: ({ query }) => <ImportPage query={query} /> },
  { path: '/send', render: ({ query }) => <SendPage query={query} /> },
  { path: '/backups', render: () => <BackupsPage /> },
  { path: '/units/:unit/groups/:code/reconcile', render: ({ params }) => <ReconcilePage code={params.code!} /> },
  { path: '/policy', render: ({ query }) => <PolicyPage query={query} /> },
  { path: '/help', render: () => <HelpPage /> },
];

/** Where '/' (and the app's start) goes. */
export const HOME = '/dashboard';
