import { lazy, Suspense, type HTMLAttributes } from 'react';
import { Breadcrumb, Button, Card, Checkbox, Col, Empty, Flex, Grid, Row, Select, Skeleton, Statistic, Table, Typography, type Breakpoint } from 'antd';
import { AuditOutlined, DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useCompleteness } from '../api.ts';
import { COMPLETENESS_LABEL } from '../labels.ts';
import {
  COMPLETENESS_STATUS_LIST,
  completenessRows,
  dhis2ExportHref,
  entryHref,
  parseCompletenessStatus,
  rowReportKey,
  timeliness,
  yearOf,
  type CompletenessRow,
  type CompletenessStatus,
} from '../model.ts';
import { DueDate, LateTag, ReportStateTag } from './Tags.tsx';
import { RemindButton } from './RemindButton.tsx';

// ECharts is only loaded with the board: the rest of the app does not carry it.
const CompletenessChart = lazy(() => import('./CompletenessChart.tsx'));

/** The coordinator's completeness board of one template and period: who has sent, who is late; filters in the URL. */
export function CompletenessView({ templateId, periodKey }: { templateId: string; periodKey: string }) {
  const t = useT();
  const [params, update] = useUrlState();
  const status = parseCompletenessStatus(params.get('status'));
  const lateOnly = params.get('late') === '1';
  const page = useCompleteness(templateId, periodKey);
  const data = page.data;
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];
  const rows = data ? completenessRows(data.rows, { status, late: lateOnly }) : [];
  const when = data ? timeliness(data.rows) : null;
  const setStatus = (s: CompletenessStatus | undefined) => update({ status: s === status ? undefined : s });
  const year = yearOf(data?.dueDate ?? `${periodKey.slice(0, 4)}-01-01`);

  const open = (r: CompletenessRow) => {
    const review = r.status === 'submitted';
    return (
      <Link to={entryHref(rowReportKey(templateId, periodKey, r))} data-testid="completeness-open">
        <Button size="small" type={review ? 'primary' : 'default'} icon={review ? <AuditOutlined /> : <EyeOutlined />}>
          {r.status === 'submitted' ? t('reporting.comp.review') : t('reporting.comp.open')}
        </Button>
      </Link>
    );
  };

  return (
    <div data-testid="completeness">
      <PageHeader
        title={
          <>
            {t('reporting.comp.title')}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 14, fontWeight: 400 }} data-testid="completeness-template">
              {data ? `${data.template.name} · ${data.periodLabel}` : '…'}
            </Typography.Text>
          </>
        }
        extra={
          <>
            {data ? <RemindButton templateId={templateId} periodKey={periodKey} pending={data.rows.filter((r) => r.status !== 'submitted' && r.status !== 'approved').length} /> : null}
            <Button icon={<DownloadOutlined />} href={dhis2ExportHref(templateId, periodKey)} download data-testid="completeness-export">
              {t('reporting.comp.export')}
            </Button>
          </>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { key: 'reports', title: <Link to={`/reports?year=${year}`}>{t('reporting.title')}</Link> },
            { key: 'board', title: t('reporting.comp.title') },
          ]}
        />
      </PageHeader>

      {page.isError ? <ErrorAlert error={page.error} /> : null}
      {page.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}

      {data && when ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={14}>
            <Card size="small" title={t('reporting.comp.chartTitle', { due: formatDate(data.dueDate) })} data-testid="completeness-chart-card">
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
                <CompletenessChart counts={data.counts} selected={status} onSelect={setStatus} />
              </Suspense>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reporting.comp.chartHint')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={10}>
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('reporting.comp.reporters')} value={data.rows.length} formatter={(v) => formatNumber(Number(v))} data-testid="completeness-total" />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('reporting.comp.onTime')} value={when.onTime} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: '#389e0d' } }} data-testid="completeness-on-time" />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('reporting.comp.lateSent')} value={when.lateSent} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: when.lateSent ? '#d46b08' : undefined } }} data-testid="completeness-late-sent" />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small" hoverable onClick={() => update({ late: lateOnly ? undefined : '1' })} style={{ cursor: 'pointer' }}>
                  <Statistic title={t('reporting.comp.overdue')} value={when.overdue} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: when.overdue ? '#cf1322' : undefined } }} data-testid="completeness-overdue" />
                </Card>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
              {t('reporting.comp.lateTotal', { n: formatNumber(data.late), today: formatDate(data.today) })}
            </Typography.Paragraph>
          </Col>
        </Row>
      ) : null}

      {data ? (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            <Select<CompletenessStatus>
              allowClear
              placeholder={t('reporting.comp.allStatuses')}
              value={status}
              onChange={(v) => update({ status: v })}
              options={COMPLETENESS_STATUS_LIST.map((s) => ({ value: s, label: `${t(COMPLETENESS_LABEL[s])} (${formatNumber(data.counts[s] ?? 0)})` }))}
              style={{ width: 220 }}
              data-testid="completeness-status"
            />
            <Checkbox checked={lateOnly} onChange={(e) => update({ late: e.target.checked ? '1' : undefined })} data-testid="completeness-late-only">
              {t('reporting.comp.lateOnly')}
            </Checkbox>
          </Flex>
          <Table<CompletenessRow>
            rowKey={(r) => `${r.reporter.unitId}|${r.reporter.agencyId ?? ''}`}
            size="small"
            loading={page.isFetching}
            dataSource={rows}
            data-testid="completeness-table"
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }) }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status || lateOnly ? t('reporting.comp.emptyFiltered') : t('reporting.comp.empty')} /> }}
            onRow={(r) => ({ 'data-testid': 'completeness-row', 'data-status': r.status, 'data-late': r.late }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('reporting.owed.reporter'),
                key: 'reporter',
                sorter: (a, b) => a.reporter.name.localeCompare(b.reporter.name, 'vi'),
                render: (_v, r) => (
                  <>
                    <Link to={entryHref(rowReportKey(templateId, periodKey, r))} data-testid="completeness-reporter">
                      {r.reporter.name}
                    </Link>
                    {phone ? (
                      <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                        <ReportStateTag state={r.status} />
                        {r.late ? <LateTag /> : null}
                        {r.submittedAt ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('reporting.entry.submittedAt', { at: formatDateTime(r.submittedAt) })}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    ) : null}
                  </>
                ),
              },
              { title: t('reporting.owed.state'), key: 'status', width: 150, responsive: wide, render: (_v, r) => <ReportStateTag state={r.status} /> },
              { title: t('reporting.entry.due'), key: 'due', width: 110, responsive: wide, render: (_v, r) => <DueDate date={r.dueDate} late={r.late && !r.submittedAt} /> },
              {
                title: t('reporting.comp.submittedAt'),
                key: 'submitted',
                width: 160,
                responsive: wide,
                sorter: (a, b) => (a.submittedAt ?? '9').localeCompare(b.submittedAt ?? '9'),
                render: (_v, r) => (r.submittedAt ? formatDateTime(r.submittedAt) : <Typography.Text type="secondary">—</Typography.Text>),
              },
              { title: t('reporting.comp.late'), key: 'late', width: 100, responsive: wide, render: (_v, r) => (r.late ? <LateTag /> : <Typography.Text type="secondary">{r.submittedAt ? t('reporting.comp.onTimeShort') : '—'}</Typography.Text>) },
              { title: '', key: 'open', width: 120, render: (_v, r) => open(r) },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
