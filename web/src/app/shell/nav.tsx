import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import type { Me } from '../../../../shared/contracts/auth.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { T } from '../../lib/i18n-context.tsx';

type Module = { path: string; label: MessageKey; icon: ReactNode; show?: (me: Me) => boolean };

export const MODULES: Module[] = [
  { path: '/my-tasks', label: 'nav.myTasks', icon: <CheckSquareOutlined /> },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { path: '/agencies', label: 'nav.agencies', icon: <BankOutlined /> },
  { path: '/plans', label: 'nav.plans', icon: <ScheduleOutlined /> },
  { path: '/reports', label: 'nav.reports', icon: <BarChartOutlined /> },
  { path: '/reports/templates', label: 'reporting.nav.templates', icon: <FormOutlined />, show: (me) => me.grants.some((g) => g.role === 'coordinator' || g.role === 'systemAdmin') },
  { path: '/reports/catalogue', label: 'catalogue.nav', icon: <DatabaseOutlined />, show: (me) => me.grants.some((g) => g.role === 'coordinator' || g.role === 'systemAdmin') },
  { path: '/indicators', label: 'reporting.nav.indicators', icon: <FundOutlined /> },
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, show: (me) => me.abilities.manageUsers === true },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, show: (me) => me.abilities.viewAudit === true },
];

// Modules of the platform still to come: listed so people see where it is going, but not clickable.
const COMING: { key: string; label: MessageKey; icon: ReactNode }[] = [
  { key: 'evaluation', label: 'nav.evaluation', icon: <FileDoneOutlined /> },
  { key: 'centres', label: 'nav.centres', icon: <HomeOutlined /> },
  { key: 'records', label: 'nav.records', icon: <IdcardOutlined /> },
  { key: 'resources', label: 'nav.resources', icon: <BookOutlined /> },
  { key: 'media', label: 'nav.media', icon: <NotificationOutlined /> },
];

export function menuItems(me: Me, t: T, onNavigate?: () => void): MenuProps['items'] {
  return [
    ...MODULES.filter((m) => !m.show || m.show(me)).map((m) => ({
      key: m.path,
      icon: m.icon,
      label: (
        <Link to={m.path} onClick={onNavigate} data-testid={`nav-${m.path.split('/').pop()}`}>
          {t(m.label)}
        </Link>
      ),
    })),
    { type: 'divider' as const },
    {
      key: 'coming',
      type: 'group' as const,
      label: t('nav.comingGroup'),
      children: COMING.map((c) => ({
        key: c.key,
        icon: c.icon,
        disabled: true,
        label: (
          <span title={t('nav.comingSoon')}>
            {t(c.label)} <small style={{ opacity: 0.7 }}>({t('nav.comingSoon')})</small>
          </span>
        ),
      })),
    },
  ];
}

/** The menu entry a path belongs to (/units/123 → /units). */
export function selectedKey(pathname: string): string {
  // A task's page is reached from "Việc của tôi".
  if (pathname.startsWith('/tasks/')) return '/my-tasks';
  // The longest match: /reports/templates and /reports/catalogue have their own entries under /reports.
  const match = MODULES.map((m) => m.path)
    .filter((p) => pathname === p || pathname.startsWith(p + '/'))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? '';
}
