import { useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { BREAKDOWN_DIMENSIONS, REPORTING_LEVELS } from '../../../../../shared/domain/indicators.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { catalogueQueries, useCreateElement, useUpdateElement, type DataElementView } from '../api.ts';
import { ELEMENT_LEVEL_LABEL, VALUE_TYPE_LABEL, breakdownLabel, elementCreateBody, elementFormValues, elementPatch, type ElementFormValues, type Issue } from '../model.ts';
import { showIssues } from './form-issues.ts';
import { SourceTag } from './Tags.tsx';

/** Adds a data element (`element` undefined) or edits one; its shape is locked once figures exist. */
export function ElementDrawer({ provinceId, element: e, onClose }: { provinceId: string; element?: DataElementView; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ElementFormValues>();
  const create = useCreateElement();
  const update = useUpdateElement();
  const mutation = e ? update : create;
  const [unmatched, setUnmatched] = useState<Issue[]>([]);
  const breakdowns = Form.useWatch('breakdowns', form) ?? e?.breakdowns ?? [];
  // The server refuses a change of level, value type or breakdowns once a figure is reported: the figures
  // already stored would no longer fit the element.
  const locked = !!e && e.valueCount > 0;
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;

  const done = { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (err: unknown) => setUnmatched(showIssues(form, err)) };
  const submit = (v: ElementFormValues) => {
    if (!e) return create.mutate(elementCreateBody(provinceId, v), done);
    const patch = elementPatch(e, v);
    if (!patch) return onClose();
    update.mutate({ id: e.id, patch }, done);
  };
  const required = [{ required: true, message: t('catalogue.required') }];

  return (
    <Drawer
      open
      size={600}
      title={e ? t('catalogue.editElement') : t('catalogue.addElement')}
      onClose={onClose}
      destroyOnHidden
      data-testid="catalogue-element-drawer"
      extra={
        <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="catalogue-element-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={mutation.error} details={unmatched} />
      {stale && e ? (
        <Button icon={<ReloadOutlined />} onClick={() => void qc.invalidateQueries({ queryKey: catalogueQueries.view(provinceId).queryKey })} style={{ marginBottom: 16 }} data-testid="catalogue-reload">
          {t('catalogue.reload')}
        </Button>
      ) : null}
      {e ? (
        <Typography.Paragraph type="secondary">
          <SourceTag source={e.source} /> {t('catalogue.version', { version: e.version, at: formatDateTime(e.updatedAt) })}
          {e.updatedByName ? ` ${t('catalogue.updatedBy', { name: e.updatedByName })}` : ''}
        </Typography.Paragraph>
      ) : null}
      {locked ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('catalogue.lockedShape', { n: formatNumber(e.valueCount) })} data-testid="catalogue-locked" /> : null}
      <Form<ElementFormValues> form={form} layout="vertical" onFinish={submit} initialValues={elementFormValues(e)}>
        <Form.Item name="name" label={t('catalogue.field.name')} extra={t('catalogue.field.elementNameHint')} rules={[{ required: true, whitespace: true, message: t('catalogue.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="catalogue-element-name" />
        </Form.Item>
        {e ? (
          <Form.Item label={t('catalogue.field.code')} extra={t('catalogue.field.codeFixed')}>
            <Typography.Text code>{e.code}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="code" label={t('catalogue.field.codeOptional')} extra={t('catalogue.field.codeHint')}>
            <Input maxLength={60} style={{ maxWidth: 320 }} data-testid="catalogue-element-code" />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('catalogue.col.level')} extra={t('catalogue.field.levelHint')} rules={required}>
          <Radio.Group disabled={locked} data-testid="catalogue-element-level">
            {REPORTING_LEVELS.map((l) => (
              <Radio key={l} value={l}>
                {t(ELEMENT_LEVEL_LABEL[l])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="valueType" label={t('catalogue.col.valueType')} rules={required}>
          <Radio.Group disabled={locked}>
            {(['count', 'number'] as const).map((v) => (
              <Radio key={v} value={v}>
                {t(VALUE_TYPE_LABEL[v])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="breakdowns" label={t('catalogue.col.breakdowns')} extra={t('catalogue.field.breakdownsHint')}>
          <Checkbox.Group disabled={locked} options={BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: breakdownLabel(lang, d) }))} data-testid="catalogue-element-breakdowns" />
        </Form.Item>
        {breakdowns.includes('ageGroup') ? (
          <Form.Item
            name="ageGroups"
            label={t('catalogue.field.ageGroups')}
            extra={t('catalogue.field.ageGroupsHint')}
          >
            <Select mode="tags" disabled={locked} open={false} tokenSeparators={[';']} maxCount={20} placeholder="15-35; 36-60" data-testid="catalogue-element-age-groups" />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
