import { useRef, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Progress, Typography } from 'antd';
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useDeleteEvidence, useUploadEvidence } from '../api.ts';
import {
  checkEvidenceFile,
  EVIDENCE_ACCEPT,
  EVIDENCE_KINDS,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  evidenceHref,
  formatSize,
  type ContributionView,
  type EvidenceView,
} from '../model.ts';

/** Files of a report, each a link that opens it in a new tab. */
export function EvidenceLinks({ items, onDelete, deleting }: { items: EvidenceView[]; onDelete?: (e: EvidenceView) => void; deleting?: string | null }) {
  const t = useT();
  return (
    <Flex vertical gap={4}>
      {items.map((e) => (
        <Flex key={e.id} gap={6} align="center" wrap data-testid="evidence-item" data-evidence-id={e.id}>
          <FileOutlined />
          <Typography.Link href={evidenceHref(e.id)} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }} data-testid="evidence-link">
            {e.filename}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(e.size)}
            {onDelete ? ` · ${t('tracking.by', { name: e.uploadedByName ?? '—', at: formatDateTime(e.uploadedAt) })}` : ''}
          </Typography.Text>
          {onDelete ? (
            <Popconfirm title={t('tracking.ev.deleteConfirm', { name: e.filename })} onConfirm={() => onDelete(e)} okText={t('tracking.ev.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={deleting === e.id} aria-label={t('tracking.ev.delete')} data-testid="evidence-delete" />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}

type Props = {
  taskId: string;
  contribution: ContributionView | null;
  /** The person may attach and remove files (the report is theirs and still open). */
  canAttach: boolean;
  /** The report to attach to, saved as a draft first when it does not exist yet. */
  ensureContribution: () => Promise<ContributionView | null>;
  /** The answer of an upload or a removal (the report with its new list of files). */
  onChanged: (view: ContributionView) => void;
};

/** "Minh chứng": the files of a report, checked (type, size, count) before they are sent. */
export function EvidenceList({ taskId, contribution, canAttach, ensureContribution, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);
  const uploadEv = useUploadEvidence(taskId, (p) => setSending((s) => (s ? { ...s, percent: p.total ? Math.round((p.loaded / p.total) * 100) : s.percent } : s)));
  const deleteEv = useDeleteEvidence(taskId);
  const items = contribution?.evidence ?? [];
  const max = formatSize(EVIDENCE_MAX_BYTES);

  const pick = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    const issue = checkEvidenceFile(file, items.length);
    if (issue) {
      const text =
        issue === 'tooLarge'
          ? t('tracking.ev.tooLarge', { name: file.name, max })
          : issue === 'wrongType'
            ? t('tracking.ev.wrongType', { name: file.name, kinds: EVIDENCE_KINDS })
            : issue === 'empty'
              ? t('tracking.ev.empty', { name: file.name })
              : t('tracking.ev.tooMany', { n: EVIDENCE_MAX_FILES });
      setProblem(text);
      return;
    }
    setProblem(null);
    try {
      const target = await ensureContribution();
      if (!target) return;
      setSending({ name: file.name, percent: 0 });
      const view = await uploadEv.mutateAsync({ contributionId: target.id, file });
      onChanged(view);
      message.success(t('tracking.ev.uploaded', { name: file.name }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSending(null);
    }
  };

  const remove = (e: EvidenceView) =>
    deleteEv.mutate(e.id, {
      onSuccess: (view) => (onChanged(view), message.success(t('tracking.ev.deleted'))),
      onError: (err) => setProblem(errorMessage(err)),
    });

  return (
    <div data-testid="evidence-list" style={{ marginTop: 8 }}>
      <Typography.Text strong>
        {t('tracking.ev.title')}
        {items.length ? ` (${formatNumber(items.length)})` : ''}
      </Typography.Text>
      <div style={{ margin: '4px 0' }}>
        {items.length ? (
          <EvidenceLinks items={items} onDelete={canAttach ? remove : undefined} deleting={deleteEv.isPending ? (deleteEv.variables ?? null) : null} />
        ) : (
          <Typography.Text type="secondary">{t('tracking.ev.none')}</Typography.Text>
        )}
      </div>
      {canAttach ? (
        <>
          <input ref={input} type="file" accept={EVIDENCE_ACCEPT} hidden onChange={(e) => void pick(e.target.files?.[0])} data-testid="evidence-upload" />
          <Flex gap={8} align="center" wrap>
            <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()} loading={!!sending} disabled={items.length >= EVIDENCE_MAX_FILES} data-testid="evidence-upload-button">
              {t('tracking.ev.upload')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 240px' }}>
              {t('tracking.ev.hint', { max, n: EVIDENCE_MAX_FILES })}
            </Typography.Text>
          </Flex>
          {sending ? (
            <div data-testid="evidence-progress">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tracking.ev.uploading', { name: sending.name })}
              </Typography.Text>
              <Progress percent={sending.percent} size="small" />
            </div>
          ) : null}
        </>
      ) : null}
      {problem ? <Alert type="error" showIcon closable={{ onClose: () => setProblem(null) }} style={{ marginTop: 8 }} title={problem} data-testid="evidence-error" /> : null}
    </div>
  );
}
