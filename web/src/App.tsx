import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth';
import { useI18n } from './i18n/i18n';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/LoginPage';

// Each page is its own chunk (ECharts is large): the first load fetches only the page opened.
const AllocationPage = lazy(() =>
  import('./pages/AllocationPage').then((m) => ({ default: m.AllocationPage })),
);
const ConfigPage = lazy(() => import('./pages/ConfigPage').then((m) => ({ default: m.ConfigPage })));
const CustomerPage = lazy(() => import('./pages/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const CustomersPage = lazy(() => import('./pages/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const ExperimentsPage = lazy(() =>
  import('./pages/ExperimentsPage').then((m) => ({ default: m.ExperimentsPage })),
);
const MigrationPage = lazy(() => import('./pages/MigrationPage').then((m) => ({ default: m.MigrationPage })));
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const RiskPage = lazy(() => import('./pages/RiskPage').then((m) => ({ default: m.RiskPage })));
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RunsPage = lazy(() => import('./pages/RunsPage').then((m) => ({ default: m.RunsPage })));
const VisitsPage = lazy(() => import('./pages/VisitsPage').then((m) => ({ default: m.VisitsPage })));

export function App() {
  const { user } = useAuth();
  const { t } = useI18n();
  if (user === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (user === null) return <LoginPage />;
  return (
    <BrowserRouter>
      <Shell user={user}>
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/migration" element={<MigrationPage />} />
            <Route path="/customers" element={<CustomersPage />} />
            <Route path="/customers/:id" element={<CustomerPage />} />
            <Route path="/risk" element={<RiskPage />} />
            <Route path="/config" element={<ConfigPage />} />
            <Route path="/runs" element={<RunsPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/allocation" element={<AllocationPage />} />
            <Route path="/visits" element={<VisitsPage />} />
            <Route path="/experiments" element={<ExperimentsPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
