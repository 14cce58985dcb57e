import { Button, Card, Flex, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_SCOPE, type Role } from '../../../../../shared/domain/roles.ts';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { roleLabel } from '../../../lib/labels.ts';
import { agencySearchFor, unitSearchFor, type GrantInput } from '../api.ts';

export type GrantFormValue = { role?: Role; unitId?: string | null; agencyId?: string | null };

/** Form values → what the API takes: only the scope the role needs is sent. */
export function toGrantInputs(values: GrantFormValue[] | undefined): GrantInput[] {
  return (values ?? [])
    .filter((g): g is GrantFormValue & { role: Role } => !!g.role)
    .map((g) => {
      const scope = ROLE_SCOPE[g.role];
      return { role: g.role, ...(scope === 'unit' ? { unitId: g.unitId ?? null } : {}), ...(scope === 'agency' ? { agencyId: g.agencyId ?? null } : {}) };
    });
}

type Props = { roles: readonly Role[]; labels?: Record<string, string> };

/** One or more grants, each a role and the unit or agency it is held within (Form.List "grants"). */
export function GrantsEditor({ roles, labels = {} }: Props) {
  const { t } = useI18n();
  return (
    <Form.List name="grants">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="grants-editor">
          {fields.map((field) => (
            <GrantRow key={field.key} name={field.name} roles={roles} labels={labels} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="grant-add">
            {t('users.addGrant')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function GrantRow({ name, roles, labels, onRemove }: { name: number; roles: readonly Role[]; labels: Record<string, string>; onRemove?: () => void }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const role = Form.useWatch(['grants', name, 'role'], form) as Role | undefined;
  const scope = role ? ROLE_SCOPE[role] : undefined;
  return (
    <Card size="small" data-testid={`grant-${name}`}>
      <Flex gap={8} align="start" wrap>
        <Form.Item
          name={[name, 'role']}
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
          style={{ flex: '1 1 220px', marginBottom: 8 }}
        >
          <Select<Role>
            data-testid={`grant-role-${name}`}
            options={roles.map((r) => ({ value: r, label: roleLabel(lang, r) }))}
            onChange={() => {
              // A new role needs its own kind of scope: the previous choice no longer applies.
              form.setFieldValue(['grants', name, 'unitId'], null);
              form.setFieldValue(['grants', name, 'agencyId'], null);
            }}
          />
        </Form.Item>
        {scope === 'unit' ? (
          <Form.Item name={[name, 'unitId']} label={t('users.scopeUnit')} rules={[{ required: true, message: t('users.scopeRequired') }]} style={{ flex: '2 1 260px', marginBottom: 8 }}>
            <RemoteSelect
              cacheKey={['grant-unit', role]}
              search={unitSearchFor(role!)}
              initialLabel={labels[form.getFieldValue(['grants', name, 'unitId']) ?? '']}
              data-testid={`grant-unit-${name}`}
            />
          </Form.Item>
        ) : scope === 'agency' ? (
          <Form.Item name={[name, 'agencyId']} label={t('users.scopeAgency')} rules={[{ required: true, message: t('users.scopeRequired') }]} style={{ flex: '2 1 260px', marginBottom: 8 }}>
            <RemoteSelect
              cacheKey={['grant-agency', role]}
              search={agencySearchFor(role!)}
              initialLabel={labels[form.getFieldValue(['grants', name, 'agencyId']) ?? '']}
              data-testid={`grant-agency-${name}`}
            />
          </Form.Item>
        ) : scope === 'none' ? (
          <Typography.Text type="secondary" style={{ flex: '2 1 260px', paddingTop: 34 }}>
            {t('users.scopeNone')}
          </Typography.Text>
        ) : null}
        {onRemove ? (
          <Button danger type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('users.removeGrant')} style={{ marginTop: 30 }} />
        ) : null}
      </Flex>
    </Card>
  );
}
