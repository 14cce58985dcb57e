import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Switch, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { toNamePath } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { PERIOD_KIND_LABEL } from '../labels.ts';
import { useProvinceCatalogue, useUpdateTemplate, type TemplateDetail } from '../templates-api.ts';
import { LEVEL_LABEL } from './TemplateCard.tsx';

type Values = {
  name: string;
  content: string;
  reporterAgencyIds: string[];
  receiver: string;
  transmission: string;
  dueDaysAfterCutoff: number;
  frequency: string;
  outline: { key: string; title: string; hint: string }[];
  elements: string[];
  instructions: string;
  legalBasis: string | null;
  active: boolean;
};
type Issue = { path: string; message: string };

/**
 * The server names a list item ("elements.2", "reporterAgencyIds.0"); a multiple select is one field, so the
 * message goes on the list's field. Returns the issues no field could show.
 */
function showFieldErrors(form: FormInstance<Values>, error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const unmatched: Issue[] = [];
  for (const d of error.details) {
    const field = registered.has(d.path) ? d.path : [...registered].find((r) => d.path.startsWith(`${r}.`));
    if (field) byField.set(field, [...(byField.get(field) ?? []), d.message]);
    else unmatched.push(d);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: toNamePath(name) as never, errors })));
  return unmatched;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Edits the parts of a template the coordinator may change (the server checks each; errors land on their fields). */
export function TemplateEditDrawer({ template: x, agencies, onClose, onReload }: { template: TemplateDetail; agencies: { id: string; name: string }[]; onClose: () => void; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateTemplate(x.id);
  const [unmatched, setUnmatched] = useState<Issue[]>([]);
  const conflict = update.error instanceof ApiError && update.error.status === 409;
  const catalogue = useProvinceCatalogue(x.provinceId);
  // The province's active elements of the template's level; one the template has though since retired stays
  // listed, so the coordinator sees it and can take it off.
  const offered = (catalogue.data?.elements ?? []).filter((e) => e.active && e.level === x.level);
  const elementOptions = [...offered, ...x.elements.filter((e) => !offered.some((o) => o.code === e.code))].map((e) => ({ value: e.code, label: e.name }));
  // An agency listed but no longer active stays visible, so the coordinator sees it and can take it off.
  const agencyOptions = [...agencies, ...x.reporterAgencies.filter((a) => !agencies.some((b) => b.id === a.id))].map((a) => ({ value: a.id, label: a.name }));
  const rule = required(t('reporting.tm.required'));

  const submit = (v: Values) =>
    update.mutate(
      {
        version: x.version,
        name: v.name,
        content: v.content,
        receiver: v.receiver,
        transmission: v.transmission,
        dueDaysAfterCutoff: v.dueDaysAfterCutoff,
        frequency: v.frequency,
        outline: v.outline.map((s) => ({ key: s.key, title: s.title, hint: s.hint ?? '' })),
        elements: v.elements,
        ...(x.reporterLevel === 'agency' ? { reporterAgencyIds: v.reporterAgencyIds } : {}),
        instructions: v.instructions,
        legalBasis: v.legalBasis?.trim() ? v.legalBasis : null,
        active: v.active,
      },
      { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (e) => setUnmatched(showFieldErrors(form, e)) },
    );

  return (
    <Drawer
      open
      size={640}
      title={t('reporting.tm.editTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="template-drawer"
      extra={
        <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="template-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={update.error} details={unmatched} />
      <ErrorAlert error={catalogue.error} />
      {conflict ? (
        <Button icon={<ReloadOutlined />} onClick={onReload} style={{ marginBottom: 16 }} data-testid="template-reload">
          {t('reporting.tm.reload')}
        </Button>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: x.name,
          content: x.content,
          reporterAgencyIds: x.reporterAgencies.map((a) => a.id),
          receiver: x.receiver,
          transmission: x.transmission,
          dueDaysAfterCutoff: x.dueDaysAfterCutoff,
          frequency: x.frequency,
          outline: x.outline,
          elements: x.elements.map((e) => e.code),
          instructions: x.instructions,
          legalBasis: x.legalBasis,
          active: x.active,
        }}
      >
        <Form.Item name="name" label={t('reporting.tm.part.name')} rules={rule}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="content" label={t('reporting.tm.part.content')} rules={rule}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        {x.reporterLevel === 'agency' ? (
          <Form.Item name="reporterAgencyIds" label={t('reporting.tm.part.reporters')} extra={t('reporting.tm.agenciesHint')}>
            <Select mode="multiple" allowClear options={agencyOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('reporting.tm.allAgencies')} data-testid="template-reporters" />
          </Form.Item>
        ) : (
          <Form.Item label={t('reporting.tm.part.reporters')} extra={t('reporting.tm.communeReporters')}>
            <Typography.Text>{t('reporting.tm.allCommunes')}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item name="receiver" label={t('reporting.tm.part.receiver')} rules={rule}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="transmission" label={t('reporting.tm.part.transmission')} rules={rule}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('reporting.tm.part.cutoff')} extra={t('reporting.tm.cutoffHint')}>
          <Typography.Text>{t(PERIOD_KIND_LABEL[x.periodKind])}</Typography.Text>
        </Form.Item>
        <Form.Item name="dueDaysAfterCutoff" label={t('reporting.tm.dueDaysLabel')} extra={t('reporting.tm.dueDaysHint')} rules={[{ required: true, message: t('reporting.tm.required') }]}>
          <InputNumber min={0} max={366} precision={0} style={{ width: 140 }} data-testid="template-due-days" />
        </Form.Item>
        <Form.Item name="frequency" label={t('reporting.tm.part.frequency')} rules={rule}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('reporting.tm.part.outline')}>
          <Form.List name="outline">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start" wrap data-testid="template-outline-row">
                    <Form.Item name={[f.name, 'key']} rules={rule} style={{ marginBottom: 0, width: 120 }}>
                      <Input placeholder={t('reporting.tm.outlineKey')} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={rule} style={{ marginBottom: 0, flex: '1 1 200px' }}>
                      <Input placeholder={t('reporting.tm.outlineTitle')} maxLength={300} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'hint']} style={{ marginBottom: 0, flex: '1 1 100%' }}>
                      <Input.TextArea placeholder={t('reporting.tm.outlineHint')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('reporting.tm.outlineRemove')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', title: '', hint: '' })} data-testid="template-outline-add">
                  {t('reporting.tm.outlineAdd')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="elements" label={t('reporting.tm.part.elements')} extra={t('reporting.tm.elementsHint', { level: t(LEVEL_LABEL[x.level]) })}>
          <Select mode="multiple" options={elementOptions} loading={catalogue.isPending} showSearch={{ optionFilterProp: 'label' }} data-testid="template-elements-select" />
        </Form.Item>
        <Form.Item name="instructions" label={t('reporting.tm.part.instructions')} rules={rule}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('reporting.tm.legalBasis')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="active" label={t('reporting.tm.active')} valuePropName="checked">
          <Switch data-testid="template-active-switch" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
