import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useRetireUnit, useUpdateUnit, type UnitDetail } from '../api.ts';

/** Rename or end a unit (villages entered locally; the official list only by the administrator). */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const [open, setOpen] = useState<'edit' | 'retire' | null>(null);
  return (
    <>
      {unit.abilities.edit ? (
        <Button icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="unit-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {unit.abilities.retire ? (
        <Button danger icon={<StopOutlined />} onClick={() => setOpen('retire')} data-testid="unit-retire">
          {t('units.retire')}
        </Button>
      ) : null}
      {open === 'edit' ? <EditUnitModal unit={unit} onClose={() => setOpen(null)} /> : null}
      {open === 'retire' ? <RetireUnitModal unit={unit} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function EditUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; kind: string }>();
  const update = useUpdateUnit(unit.id);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  return (
    <Modal open title={t('units.editTitle', { name: unit.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <ErrorAlert error={update.error} details={unmatched} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: unit.name, kind: unit.kind }}
        onFinish={(v) =>
          update.mutate(v, {
            onSuccess: () => (message.success(t('common.saved')), onClose()),
            onError: (e) => setUnmatched(applyFieldErrors(form, e)),
          })
        }
      >
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RetireUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const retire = useRetireUnit(unit.id);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  return (
    <Modal open title={t('units.retireTitle', { name: unit.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={retire.isPending} okButtonProps={{ danger: true }} okText={t('units.retire')} cancelText={t('common.cancel')}>
      <p>{t('units.retireExplain')}</p>
      <ErrorAlert error={retire.error} details={unmatched} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          retire.mutate(
            { validTo: v.validTo.format('YYYY-MM-DD') },
            { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (e) => setUnmatched(applyFieldErrors(form, e)) },
          )
        }
      >
        <Form.Item name="validTo" label={t('units.validTo')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
