import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Collapse, Descriptions, Flex, Row, Tag, Tooltip, Typography, Upload } from 'antd';
import { CheckOutlined, CloudOutlined, FileExcelOutlined, ImportOutlined, CloudUploadOutlined, DisconnectOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useMe } from '../../../lib/session.tsx';
import { reportXlsxHref, useRefetchReport, useReportAction, useSaveReport, useUploadReportXlsx } from '../api.ts';
import { ACTION_LABEL, PERIOD_KIND_LABEL, REPORTER_LEVEL_LABEL } from '../labels.ts';
import {
  entryActions,
  entryReducer,
  extraServerIssues,
  formatCell,
  formatIndicator,
  gridColumns,
  invalidCells,
  isConflict,
  isDirty,
  isLate,
  isNetworkError,
  isoDay,
  issueMarks,
  localDraft,
  localDraftKey,
  openEntry,
  parseLocalDraft,
  previousByCell,
  ratioPreview,
  reconcileLocal,
  saveInput,
  snapshotOf,
  timeOfDay,
  validateEntry,
  yearOf,
  type ReportKey,
  type ReportView,
} from '../model.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { IssuesPanel } from './IssuesPanel.tsx';
import { ReasonModal } from '../../../components/ReasonModal.tsx';
import { SectionsPanel } from './SectionsPanel.tsx';
import { DueDate, ReportStateTag } from './Tags.tsx';
import { useOnline } from './useOnline.ts';

/** How long after the last keystroke a draft goes to the server. */
const AUTOSAVE_MS = 2000;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode or a full storage: the server copy is the only one
  }
}

