import { useState } from 'react';
import { App, Button, Drawer, Form, Input } from 'antd';
import type { Role } from '../../../../../shared/domain/roles.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useCreateUser } from '../api.ts';
import { GrantsEditor, toGrantInputs, type GrantFormValue } from './GrantsEditor.tsx';

type Values = { username: string; displayName: string; email?: string; password: string; grants: GrantFormValue[] };

export const MIN_PASSWORD = 10;

/** A new account: it must change the initial password at first login (the server sets that). */
export function CreateUserDrawer({ roles, onClose }: { roles: readonly Role[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  const submit = (v: Values) =>
    create.mutate(
      { username: v.username.trim(), displayName: v.displayName, email: v.email?.trim() ? v.email.trim() : null, password: v.password, grants: toGrantInputs(v.grants) },
      {
        onSuccess: (u) => {
          message.success(t('users.created', { username: u.username }));
          onClose();
        },
        onError: (e) => setUnmatched(applyFieldErrors(form, e)),
      },
    );
  return (
    <Drawer
      open
      size={640}
      title={t('users.createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="user-create-drawer"
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="user-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={create.error} details={unmatched} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ grants: [{}] }} autoComplete="off">
        <Form.Item name="username" label={t('users.username')} extra={t('users.usernameHint')} rules={[{ required: true, message: t('users.usernameRequired') }]}>
          <Input maxLength={50} data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input maxLength={120} data-testid="user-displayname" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input maxLength={200} data-testid="user-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.initialPasswordHint', { n: MIN_PASSWORD })}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: MIN_PASSWORD, message: t('password.tooShort', { n: MIN_PASSWORD }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <GrantsEditor roles={roles} />
      </Form>
    </Drawer>
  );
}
