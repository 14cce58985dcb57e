import { useEffect } from 'react';
import { Card, DatePicker, Flex, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../lib/i18n-context.tsx';
import type { DraftHeader } from '../model.ts';

export type HeaderValues = Omit<DraftHeader, 'issuedOn'> & { issuedOn: Dayjs | null };

export const toHeaderValues = (h: DraftHeader): HeaderValues => ({ ...h, issuedOn: h.issuedOn ? dayjs(h.issuedOn) : null });
const fromValues = (v: HeaderValues): DraftHeader => ({
  title: v.title ?? '',
  number: v.number ?? '',
  issuer: v.issuer ?? '',
  issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
  periodStart: v.periodStart ?? null,
  periodEnd: v.periodEnd ?? null,
});

type Props = {
  form: FormInstance<HeaderValues>;
  initial: DraftHeader;
  filename: string;
  lineCount: number;
  /** Header fields the server refused (title, periodEnd…). */
  errors: Record<string, string[]> | undefined;
  onChange: (h: DraftHeader) => void;
};

/** Number, title, issuer, date and period of the plan as read: the coordinator completes or corrects them. */
export function DraftHeaderForm({ form, initial, filename, lineCount, errors, onChange }: Props) {
  const t = useT();
  useEffect(() => {
    // Refused links to other plans are shown on the save step, where they are chosen.
    if (errors) form.setFields(Object.entries(errors).filter(([name]) => name in initial).map(([name, e]) => ({ name: name as keyof HeaderValues, errors: e })));
  }, [errors, form]);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('import.header')}
      data-testid="import-header"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} ellipsis>
        {t('import.fileInfo', { name: filename, n: lineCount })}
      </Typography.Paragraph>
      <Form<HeaderValues> form={form} layout="vertical" initialValues={toHeaderValues(initial)} onValuesChange={(_c, all) => onChange(fromValues(all))}>
        <Form.Item name="title" label={t('plans.title')} rules={[{ required: true, whitespace: true, message: t('import.titleRequired') }]} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="import-title" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="number" label={t('plans.number')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
            <Input maxLength={100} data-testid="import-number" />
          </Form.Item>
          <Form.Item name="issuer" label={t('plans.issuer')} style={{ flex: '2 1 220px', marginBottom: 8 }}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('plans.issuedOn')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodStart" label={t('import.periodStart')} style={{ flex: '1 1 90px', marginBottom: 8 }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('import.periodEnd')} style={{ flex: '1 1 90px', marginBottom: 8 }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Card>
  );
}
