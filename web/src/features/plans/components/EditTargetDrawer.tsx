import { Button, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { COMPARATOR_LABEL, TARGET_GROUP_LABEL } from '../../../lib/labels.ts';
import { COMPARATOR_LIST } from '../labels.ts';
import { TARGET_GROUP_LIST, type DraftTarget } from '../model.ts';

type Values = Pick<DraftTarget, 'indicator' | 'comparator' | 'value' | 'unit' | 'year' | 'group'>;

/** Corrects a target the importer misread: its words, comparator, value, unit, year, group. */
export function EditTargetDrawer({ target, onSave, onClose }: { target: DraftTarget; onSave: (t: DraftTarget) => void; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, whitespace: true, message: t('import.required') }];
  return (
    <Drawer
      open
      size={480}
      title={t('import.editTarget')}
      onClose={onClose}
      destroyOnHidden
      data-testid="edit-target-drawer"
      extra={
        <Button type="primary" onClick={() => form.submit()} data-testid="edit-target-save">
          {t('import.apply')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={target}
        onFinish={(v) => onSave({ ...target, ...v, indicator: v.indicator.trim(), unit: v.unit.trim(), year: v.year ?? null })}
      >
        <Form.Item name="indicator" label={t('import.indicator')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="comparator" label={t('import.comparator')} rules={[{ required: true, message: t('import.required') }]} style={{ flex: '1 1 140px' }}>
            <Select options={COMPARATOR_LIST.map((c) => ({ value: c, label: t(COMPARATOR_LABEL[c]) }))} />
          </Form.Item>
          <Form.Item name="value" label={t('import.value')} rules={[{ required: true, message: t('import.required') }]} style={{ flex: '1 1 120px' }}>
            <InputNumber min={0} max={1e12} decimalSeparator="," style={{ width: '100%' }} data-testid="edit-target-value" />
          </Form.Item>
          <Form.Item name="unit" label={t('import.unit')} rules={required} style={{ flex: '1 1 100px' }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="year" label={t('import.year')} style={{ flex: '1 1 120px' }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="group" label={t('import.group')} rules={[{ required: true, message: t('import.required') }]} style={{ flex: '2 1 200px' }}>
            <Select options={TARGET_GROUP_LIST.map((g) => ({ value: g, label: t(TARGET_GROUP_LABEL[g]) }))} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
