import { useEffect, useReducer, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useRefetchTask, useSaveConsolidated } from '../api.ts';
import { PROGRESS_LABEL } from '../labels.ts';
import { consolidatedSnapshot, draftReducer, initialDraft, isConflict, isDirty, PROGRESS_LIST, type ConsolidatedView, type Progress } from '../model.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { ProgressTag } from './Tags.tsx';

/** The one status of a task for an obligation: set by its lead agency (or the coordinator), read by everyone. */
export function ConsolidatedCard({ taskId, due, consolidated, editable }: { taskId: string; due: string; consolidated: ConsolidatedView | null; editable: boolean }) {
  const t = useT();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('tracking.cons.title')}
      extra={
        consolidated ? (
          <ProgressTag progress={consolidated.progress} testId="consolidated-status" />
        ) : (
          <Tag style={{ marginInlineEnd: 0 }} data-testid="consolidated-status" data-progress="none">
            {t('tracking.board.noReport')}
          </Tag>
        )
      }
      data-testid="consolidated-card"
    >
      {editable ? (
        <ConsolidatedForm taskId={taskId} due={due} consolidated={consolidated} />
      ) : consolidated ? (
        <Flex vertical gap={4}>
          {consolidated.note ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 6, expandable: true, symbol: '…' }} data-testid="consolidated-note">
              {consolidated.note}
            </Typography.Paragraph>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tracking.by', { name: consolidated.updatedByName ?? '—', at: formatDateTime(consolidated.updatedAt) })}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('tracking.cons.none')}</Typography.Text>
      )}
    </Card>
  );
}

function ConsolidatedForm({ taskId, due, consolidated }: { taskId: string; due: string; consolidated: ConsolidatedView | null }) {
  const t = useT();
  const { message } = App.useApp();
  const server = consolidatedSnapshot(consolidated);
  const [draft, dispatch] = useReducer(draftReducer, server, (s) => initialDraft(s));
  const [error, setError] = useState<unknown>(null);
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const save = useSaveConsolidated(taskId);
  const refetch = useRefetchTask(taskId);
  const dirty = isDirty(draft);

  useEffect(() => {
    dispatch({ type: 'server', server });
  }, [consolidated?.version]);

  const submit = async () => {
    setError(null);
    try {
      const view = await save.mutateAsync({ due, progress: draft.values.progress, note: draft.values.text, version: draft.base.version });
      dispatch({ type: 'saved', server: consolidatedSnapshot(view)! });
      message.success(t('tracking.cons.saved'));
    } catch (e) {
      if (isConflict(e)) {
        dispatch({ type: 'conflict' });
        setConflictMessage(e instanceof Error ? e.message : null);
        await refetch();
      } else setError(e);
    }
  };

  return (
    <div data-testid="consolidated-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('tracking.cons.hint')}
      </Typography.Paragraph>
      {draft.conflict ? (
        <ConflictPanel
          message={conflictMessage}
          theirs={consolidated ? { progress: consolidated.progress, text: consolidated.note, by: consolidated.updatedByName, at: consolidated.updatedAt } : null}
          mine={draft.conflict}
          editable
          onKeepMine={() => (dispatch({ type: 'keepMine', server }), message.info(t('tracking.conflict.keepMineDone')))}
          onTakeTheirs={() => dispatch({ type: 'takeTheirs', server })}
        />
      ) : null}
      <ErrorAlert error={error} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('tracking.cons.progress')} style={{ marginBottom: 12 }}>
          <Select<Progress>
            value={draft.values.progress}
            onChange={(progress) => dispatch({ type: 'edit', values: { progress } })}
            options={PROGRESS_LIST.map((p) => ({ value: p, label: t(PROGRESS_LABEL[p]) }))}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="consolidated-progress"
          />
        </Form.Item>
        <Form.Item label={t('tracking.cons.note')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            value={draft.values.text}
            onChange={(e) => dispatch({ type: 'edit', values: { text: e.target.value } })}
            placeholder={t('tracking.cons.notePlaceholder')}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={20_000}
            data-testid="consolidated-note-input"
          />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {consolidated ? t('tracking.by', { name: consolidated.updatedByName ?? '—', at: formatDateTime(consolidated.updatedAt) }) : ''}
        </Typography.Text>
        <Flex gap={8} align="center">
          {dirty ? (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('tracking.form.unsaved')}
            </Tag>
          ) : null}
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void submit()} loading={save.isPending} disabled={!!draft.conflict || (!dirty && !!consolidated)} data-testid="consolidated-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}
