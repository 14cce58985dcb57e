import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { TARGET_GROUPS } from '../../../../../shared/contracts/plan-import.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { TARGET_GROUP_LABEL } from '../../../lib/labels.ts';
import { catalogueQueries, useCreateIndicator, useUpdateIndicator, type CatalogueView, type IndicatorView } from '../api.ts';
import {
  cellInWords,
  elementOptions,
  formulaElements,
  formulaInWords,
  formulaOf,
  indicatorCreateBody,
  indicatorFormValues,
  indicatorPatch,
  namesOf,
  optionMatches,
  type IndicatorFormValues,
  type Issue,
} from '../model.ts';
import { showIssues } from './form-issues.ts';
import { SourceTag } from './Tags.tsx';

/** Adds an indicator (`indicator` undefined) or edits one: a ratio of two elements, or the total of one. */
export function IndicatorDrawer({ catalogue, indicator: x, onClose }: { catalogue: CatalogueView; indicator?: IndicatorView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<IndicatorFormValues>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const mutation = x ? update : create;
  const [unmatched, setUnmatched] = useState<Issue[]>([]);
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const provinceId = catalogue.province.id;
  const nameOf = namesOf(catalogue.elements);
  const formula = Form.useWatch('formula', form) ?? indicatorFormValues(x).formula;
  const kind = formula?.kind ?? 'ratio';
  // A retired element the indicator still reads stays listed, so the form shows it and it can be replaced.
  const options = elementOptions(catalogue.elements, { keep: x ? formulaElements(x.formula).map((code) => ({ code, name: nameOf(code) })) : [] });
  const search = { filterOption: (input: string, option?: { label?: unknown }) => optionMatches(input, option?.label) };
  const required = [{ required: true, message: t('catalogue.required') }];
  const cell = cellInWords(x?.breakdown);

  const done = { onSuccess: () => (message.success(t('common.saved')), onClose()), onError: (err: unknown) => setUnmatched(showIssues(form, err)) };
  const submit = (v: IndicatorFormValues) => {
    if (!x) return create.mutate(indicatorCreateBody(provinceId, v), done);
    const patch = indicatorPatch(x, v);
    if (!patch) return onClose();
    update.mutate({ id: x.id, patch }, done);
  };

  return (
    <Drawer
      open
      size={640}
      title={x ? t('catalogue.editIndicator') : t('catalogue.addIndicator')}
      onClose={onClose}
      destroyOnHidden
      data-testid="catalogue-indicator-drawer"
      extra={
        <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="catalogue-indicator-save">
          {t('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={mutation.error} details={unmatched} />
      {stale && x ? (
        <Button icon={<ReloadOutlined />} onClick={() => void qc.invalidateQueries({ queryKey: catalogueQueries.view(provinceId).queryKey })} style={{ marginBottom: 16 }} data-testid="catalogue-reload">
          {t('catalogue.reload')}
        </Button>
      ) : null}
      {x ? (
        <Typography.Paragraph type="secondary">
          <SourceTag source={x.source} /> {t('catalogue.version', { version: x.version, at: formatDateTime(x.updatedAt) })}
          {x.updatedByName ? ` ${t('catalogue.updatedBy', { name: x.updatedByName })}` : ''}
        </Typography.Paragraph>
      ) : null}
      <Form<IndicatorFormValues> form={form} layout="vertical" onFinish={submit} initialValues={indicatorFormValues(x)}>
        <Form.Item name="name" label={t('catalogue.field.name')} rules={[{ required: true, whitespace: true, message: t('catalogue.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="catalogue-indicator-name" />
        </Form.Item>
        {x ? (
          <Form.Item label={t('catalogue.field.code')} extra={t('catalogue.field.codeFixed')}>
            <Typography.Text code>{x.code}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="code" label={t('catalogue.field.codeOptional')} extra={t('catalogue.field.codeHint')}>
            <Input maxLength={60} style={{ maxWidth: 320 }} data-testid="catalogue-indicator-code" />
          </Form.Item>
        )}
        <Form.Item name="group" label={t('catalogue.col.group')} rules={required}>
          <Select options={TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_LABEL[g]) }))} style={{ maxWidth: 320 }} data-testid="catalogue-indicator-group" />
        </Form.Item>
        <Form.Item name={['formula', 'kind']} label={t('catalogue.field.kind')} rules={required}>
          <Radio.Group data-testid="catalogue-indicator-kind">
            <Radio value="ratio">{t('catalogue.kind.ratio')}</Radio>
            <Radio value="count">{t('catalogue.kind.count')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'ratio' ? (
          <>
            <Form.Item name={['formula', 'numerator']} label={t('catalogue.field.numerator')} rules={required}>
              <Select options={options} showSearch={search} placeholder={t('catalogue.field.pickElement')} data-testid="catalogue-indicator-numerator" />
            </Form.Item>
            <Form.Item
              name={['formula', 'denominator']}
              label={t('catalogue.field.denominator')}
              rules={[
                ...required,
                ({ getFieldValue }) => ({
                  validator: (_r, v: string | undefined) => (v && v === getFieldValue(['formula', 'numerator']) ? Promise.reject(new Error(t('catalogue.field.sameElement'))) : Promise.resolve()),
                }),
              ]}
              dependencies={[['formula', 'numerator']]}
            >
              <Select options={options} showSearch={search} placeholder={t('catalogue.field.pickElement')} data-testid="catalogue-indicator-denominator" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name={['formula', 'element']} label={t('catalogue.field.countElement')} rules={required}>
              <Select options={options} showSearch={search} placeholder={t('catalogue.field.pickElement')} data-testid="catalogue-indicator-element" />
            </Form.Item>
            <Form.Item name={['formula', 'unit']} label={t('catalogue.col.unit')} extra={t('catalogue.field.unitHint')} rules={[{ required: true, whitespace: true, message: t('catalogue.required') }]}>
              <Input maxLength={40} style={{ maxWidth: 200 }} data-testid="catalogue-indicator-unit" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('catalogue.field.preview')}>
          <Typography.Text data-testid="catalogue-formula-preview">{formulaInWords(formulaOf(formula ?? { kind }), (c) => (c ? nameOf(c) : '…'), t, x?.breakdown)}</Typography.Text>
          {cell ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('catalogue.field.cellNote', { cell })}
            </Typography.Paragraph>
          ) : null}
        </Form.Item>
        <Form.Item name="targetText" label={t('catalogue.field.targetText')} extra={t('catalogue.field.targetTextHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="catalogue-indicator-target-text" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
