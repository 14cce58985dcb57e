import { useEffect, useReducer, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useContributionAction, useRefetchTask, useSaveContribution } from '../api.ts';
import { PROGRESS_LABEL } from '../labels.ts';
import {
  contributionSnapshot,
  draftReducer,
  formActions,
  initialDraft,
  isConflict,
  isDirty,
  PROGRESS_LIST,
  type ContributionView,
  type ContributorRow,
  type Progress,
  type ReportingAgency,
} from '../model.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { ObligationStatusTag, ProgressTag, StateTag } from './Tags.tsx';

/**
 * "Báo cáo của đơn vị": what one agency reports on one obligation. A draft is saved (with the version it
 * started from) and submitted; evidence files go with it. Returned reports are edited and submitted again.
 */
export function ContributionForm({ taskId, due, agency, row }: { taskId: string; due: string; agency: ReportingAgency; row: ContributorRow }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const contribution = row.contribution;
  const server = contributionSnapshot(contribution);
  const [draft, dispatch] = useReducer(draftReducer, server, (s) => initialDraft(s));
  const [error, setError] = useState<unknown>(null);
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const [narrativeMissing, setNarrativeMissing] = useState(false);
  const save = useSaveContribution(taskId);
  const act = useContributionAction(taskId);
  const refetch = useRefetchTask(taskId);
  const can = formActions(contribution);
  const editable = can.save;
  const dirty = isDirty(draft);

  // A newer report from the server (a refetch, a colleague's save) replaces the form when nothing is unsaved.
  useEffect(() => {
    dispatch({ type: 'server', server });
  }, [contribution?.version]);

  const input = () => ({ taskId, agencyId: agency.id, due, progress: draft.values.progress, narrative: draft.values.text, version: draft.base.version });

  const failed = async (e: unknown) => {
    if (isConflict(e)) {
      dispatch({ type: 'conflict' });
      setConflictMessage(e instanceof Error ? e.message : null);
      setError(null);
      await refetch();
    } else setError(e);
  };

  const saveDraft = async (): Promise<ContributionView | null> => {
    setError(null);
    try {
      const view = await save.mutateAsync(input());
      dispatch({ type: 'saved', server: contributionSnapshot(view)! });
      return view;
    } catch (e) {
      await failed(e);
      return null;
    }
  };

  const submit = () => {
    if (!draft.values.text.trim()) {
      setNarrativeMissing(true);
      return;
    }
    modal.confirm({
      title: t('tracking.form.submitConfirm'),
      content: t('tracking.form.submitExplain'),
      okText: t('tracking.action.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-confirm' },
      onOk: async () => {
        setError(null);
        let target = contribution;
        let version = draft.base.version;
        if (!target || dirty) {
          target = await saveDraft();
          if (!target) return;
          version = target.version;
        }
        try {
          const view = await act.mutateAsync({ id: target.id, action: 'submit', version: version ?? target.version });
          dispatch({ type: 'saved', server: contributionSnapshot(view)! });
          message.success(t('tracking.form.submitted'));
        } catch (e) {
          await failed(e);
        }
      },
    });
  };

  const ensureContribution = async () => {
    if (contribution) return contribution;
    const view = await saveDraft();
    if (view) message.info(t('tracking.ev.savedFirst'));
    return view;
  };

  const theirs = contribution ? { progress: contribution.progress, text: contribution.narrative, by: contribution.updatedByName, at: contribution.updatedAt } : null;

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={<span style={{ whiteSpace: 'normal' }}>{t('tracking.form.title', { name: agency.name })}</span>}
      extra={
        <Flex gap={4} wrap>
          {/* A draft says so; the other states are the status itself. */}
          {contribution?.state === 'draft' ? <StateTag state="draft" /> : null}
          <ObligationStatusTag status={row.status} />
        </Flex>
      }
      data-testid="contribution-form"
      data-agency-id={agency.id}
      data-state={contribution?.state ?? 'none'}
    >
      {contribution?.state === 'returned' && contribution.returnReason ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('tracking.form.returnedNote', { reason: contribution.returnReason })} data-testid="contribution-returned" />
      ) : contribution?.state === 'submitted' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('tracking.form.waiting')} />
      ) : contribution?.state === 'accepted' ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('tracking.form.acceptedNote')} />
      ) : null}
      {draft.conflict ? (
        <ConflictPanel
          message={conflictMessage}
          theirs={theirs}
          mine={draft.conflict}
          editable={editable}
          onKeepMine={() => (dispatch({ type: 'keepMine', server }), message.info(t('tracking.conflict.keepMineDone')))}
          onTakeTheirs={() => dispatch({ type: 'takeTheirs', server })}
        />
      ) : null}
      <ErrorAlert error={error} />
      {editable ? (
        <Form layout="vertical" component="div">
          <Form.Item label={t('tracking.form.progress')} style={{ marginBottom: 12 }}>
            <Select<Progress>
              value={draft.values.progress}
              onChange={(progress) => dispatch({ type: 'edit', values: { progress } })}
              options={PROGRESS_LIST.map((p) => ({ value: p, label: t(PROGRESS_LABEL[p]) }))}
              style={{ width: 240, maxWidth: '100%' }}
              data-testid="contribution-progress"
            />
          </Form.Item>
          <Form.Item
            label={t('tracking.form.narrative')}
            style={{ marginBottom: 8 }}
            validateStatus={narrativeMissing && !draft.values.text.trim() ? 'error' : undefined}
            help={narrativeMissing && !draft.values.text.trim() ? t('tracking.form.narrativeRequired') : undefined}
          >
            <Input.TextArea
              value={draft.values.text}
              onChange={(e) => dispatch({ type: 'edit', values: { text: e.target.value } })}
              placeholder={t('tracking.form.narrativePlaceholder')}
              autoSize={{ minRows: 4, maxRows: 16 }}
              maxLength={20_000}
              showCount
              data-testid="contribution-narrative"
            />
          </Form.Item>
        </Form>
      ) : contribution ? (
        <Flex vertical gap={6}>
          <div>
            <ProgressTag progress={contribution.progress} testId="contribution-progress-view" />
          </div>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="contribution-narrative-view">
            {contribution.narrative || '—'}
          </Typography.Paragraph>
        </Flex>
      ) : null}
      <EvidenceList
        taskId={taskId}
        contribution={contribution}
        canAttach={can.attach}
        ensureContribution={ensureContribution}
        onChanged={(view) => dispatch({ type: 'touched', server: contributionSnapshot(view)! })}
      />
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            contribution?.submittedAt ? t('tracking.form.submittedBy', { name: contribution.submittedByName ?? '—', at: formatDateTime(contribution.submittedAt) }) : null,
            contribution?.reviewedAt ? t('tracking.form.reviewedBy', { name: contribution.reviewedByName ?? '—', at: formatDateTime(contribution.reviewedAt) }) : null,
            contribution && !contribution.submittedAt ? t('tracking.form.lastSaved', { name: contribution.updatedByName ?? '—', at: formatDateTime(contribution.updatedAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          {editable && dirty ? (
            <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="contribution-unsaved">
              {t('tracking.form.unsaved')}
            </Tag>
          ) : null}
          {can.save ? (
            <Button icon={<SaveOutlined />} onClick={() => void saveDraft().then((v) => v && message.success(t('tracking.form.saved')))} loading={save.isPending && !act.isPending} disabled={!!draft.conflict || (!dirty && !!contribution)} data-testid="contribution-save">
              {t('tracking.action.save')}
            </Button>
          ) : null}
          {can.submit ? (
            <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={act.isPending} disabled={!!draft.conflict} data-testid="contribution-submit">
              {t('tracking.action.submit')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
