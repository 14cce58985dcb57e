import { useState } from 'react';
import { Alert, App, Button, Form, Input, Switch } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import type { Role } from '../../../../../shared/domain/roles.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useReplaceGrants, useResetPassword, useUpdateUser, type UserView } from '../api.ts';
import { MIN_PASSWORD } from './CreateUserDrawer.tsx';
import { GrantsEditor, toGrantInputs, type GrantFormValue } from './GrantsEditor.tsx';

type Issues = { path: string; message: string }[];

export function UserProfileForm({ user }: { user: UserView }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; email: string | null; active: boolean }>();
  const update = useUpdateUser(user.id);
  const [unmatched, setUnmatched] = useState<Issues>([]);
  const done = { onSuccess: () => message.success(t('common.saved')), onError: (e: unknown) => setUnmatched(applyFieldErrors(form, e)) };
  const disabled = !user.abilities.edit;
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{ displayName: user.displayName, email: user.email, active: user.active }}
      onFinish={(v) => update.mutate({ displayName: v.displayName, email: v.email?.trim() ? v.email.trim() : null, active: v.active }, done)}
    >
      <ErrorAlert error={update.error} details={unmatched} />
      {user.locked ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('users.lockedNotice')}
          action={
            <Button size="small" icon={<UnlockOutlined />} loading={update.isPending} onClick={() => update.mutate({ unlock: true }, done)}>
              {t('users.unlock')}
            </Button>
          }
        />
      ) : null}
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="active" label={t('users.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function UserGrantsForm({ user, roles }: { user: UserView; roles: readonly Role[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grants: GrantFormValue[] }>();
  const replace = useReplaceGrants(user.id);
  const [unmatched, setUnmatched] = useState<Issues>([]);
  const labels: Record<string, string> = {};
  for (const g of user.grants) {
    if (g.unitId && g.unitName) labels[g.unitId] = g.unitName;
    if (g.agencyId && g.agencyName) labels[g.agencyId] = g.agencyName;
  }
  // A coordinator editing an account keeps roles they may not hand out visible (the server refuses changes to them).
  const allRoles = [...new Set([...roles, ...user.grants.map((g) => g.role)])];
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!user.abilities.editRoles}
      initialValues={{ grants: user.grants.map((g) => ({ role: g.role, unitId: g.unitId, agencyId: g.agencyId })) }}
      onFinish={(v) =>
        replace.mutate(toGrantInputs(v.grants), { onSuccess: () => message.success(t('common.saved')), onError: (e) => setUnmatched(applyFieldErrors(form, e)) })
      }
    >
      <ErrorAlert error={replace.error} details={unmatched} />
      <GrantsEditor roles={allRoles} labels={labels} />
      <Button type="primary" htmlType="submit" loading={replace.isPending} style={{ marginTop: 16 }}>
        {t('users.saveGrants')}
      </Button>
    </Form>
  );
}

export function UserPasswordForm({ user }: { user: UserView }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword(user.id);
  const [unmatched, setUnmatched] = useState<Issues>([]);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        reset.mutate(v.newPassword, {
          onSuccess: () => (message.success(t('users.passwordReset')), form.resetFields()),
          onError: (e) => setUnmatched(applyFieldErrors(form, e)),
        })
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('users.resetExplain')} />
      <ErrorAlert error={reset.error} details={unmatched} />
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: MIN_PASSWORD, message: t('password.tooShort', { n: MIN_PASSWORD }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" danger htmlType="submit" loading={reset.isPending}>
        {t('users.resetPassword')}
      </Button>
    </Form>
  );
}
