import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useLogin, type LoginInput } from '../api.ts';

export function LoginForm({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const login = useLogin();
  return (
    <Form<LoginInput>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess: () => onDone?.() })}
      data-testid="login-form"
    >
      <ErrorAlert error={login.error} />
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
