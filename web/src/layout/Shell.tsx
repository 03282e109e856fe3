import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { allows } from '../../../src/contracts/access/principal';
import type { Principal } from '../../../src/contracts/access/principal';
import type { Permission } from '../../../src/contracts/access/roles';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const NAV: readonly { to: string; label: MessageKey; needs: Permission }[] = [
  { to: '/', label: 'nav.overview', needs: 'aggregates.read' },
  { to: '/migration', label: 'nav.migration', needs: 'aggregates.read' },
  { to: '/customers', label: 'nav.customers', needs: 'customers.read' },
  { to: '/risk', label: 'nav.risk', needs: 'customers.read' },
  { to: '/config', label: 'nav.config', needs: 'configs.read' },
  { to: '/runs', label: 'nav.runs', needs: 'runs.read' },
  { to: '/reports', label: 'nav.reports', needs: 'aggregates.read' },
  { to: '/allocation', label: 'nav.allocation', needs: 'allocation.read' },
  { to: '/visits', label: 'nav.visits', needs: 'visits.read' },
  { to: '/experiments', label: 'nav.experiments', needs: 'experiments.read' },
];

/** The pages a caller may open, by the same permissions the API checks. */
export const visibleNav = (user: Principal) => NAV.filter((n) => allows(user, n.needs));

export function Shell({ user, children }: { user: Principal; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { logout } = useAuth();
  return (
    <div className="shell">
      <header>
        <span className="brand">{t('appName')}</span>
        <nav aria-label="main">
          {visibleNav(user).map((n) => (
            <NavLink key={n.to} to={n.to} end={n.to === '/'}>
              {t(n.label)}
            </NavLink>
          ))}
        </nav>
        <div className="user" aria-label={t('user.role')}>
          <span>
            {user.name} · {user.role}
          </span>
          <button type="button" className="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('lang.switch')}
          </button>
          <button type="button" onClick={() => void logout()}>
            {t('user.logout')}
          </button>
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
