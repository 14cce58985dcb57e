import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUpdatePlan, type PlanDetail } from '../api.ts';
import { STATUS_LABEL } from '../labels.ts';
import type { PlanStatus } from '../model.ts';
import { PlanSelect } from './PlanSelect.tsx';

type Values = {
  title: string;
  number: string | null;
  issuer: string | null;
  signer: string | null;
  issuedOn: Dayjs | null;
  periodStart: number | null;
  periodEnd: number | null;
  status: PlanStatus;
  implementsPlanId: string | null;
  amendsPlanId: string | null;
};

const STATUSES: PlanStatus[] = ['draft', 'inForce', 'superseded'];
const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The header of a committed plan, its status and the plans it implements or amends (coordinator). */
export function EditPlanDrawer({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePlan(plan.id);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  const status = Form.useWatch('status', form);
  const amends = Form.useWatch('amendsPlanId', form);

  const submit = (v: Values) =>
    update.mutate(
      {
        title: v.title,
        number: text(v.number),
        issuer: text(v.issuer),
        signer: text(v.signer),
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
        periodStart: v.periodStart ?? null,
        periodEnd: v.periodEnd ?? null,
        status: v.status,
        implementsPlanId: v.implementsPlanId ?? null,
        amendsPlanId: v.amendsPlanId ?? null,
      },
      { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (e) => setUnmatched(applyFieldErrors(form, e)) },
    );

  return (
    <Drawer
      open
      size={560}
      title={t('plans.editTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="plan-edit-drawer"
      extra={
        <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="plan-edit-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={update.error} details={unmatched} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: plan.title,
          number: plan.number,
          issuer: plan.issuer,
          signer: plan.signer,
          issuedOn: plan.issuedOn ? dayjs(plan.issuedOn) : null,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          status: plan.status,
          implementsPlanId: plan.implementsPlanId,
          amendsPlanId: plan.amendsPlanId,
        }}
      >
        <Form.Item name="title" label={t('plans.title')} rules={[{ required: true, whitespace: true, message: t('import.titleRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={1000} data-testid="plan-edit-title" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="number" label={t('plans.number')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={100} data-testid="plan-edit-number" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('plans.issuedOn')} style={{ flex: '1 1 160px' }}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="issuer" label={t('plans.issuer')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="signer" label={t('plans.signer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="periodStart" label={t('import.periodStart')} style={{ flex: '1 1 120px' }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('import.periodEnd')} style={{ flex: '1 1 120px' }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label={t('plans.status')} style={{ flex: '1 1 160px' }}>
            <Select options={STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))} data-testid="plan-edit-status" />
          </Form.Item>
        </Flex>
        <Form.Item name="implementsPlanId" label={t('plans.implementsPlan')}>
          <PlanSelect provinceId={plan.provinceId} exclude={[plan.id]} known={[plan.implementsPlan]} placeholder={t('plans.noLink')} data-testid="plan-edit-implements" />
        </Form.Item>
        <Form.Item name="amendsPlanId" label={t('plans.amendsPlan')}>
          <PlanSelect provinceId={plan.provinceId} exclude={[plan.id]} known={[plan.amendsPlan]} placeholder={t('plans.noLink')} data-testid="plan-edit-amends" />
        </Form.Item>
        {amends && status === 'inForce' && (plan.status !== 'inForce' || amends !== plan.amendsPlanId) ? <Alert type="info" showIcon title={t('plans.supersedeHint')} data-testid="plan-edit-supersede" /> : null}
      </Form>
    </Drawer>
  );
}
