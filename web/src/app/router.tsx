import type { ComponentType } from 'react';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { RequireAuth } from './RequireAuth.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { RouteError } from './RouteError.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';

// Pages are loaded on first visit (code splitting); the shell and the login page come with the first load.
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  { path: '/login', lazy: page(() => import('./routes/login.tsx')), errorElement: <RouteError />, hydrateFallbackElement: <FullPageSpin /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="/units" replace /> },
          { path: 'my-tasks', lazy: page(() => import('./routes/my-tasks.tsx')) },
          { path: 'tasks/:id', lazy: page(() => import('./routes/task.tsx')) },
          { path: 'units', lazy: page(() => import('./routes/units.tsx')) },
          { path: 'units/:id', lazy: page(() => import('./routes/unit.tsx')) },
          { path: 'agencies', lazy: page(() => import('./routes/agencies.tsx')) },
          { path: 'plans', lazy: page(() => import('./routes/plans.tsx')) },
          { path: 'plans/import', lazy: page(() => import('./routes/plan-import.tsx')) },
          { path: 'plans/:id', lazy: page(() => import('./routes/plan.tsx')) },
          { path: 'plans/:id/board', lazy: page(() => import('./routes/plan-board.tsx')) },
          { path: 'reports', lazy: page(() => import('./routes/reports.tsx')) },
          { path: 'reports/entry', lazy: page(() => import('./routes/report-entry.tsx')) },
          { path: 'reports/completeness', lazy: page(() => import('./routes/reports-completeness.tsx')) },
          { path: 'reports/templates', lazy: page(() => import('./routes/reports-templates.tsx')) },
          { path: 'reports/catalogue', lazy: page(() => import('./routes/reports-catalogue.tsx')) },
          { path: 'indicators', lazy: page(() => import('./routes/indicators.tsx')) },
          { path: 'admin/users', lazy: page(() => import('./routes/users.tsx')) },
          { path: 'audit', lazy: page(() => import('./routes/audit.tsx')) },
          { path: 'account/password', lazy: page(() => import('./routes/password.tsx')) },
          { path: '*', lazy: page(() => import('./routes/not-found.tsx')) },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
