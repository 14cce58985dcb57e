import { Suspense, useState } from 'react';
import { Button, Drawer, Layout, Menu, Spin } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation } from 'react-router';
import { LanguageToggle } from '../../components/LanguageToggle.tsx';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.tsx';
import { useT } from '../../lib/i18n-context.tsx';
import { useMe } from '../../lib/session.tsx';
import { menuItems, selectedKey } from './nav.tsx';
import { useIsPhone } from './useIsPhone.ts';
import { UserMenu } from './UserMenu.tsx';

const SIDER_WIDTH = 248;

function Brand() {
  const t = useT();
  return (
    <div className="xhht-brand">
      XHHT
      <small>{t('app.tagline')}</small>
    </div>
  );
}

/** Sidebar on desktop, a Drawer behind a menu button on phones; a minimal frame while the password must change. */
export function AppShell() {
  const t = useT();
  const me = useMe();
  const phone = useIsPhone();
  const location = useLocation();
  const [drawer, setDrawer] = useState(false);
  const restricted = me.mustChangePassword;
  const nav = (close?: () => void) => (
    <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={menuItems(me, t, close)} data-testid="nav-menu" />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && !restricted ? (
        <Layout.Sider width={SIDER_WIDTH} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <Brand />
          {nav()}
        </Layout.Sider>
      ) : null}
      {phone && !restricted ? (
        <Drawer
          open={drawer}
          placement="left"
          size={SIDER_WIDTH + 32}
          onClose={() => setDrawer(false)}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          data-testid="nav-drawer"
        >
          <Brand />
          {nav(() => setDrawer(false))}
        </Drawer>
      ) : null}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 12px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          {phone && !restricted ? (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('nav.open')} data-testid="nav-toggle" />
          ) : null}
          {phone || restricted ? <strong>XHHT</strong> : null}
          <div style={{ flex: 1 }} />
          <LanguageToggle />
          {restricted ? null : <NotificationBell />}
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="xhht-content" style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
