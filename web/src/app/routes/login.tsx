import { Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageToggle } from '../../components/LanguageToggle.tsx';
import { LoginForm } from '../../features/auth/components/LoginForm.tsx';
import { useT } from '../../lib/i18n-context.tsx';
import { useMeQuery } from '../../lib/session.tsx';

/** Only same-site paths: a crafted ?next= must not send people elsewhere after they sign in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/units';
}

export default function LoginPage() {
  const t = useT();
  const me = useMeQuery();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (me.data) return <Navigate to={me.data.mustChangePassword ? '/account/password' : next} replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e6f4ff, #f5f7fa)' }}>
      <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login-page">
        <Flex justify="space-between" align="start" style={{ marginBottom: 8 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              XHHT
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LanguageToggle />
        </Flex>
        <Typography.Title level={5}>{t('login.title')}</Typography.Title>
        <LoginForm onDone={() => navigate(next, { replace: true })} />
      </Card>
    </Flex>
  );
}
