import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useChangePassword } from '../api.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export const MIN_PASSWORD = 10;

export function ChangePasswordForm({ forced, onDone }: { forced: boolean; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="password-form"
      onFinish={({ currentPassword, newPassword }) =>
        change.mutate(
          { currentPassword, newPassword },
          { onSuccess: onDone, onError: (e) => setUnmatched(applyFieldErrors(form, e)) },
        )
      }
    >
      {forced ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('password.forced')} data-testid="password-forced" /> : null}
      <ErrorAlert error={change.error} details={unmatched} />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint', { n: MIN_PASSWORD })}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: MIN_PASSWORD, message: t('password.tooShort', { n: MIN_PASSWORD }) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
