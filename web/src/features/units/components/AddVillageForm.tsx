import { useState } from 'react';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { VILLAGE_KINDS } from '../../../../../shared/domain/units.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useAddVillage, type UnitDetail, type VillageInput } from '../api.ts';

/** "Thêm thôn, tổ dân phố": shown only when the server says this person may (abilities.addVillage). */
export function AddVillageForm({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageInput>();
  const add = useAddVillage(unit.id);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  return (
    <Card title={t('units.addVillage')} style={{ marginBottom: 16 }} data-testid="add-village">
      <ErrorAlert error={add.error} details={unmatched} />
      <Form<VillageInput>
        form={form}
        layout="inline"
        initialValues={{ kind: unit.kind === 'xã' ? 'ấp' : 'khóm' }}
        style={{ rowGap: 8 }}
        onFinish={(values) =>
          add.mutate(values, {
            onSuccess: (v) => {
              message.success(t('units.villageAdded', { name: v.name }));
              form.resetFields(['name']);
              setUnmatched([]);
            },
            onError: (e) => setUnmatched(applyFieldErrors(form, e)),
          })
        }
      >
        <Form.Item name="kind" rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={VILLAGE_KINDS.map((k) => ({ value: k, label: k }))} aria-label={t('units.kind')} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('units.villageNameRequired') }]}>
          <Input placeholder={t('units.villageName')} maxLength={200} style={{ width: 240, maxWidth: '100%' }} data-testid="village-name" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="village-submit">
            {t('common.add')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
