import { Drawer, Skeleton, Tabs } from 'antd';
import type { Role } from '../../../../../shared/domain/roles.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUser } from '../api.ts';
import { UserGrantsForm, UserPasswordForm, UserProfileForm } from './UserForms.tsx';

/** One account: profile (name, email, active, unlock), its grants, and a password reset. */
export function EditUserDrawer({ id, roles, onClose }: { id: string; roles: readonly Role[]; onClose: () => void }) {
  const t = useT();
  const user = useUser(id);
  const u = user.data;
  return (
    <Drawer open size={640} title={u ? `${u.displayName} (${u.username})` : t('users.editTitle')} onClose={onClose} destroyOnHidden data-testid="user-edit-drawer">
      {user.isPending ? <Skeleton active /> : null}
      {user.isError ? <ErrorAlert error={user.error} /> : null}
      {u ? (
        <Tabs
          items={[
            { key: 'profile', label: t('users.tabProfile'), children: <UserProfileForm user={u} /> },
            { key: 'grants', label: t('users.tabGrants'), children: <UserGrantsForm user={u} roles={roles} /> },
            ...(u.abilities.resetPassword ? [{ key: 'password', label: t('users.tabPassword'), children: <UserPasswordForm user={u} /> }] : []),
          ]}
        />
      ) : null}
    </Drawer>
  );
}
