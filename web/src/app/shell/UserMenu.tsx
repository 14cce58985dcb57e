import { Avatar, Button, Dropdown } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api.ts';
import { useI18n } from '../../lib/i18n-context.tsx';
import { roleLabel } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useIsPhone } from './useIsPhone.ts';

export function UserMenu() {
  const { t, lang } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const phone = useIsPhone();
  const roles = [...new Set(me.grants.map((g) => roleLabel(lang, g.role)))].join(', ');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: <span>{me.displayName}<br /><small>{me.username} · {roles}</small></span> },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('user.changePassword')}</span>, onClick: () => navigate('/account/password') },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="menu-logout">{t('user.logout')}</span>,
            onClick: () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ color: 'inherit', maxWidth: phone ? 48 : 260 }} aria-label={t('user.menu')}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#0958d9' }} />
        {phone ? null : <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