/** The (Vietnamese) details of a refusal, without the field paths (submit lists every error of the figures). */
function RefusedAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div data-testid="entry-error">
      <ErrorAlert error={error} details={[]} />
      {details.length ? (
        <Alert
          type="error"
          style={{ marginTop: -8, marginBottom: 16 }}
          data-testid="entry-error-details"
          title={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {details.map((d) => (
                <li key={d.path + d.message}>{d.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </div>
  );
}

/**
 * The entry page of one report: the grid of figures, the narrative sections, the checks as the person types,
 * and the workflow's buttons. What is typed is kept on this device at once, and goes to the server as a draft
 * a moment after typing stops (when online); a save refused as stale shows both versions side by side.
 */
export function EntryView({ view, reportKey }: { view: ReportView; reportKey: ReportKey }) {
  const t = useT();
  const me = useMe();
  const { message, modal } = App.useApp();
  const storageKey = localDraftKey(me.id, reportKey);
  const template = view.template;
  const can = entryActions(view.actions);
  const editable = can.save;
  const server = useMemo(() => snapshotOf(view), [view]);

  const [found] = useState(() => reconcileLocal(parseLocalDraft(readStorage(storageKey)), server, editable));
  const [state, dispatch] = useReducer(entryReducer, null, () => openEntry(server, found));
  const [restoredAt, setRestoredAt] = useState<string | null>(found.kind === 'restore' ? found.at : null);
  const [deviceConflictAt, setDeviceConflictAt] = useState<string | null>(found.kind === 'conflict' ? found.at : null);
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(view.updatedAt);
  const [offerSend, setOfferSend] = useState(false);
  const [reason, setReason] = useState<'return' | 'reopen' | null>(null);
  const lastSent = useRef<unknown>(null);
  const online = useOnline();
  const wasOnline = useRef(online);
  const save = useSaveReport(reportKey);
  const act = useReportAction(reportKey);
  // Offline work (issue 4): the report as a pre-filled workbook, and the filled one sent back; the server checks every cell.
  const importXlsx = useUploadReportXlsx(reportKey);
  const refetch = useRefetchReport(reportKey);
  const dirty = isDirty(state);

  // A newer report from the server (a refetch, an action) replaces the form when nothing is unsaved.
  useEffect(() => {
    dispatch({ type: 'server', server });
  }, [server]);

  // Everything typed is kept on this device at once (a reload, a lost connection); nothing unsaved, nothing kept.
  useEffect(() => {
    writeStorage(storageKey, state.conflict || isDirty(state) ? JSON.stringify(localDraft(state, new Date().toISOString())) : null);
  }, [state, storageKey]);

  // Back online with figures not on the server: offer to send them.
  useEffect(() => {
    if (online && !wasOnline.current && dirty) setOfferSend(true);
    wasOnline.current = online;
  }, [online]);

  // The checks run on a deferred copy, so typing in a large grid never waits for them.
  const cells = useDeferredValue(state.values.cells);
  const previous = useMemo(() => previousByCell(view.previous), [view.previous]);
  const pairs = template.ratioChecks;
  const issues = useMemo(() => validateEntry(template.elements, cells, previous, pairs), [template.elements, cells, previous, pairs]);
  const marks = useMemo(() => issueMarks(issues), [issues]);
  const serverIssues = useMemo(() => (dirty ? [] : extraServerIssues(view.issues, issues)), [dirty, view.issues, issues]);
  const columns = useMemo(() => gridColumns(template.elements), [template.elements]);
  // Only the shares whose figures have started to be typed.
  const preview = useMemo(() => ratioPreview(template.elements, cells, pairs).filter((p) => p.numerator !== null || p.denominator !== null), [template.elements, cells, pairs]);
  const invalid = invalidCells(state.values);
  const errors = [...issues, ...serverIssues].filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  const onCell = useCallback((key: string, text: string) => dispatch({ type: 'cell', key, text }), []);
  const onSection = useCallback((key: string, text: string) => dispatch({ type: 'section', key, text }), []);

  const failed = async (e: unknown, sent: boolean) => {
    if (isConflict(e)) {
      if (sent) {
        dispatch({ type: 'conflict' });
        setDeviceConflictAt(null);
      }
      setConflictMessage(e instanceof Error ? e.message : null);
      setError(null);
      await refetch();
    } else if (isNetworkError(e)) {
      setOfferSend(true);
      setError(e);
    } else setError(e);
  };

  /** Sends the figures as a draft; the answer (or null on failure, the figures staying on this device). */
  const saveNow = async (): Promise<ReportView | null> => {
    if (saving) return null;
    if (invalid.length) {
      setError(new ApiError(400, 'INVALID', t('reporting.entry.invalidCells', { n: invalid.length })));
      return null;
    }
    const sent = state.values;
    lastSent.current = sent;
    setSaving(true);
    setError(null);
    try {
      const v = await save.mutateAsync(saveInput(reportKey, sent, state.base.version));
      dispatch({ type: 'saved', server: snapshotOf(v) });
      setSavedAt(v.updatedAt ?? new Date().toISOString());
      setOfferSend(false);
      setRestoredAt(null);
      return v;
    } catch (e) {
      await failed(e, true);
      return null;
    } finally {
      setSaving(false);
    }
  };

  // Autosave: a moment after typing stops, when online, with nothing to decide first, and not the same figures twice.
  const autosave = editable && online && !offerSend && !state.conflict && dirty && !saving && invalid.length === 0 && lastSent.current !== state.values;
  useEffect(() => {
    if (!autosave) return;
    const id = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(id);
  }, [autosave, state.values]);

  /** A workflow action on the saved report (submit saves unsaved figures first). A reason modal shows its own refusals. */
  const runAction = async (action: 'submit' | 'approve' | 'return' | 'reopen', reasonText?: string): Promise<boolean> => {
    let id = view.id;
    let version = state.base.version;
    if (action === 'submit' && (dirty || id === null || version === null)) {
      const v = await saveNow();
      if (!v) return false;
      id = v.id;
      version = v.version;
    }
    if (!id || version === null) return false;
    setError(null);
    try {
      const v = await act.mutateAsync({ id, action, version, reason: reasonText });
      dispatch({ type: 'saved', server: snapshotOf(v) });
      message.success(t(`reporting.done.${action}`));
      return true;
    } catch (e) {
      if (reasonText !== undefined && !isConflict(e)) throw e;
      await failed(e, false);
      return false;
    }
  };

  const submit = () => {
    if (errors.length) {
      message.error(t('reporting.entry.fixErrors', { n: errors.length }));
      document.querySelector('[data-testid="issues-panel"]')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      return;
    }
    modal.confirm({
      title: t('reporting.entry.submitConfirm'),
      width: 560,
      content: (
        <Flex vertical gap={8}>
          <span>{t('reporting.entry.submitExplain')}</span>
          {warnings.length ? (
            <Alert
              type="warning"
              showIcon
              title={t('reporting.entry.submitWarnings', { n: warnings.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 200, overflow: 'auto' }}>
                  {warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
        </Flex>
      ),
      okText: t('reporting.action.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-confirm' },
      onOk: () => runAction('submit'),
    });
  };

  const approve = () =>
    modal.confirm({
      title: t('reporting.entry.approveConfirm', { name: view.reporter.name }),
      content: t('reporting.entry.approveExplain'),
      okText: t('reporting.action.approve'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'approve-confirm' },
      onOk: () => runAction('approve'),
    });

  const today = isoDay();
  const late = isLate({ state: view.state, dueDate: view.dueDate }, today);
  const year = yearOf(view.period.end);

  const status = !editable ? null : saving ? (
    <Tag icon={<CloudUploadOutlined />} color="processing" style={{ marginInlineEnd: 0 }} data-testid="save-status" data-saved="saving">
      {t('reporting.status.saving')}
    </Tag>
  ) : dirty || state.conflict ? (
    <Tag icon={online ? <SaveOutlined /> : <DisconnectOutlined />} color="warning" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="save-status" data-saved="local">
      {t('reporting.status.local')}
      {online ? '' : ` · ${t('reporting.status.offline')}`}
    </Tag>
  ) : state.base.version !== null ? (
    <Tag icon={<CloudOutlined />} color="success" style={{ marginInlineEnd: 0 }} data-testid="save-status" data-saved="server">
      {t('reporting.status.server', { time: savedAt ? timeOfDay(savedAt) : '' })}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }} data-testid="save-status" data-saved="none">
      {t('reporting.status.nothing')}
    </Tag>
  );

  const buttons = (
    <Flex gap={8} wrap align="center" justify="flex-end">
      {status}
      {can.save ? (
        <Button icon={<SaveOutlined />} onClick={() => void saveNow().then((v) => v && message.success(t('reporting.done.save')))} loading={saving && !act.isPending} disabled={!!state.conflict || (!dirty && state.base.version !== null)} data-testid="entry-save">
          {t('reporting.action.save')}
        </Button>
      ) : null}
      <a href={reportXlsxHref(reportKey)} data-testid="entry-xlsx-download">
        <Button icon={<FileExcelOutlined />}>{t('reporting.xlsx.download')}</Button>
      </a>
      {can.save ? (
        <Tooltip title={dirty ? t('reporting.xlsx.saveFirst') : undefined}>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            disabled={dirty || !!state.conflict}
            beforeUpload={(file) => {
              importXlsx.reset();
              importXlsx.mutate(file, { onSuccess: () => message.success(t('reporting.xlsx.done')) });
              return Upload.LIST_IGNORE;
            }}
            data-testid="entry-xlsx-upload"
          >
            <Button icon={<ImportOutlined />} loading={importXlsx.isPending} disabled={dirty || !!state.conflict}>
              {t('reporting.xlsx.upload')}
            </Button>
          </Upload>
        </Tooltip>
      ) : null}
      {can.submit ? (
        <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={act.isPending} disabled={!!state.conflict} data-testid="entry-submit">
          {t('reporting.action.submit')}
        </Button>
      ) : null}
      {can.returnIt ? (
        <Button danger icon={<RollbackOutlined />} onClick={() => setReason('return')} disabled={!!state.conflict} data-testid="entry-return">
          {t('reporting.action.return')}
        </Button>
      ) : null}
      {can.approve ? (
        <Button type="primary" icon={<CheckOutlined />} onClick={approve} loading={act.isPending} disabled={!!state.conflict} data-testid="entry-approve">
          {t('reporting.action.approve')}
        </Button>
      ) : null}
      {can.reopen ? (
        <Button icon={<UnlockOutlined />} onClick={() => setReason('reopen')} data-testid="entry-reopen">
          {t('reporting.action.reopen')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <div data-testid="report-entry" data-state={view.state} data-report-id={view.id ?? 'new'} data-version={state.base.version ?? 'none'}>
      <PageHeader
        title={
          <>
            {template.name}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 14, fontWeight: 400 }} data-testid="entry-reporter">
              {view.reporter.name} · {view.periodLabel}
            </Typography.Text>
          </>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { key: 'reports', title: <Link to={`/reports?year=${year}`}>{t('reporting.title')}</Link> },
            { key: 'report', title: template.code },
          ]}
        />
      </PageHeader>

      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <ReportStateTag state={view.state} />
        <span>
          {t('reporting.entry.due')}: <DueDate date={view.dueDate} late={late} />
        </span>
        {late ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('reporting.late')}</Tag> : null}
        {view.submittedAt ? <Typography.Text type="secondary">{t('reporting.entry.submittedAt', { at: formatDateTime(view.submittedAt) })}</Typography.Text> : null}
        {view.reviewedAt ? <Typography.Text type="secondary">{t('reporting.entry.reviewedAt', { at: formatDateTime(view.reviewedAt) })}</Typography.Text> : null}
      </Flex>

      {view.state === 'returned' && view.returnReason ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('reporting.returnReason', { reason: view.returnReason })} data-testid="entry-returned" />
      ) : view.state === 'submitted' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={can.approve ? t('reporting.entry.toReview') : t('reporting.entry.waiting')} />
      ) : view.state === 'approved' ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('reporting.entry.approvedNote')} />
      ) : null}

      {!online && editable ? <Alert type="warning" showIcon icon={<DisconnectOutlined />} style={{ marginBottom: 12 }} title={t('reporting.entry.offline')} data-testid="entry-offline" /> : null}
      {offerSend && online && dirty && !state.conflict ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.entry.reconnected')}
          data-testid="entry-reconnected"
          action={
            <Button type="primary" size="small" icon={<CloudUploadOutlined />} loading={saving} onClick={() => void saveNow().then((v) => v && message.success(t('reporting.done.save')))} data-testid="entry-send-now">
              {t('reporting.entry.sendNow')}
            </Button>
          }
        />
      ) : null}
      {restoredAt && dirty && !state.conflict ? (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestoredAt(null) }}
          style={{ marginBottom: 12 }}
          title={t('reporting.entry.restored', { at: timeOfDay(restoredAt) })}
          data-testid="entry-restored"
          action={
            <Button size="small" onClick={() => (dispatch({ type: 'takeTheirs', server }), setRestoredAt(null))} data-testid="entry-discard-local">
              {t('reporting.entry.discardLocal')}
            </Button>
          }
        />
      ) : null}
      {state.conflict ? (
        <ConflictPanel
          message={conflictMessage}
          fromDevice={deviceConflictAt ? timeOfDay(deviceConflictAt) : null}
          theirs={server}
          theirsBy={view.updatedByName}
          theirsAt={view.updatedAt}
          mine={state.conflict}
          elements={template.elements}
          outline={template.outline}
          editable={editable}
          onKeepMine={() => {
            dispatch({ type: 'keepMine', server });
            setConflictMessage(null);
            setDeviceConflictAt(null);
            lastSent.current = null;
            message.info(t('reporting.conflict.keepMineDone'));
          }}
          onTakeTheirs={() => {
            dispatch({ type: 'takeTheirs', server });
            setConflictMessage(null);
            setDeviceConflictAt(null);
          }}
        />
      ) : conflictMessage ? (
        <Alert type="warning" showIcon closable={{ onClose: () => setConflictMessage(null) }} style={{ marginBottom: 12 }} title={conflictMessage} data-testid="conflict-message" />
      ) : null}
      <RefusedAlert error={error} />
      {/* A whole-file problem (path "file") is the message itself; cell problems are listed by address. */}
      {importXlsx.isError ? <ErrorAlert error={importXlsx.error} details={importXlsx.error instanceof ApiError ? importXlsx.error.details.filter((d) => d.path !== 'file') : []} /> : null}

      {editable || can.approve || can.returnIt || can.reopen ? (
        <Card size="small" style={{ marginBottom: 12, position: 'sticky', top: 64, zIndex: 5 }} styles={{ body: { padding: '8px 12px' } }} data-testid="entry-toolbar">
          {buttons}
        </Card>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {editable ? t('reporting.grid.help') : t('reporting.grid.readOnly')} {view.previous.length ? t('reporting.grid.previousHelp') : ''}
          </Typography.Paragraph>
          <EntryGrid elements={template.elements} columns={columns} cells={state.values.cells} previous={previous} issues={issues} marks={marks} readOnly={!editable} onCell={onCell} />
          {preview.length ? (
            <Card size="small" title={t('reporting.preview.title')} style={{ marginTop: 12 }} data-testid="ratio-preview">
              <Flex vertical gap={4}>
                {preview.map((p) => (
                  <Flex key={p.code} justify="space-between" gap={12}>
                    <span style={{ fontSize: 13 }}>{p.name}</span>
                    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`preview-${p.code}`}>
                      <Typography.Text strong type={p.value !== null && p.value > 100 ? 'danger' : undefined}>
                        {formatIndicator(p.value, '%') ?? '—'}
                      </Typography.Text>
                      {p.numerator !== null && p.denominator !== null ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {' '}
                          ({formatCell(p.numerator)}/{formatCell(p.denominator)})
                        </Typography.Text>
                      ) : null}
                    </span>
                  </Flex>
                ))}
              </Flex>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={8}>
          <IssuesPanel issues={issues} server={serverIssues} />
          <SectionsPanel outline={template.outline} sections={state.values.sections} readOnly={!editable} onSection={onSection} />
          <Collapse
            size="small"
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'about',
                label: t('reporting.entry.about'),
                children: (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'content', label: t('reporting.tpl.content'), children: template.content },
                      { key: 'reporter', label: t('reporting.tpl.reporter'), children: t(REPORTER_LEVEL_LABEL[template.reporterLevel]) },
                      { key: 'receiver', label: t('reporting.tpl.receiver'), children: template.receiver },
                      { key: 'transmission', label: t('reporting.tpl.transmission'), children: template.transmission },
                      { key: 'period', label: t('reporting.tpl.period'), children: `${t(PERIOD_KIND_LABEL[template.periodKind])} · ${formatDate(view.period.start)} – ${formatDate(view.period.end)}` },
                      { key: 'frequency', label: t('reporting.tpl.frequency'), children: template.frequency },
                      { key: 'instructions', label: t('reporting.tpl.instructions'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{template.instructions}</span> },
                      ...(template.legalBasis ? [{ key: 'legal', label: t('reporting.tpl.legalBasis'), children: template.legalBasis }] : []),
                    ]}
                  />
                ),
              },
            ]}
          />
        </Col>
      </Row>

      {reason ? (
        <ReasonModal
          label={t('reporting.reason.label')}
          requiredMessage={t('reporting.reason.required')}
          title={reason === 'return' ? t('reporting.reason.returnTitle', { name: view.reporter.name }) : t('reporting.reason.reopenTitle', { name: view.reporter.name })}
          okText={t(ACTION_LABEL[reason])}
          onSubmit={(r) => runAction(reason, r)}
          onClose={() => setReason(null)}
        />
      ) : null}
    </div>
  );
}
