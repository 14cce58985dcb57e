import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../lib/api.ts';
import { useT } from '../lib/i18n-context.tsx';
import { MeProvider, useMeQuery } from '../lib/session.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';

export const PASSWORD_PATH = '/account/password';

/** The authenticated part of the app: sends anonymous visitors to the login page and a person whose
 * password was set by someone else to the password page before anything else. */
export function RequireAuth() {
  const t = useT();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) {
    return <FullPageSpin />;
  }
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t('error.serverUnreachable')}
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('error.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return (
    <MeProvider me={me.data}>
      <Outlet />
    </MeProvider>
  );
}
