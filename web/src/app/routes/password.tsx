import { App, Card } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChangePasswordForm } from '../../features/auth/components/ChangePasswordForm.tsx';
import { useT } from '../../lib/i18n-context.tsx';
import { useMe } from '../../lib/session.tsx';

export default function PasswordPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        <ChangePasswordForm
          forced={me.mustChangePassword}
          onDone={() => {
            message.success(t('password.changed'));
            navigate('/units', { replace: true });
          }}
        />
      </Card>
    </>
  );
}
