import { useRef, useState } from 'react';
import { App, Button, Card, Flex, Form, Progress, Select, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useImportPlan, useProvinces, type ImportState, type PlanPreview } from '../api.ts';

export const ACCEPTED = ['.docx', '.xlsx', '.pdf', '.txt', '.md'];
export const MAX_BYTES = 20 * 1024 * 1024;

/** Provinces the person may import into: their coordinator grants, or every province for an administrator. */
export type ProvinceChoice = { kind: 'all' } | { kind: 'grants'; provinces: { id: string; name: string }[] };

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** Step 1: the province (when there is a choice) and the file; the server reads it and answers a preview. */
export function UploadStep({ choice, onPreview }: { choice: ProvinceChoice; onPreview: (p: PlanPreview) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const provinces = useProvinces(choice.kind === 'all');
  const options = choice.kind === 'all' ? (provinces.data ?? []).map((p) => ({ id: p.id, name: p.name })) : choice.provinces;
  const [provinceId, setProvinceId] = useState<string | undefined>(choice.kind === 'grants' ? choice.provinces[0]?.id : undefined);
  const [state, setState] = useState<ImportState | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const controller = useRef<AbortController | null>(null);
  const read = useImportPlan(setState);
  const uploading = state?.phase === 'uploading' && state.progress.loaded < state.progress.total ? state.progress : null;

  const start = (f: File) => {
    const ext = /\.[^.]+$/.exec(f.name.toLowerCase())?.[0] ?? '';
    if (!ACCEPTED.includes(ext)) return void message.error(t('import.wrongType', { name: f.name }));
    if (f.size > MAX_BYTES) return void message.error(t('import.tooLarge', { name: f.name }));
    if (f.size === 0) return void message.error(t('import.emptyFile', { name: f.name }));
    if (!provinceId) return void message.error(t('import.provinceRequired'));
    controller.current = new AbortController();
    setFile(f);
    read.mutate({ provinceId, file: f, signal: controller.current.signal }, { onSuccess: onPreview, onSettled: () => setState(null) });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      {choice.kind === 'all' || choice.provinces.length > 1 ? (
        <Form layout="vertical">
          <Form.Item label={t('import.province')} required style={{ marginBottom: 0 }}>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              value={provinceId}
              onChange={setProvinceId}
              loading={choice.kind === 'all' && provinces.isPending}
              placeholder={t('import.provinceRequired')}
              options={options.map((p) => ({ value: p.id, label: p.name }))}
              disabled={read.isPending}
              data-testid="import-province"
            />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Text>
          {t('import.province')}: <strong data-testid="import-province-name">{options[0]?.name}</strong>
        </Typography.Text>
      )}
      {read.isPending ? (
        <Card data-testid="import-progress">
          <Flex vertical gap={12} align="center">
            {uploading ? (
              <>
                <Typography.Text>{t('import.uploading', { name: file?.name ?? '' })}</Typography.Text>
                <Progress percent={Math.floor((uploading.loaded / uploading.total) * 100)} style={{ width: '100%' }} data-testid="import-upload-progress" />
              </>
            ) : (
              <>
                <Spin size="large" />
                <Typography.Text strong data-testid="import-reading">
                  {t('import.reading')}
                </Typography.Text>
                <Typography.Text type="secondary">{t('import.readingHint')}</Typography.Text>
              </>
            )}
            <Button onClick={() => controller.current?.abort()} data-testid="import-abort">
              {t('import.cancel')}
            </Button>
          </Flex>
        </Card>
      ) : (
        <>
          {/* The message names the problem with the file; its detail (path "file") only repeats it. */}
          {read.isError && !isAbort(read.error) ? <ErrorAlert error={read.error} details={[]} /> : null}
          <Upload.Dragger
            accept={ACCEPTED.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={!provinceId}
            beforeUpload={(f) => {
              start(f);
              return Upload.LIST_IGNORE;
            }}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{provinceId ? t('import.dropTitle') : t('import.provinceRequired')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </>
      )}
    </Flex>
  );
}
