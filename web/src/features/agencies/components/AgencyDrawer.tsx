import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Switch } from 'antd';
import { AGENCY_KINDS } from '../../../../../shared/domain/agencies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { agencyKindLabel } from '../../../lib/labels.ts';
import { searchUnitOptions, useCreateAgency, useUpdateAgency, type Agency, type AgencyCreate } from '../api.ts';

type Values = AgencyCreate & { active: boolean };

/** Create (agency undefined) or edit an agency of the catalogue; the server decides who may. */
export function AgencyDrawer({ agency, onClose }: { agency?: Agency; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAgency();
  const update = useUpdateAgency(agency?.id ?? '');
  const mutation = agency ? update : create;
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);

  const submit = (v: Values) => {
    const common = { kind: v.kind, name: v.name, shortName: v.shortName?.trim() ? v.shortName : null, abbreviations: v.abbreviations ?? [] };
    const done = { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (e: unknown) => setUnmatched(applyFieldErrors(form, e)) };
    if (agency) update.mutate({ ...common, active: v.active }, done);
    else create.mutate({ ...common, unitId: v.unitId }, done);
  };

  return (
    <Drawer
      open
      size={520}
      title={agency ? t('agencies.editTitle') : t('agencies.createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="agency-drawer"
      extra={
        <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="agency-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={mutation.error} details={unmatched} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          agency
            ? { unitId: agency.unitId, kind: agency.kind, name: agency.name, shortName: agency.shortName, abbreviations: agency.abbreviations, active: agency.active }
            : { abbreviations: [], active: true }
        }
      >
        <Form.Item name="unitId" label={t('agencies.unit')} rules={[{ required: true, message: t('agencies.unitRequired') }]}>
          <RemoteSelect cacheKey={['agency-unit']} search={searchUnitOptions} initialLabel={agency?.unitName} disabled={!!agency} />
        </Form.Item>
        <Form.Item name="kind" label={t('agencies.kind')} rules={[{ required: true, message: t('agencies.kindRequired') }]}>
          <Select options={AGENCY_KINDS.map((k) => ({ value: k, label: agencyKindLabel(lang, k) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('agencies.name')} rules={[{ required: true, whitespace: true, message: t('agencies.nameRequired') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="shortName" label={t('agencies.shortName')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="abbreviations" label={t('agencies.abbreviations')} extra={t('agencies.abbreviationsHint')}>
          <Select mode="tags" open={false} tokenSeparators={[';']} maxCount={20} />
        </Form.Item>
        {agency ? (
          <Form.Item name="active" label={t('agencies.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
