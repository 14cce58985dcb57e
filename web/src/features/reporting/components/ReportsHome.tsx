import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Card, Empty, Flex, Grid, Select, Table, Tag, Typography, type Breakpoint } from 'antd';
import { BarChartOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useOwed, useTemplates } from '../api.ts';
import { PERIOD_KIND_LABEL, REPORTER_LEVEL_LABEL } from '../labels.ts';
import {
  completenessHref,
  entryHref,
  indicatorsHref,
  isOpen,
  isoDay,
  owedSummary,
  parseYear,
  periodKeysOfYear,
  periodName,
  sortOwed,
  yearOf,
  yearOptions,
  type OwedReport,
  type TemplateView,
} from '../model.ts';
import { DueDate, LateTag, ReportStateTag } from './Tags.tsx';

/**
 * "Báo cáo định kỳ": the reports the person's commune or agency owes for a year (the year lives in the URL),
 * and for the provincial coordinator the province's templates with their completeness boards.
 */
export function ReportsHome({ coordinatorProvinceId }: { coordinatorProvinceId: string | null }) {
  const t = useT();
  const [params, update] = useUrlState();
  const current = yearOf(isoDay());
  const year = parseYear(params.get('year'), current);
  const owed = useOwed(String(year));
  const items = sortOwed(owed.data?.items ?? []);
  const sum = owedSummary(items);

  return (
    <div data-testid="reports-home">
      <PageHeader
        title={t('reporting.title')}
        extra={
          <Link to={indicatorsHref({ periodKey: String(year) })}>
            <Button icon={<BarChartOutlined />} data-testid="reports-indicators-link">
              {t('reporting.ind.title')}
            </Button>
          </Link>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<number>
          value={year}
          onChange={(y) => update({ year: y === current ? undefined : String(y) })}
          options={yearOptions(current, year).map((y) => ({ value: y, label: t('reporting.year', { year: y }) }))}
          style={{ width: 140 }}
          data-testid="reports-year"
          aria-label={t('reporting.period.pick')}
        />
        {owed.data ? (
          <>
            <Tag style={{ marginInlineEnd: 0 }} data-testid="owed-open">
              {t('reporting.owed.open', { n: formatNumber(sum.open), total: formatNumber(sum.total) })}
            </Tag>
            {sum.late ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="owed-late">
                {t('reporting.owed.lateCount', { n: formatNumber(sum.late) })}
              </Tag>
            ) : null}
            {sum.returned ? (
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="owed-returned">
                {t('reporting.owed.returnedCount', { n: formatNumber(sum.returned) })}
              </Tag>
            ) : null}
          </>
        ) : null}
      </Flex>

      {owed.isError ? <ErrorAlert error={owed.error} /> : null}
      {coordinatorProvinceId && owed.data && items.length === 0 ? null : (
        <Card size="small" title={t('reporting.owed.title', { year })} style={{ marginBottom: 16 }}>
          <OwedTable
            rows={items}
            loading={owed.isFetching}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="owed-empty">{t('reporting.owed.empty', { year })}</span>} />}
          />
        </Card>
      )}

      {coordinatorProvinceId ? <TemplatesCard provinceId={coordinatorProvinceId} year={year} /> : null}
    </div>
  );
}

function OwedTable({ rows, loading, empty }: { rows: OwedReport[]; loading: boolean; empty: ReactNode }) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];
  const state = (r: OwedReport) => (
    <div>
      <Flex gap={4} wrap>
        <ReportStateTag state={r.state} />
        {r.late && isOpen(r.state) ? <LateTag /> : null}
        {r.late && !isOpen(r.state) ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="sent-late-tag">
            {t('reporting.sentLate')}
          </Tag>
        ) : null}
      </Flex>
      {r.state === 'returned' && r.returnReason ? (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 3, expandable: true, symbol: '…' }} data-testid="owed-return-reason">
          {t('reporting.returnReason', { reason: r.returnReason })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
  const open = (r: OwedReport) => {
    const edit = isOpen(r.state);
    return (
      <Link to={entryHref({ templateId: r.templateId, periodKey: r.periodKey, unitId: r.reporter.unitId, agencyId: r.reporter.agencyId })} data-testid="owed-open-link">
        <Button size="small" type={edit ? 'primary' : 'default'} icon={edit ? <EditOutlined /> : <EyeOutlined />}>
          {edit ? t('reporting.owed.enter') : t('common.view')}
        </Button>
      </Link>
    );
  };
  return (
    <Table<OwedReport>
      rowKey={(r) => `${r.templateId}|${r.periodKey}|${r.reporter.unitId}|${r.reporter.agencyId ?? ''}`}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      data-testid="owed-table"
      locale={{ emptyText: empty }}
      onRow={(r) => ({ 'data-testid': 'owed-row', 'data-state': r.state, 'data-late': r.late, 'data-template-id': r.templateId }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('reporting.owed.report'),
          key: 'report',
          render: (_v, r) => (
            <>
              <Link to={entryHref({ templateId: r.templateId, periodKey: r.periodKey, unitId: r.reporter.unitId, agencyId: r.reporter.agencyId })} data-testid="owed-link">
                {r.templateName}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.periodLabel}
                {phone ? ` · ${r.reporter.name}` : ''}
              </Typography.Text>
              {phone ? (
                <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                  <span style={{ fontSize: 12 }}>
                    {t('reporting.entry.due')}: <DueDate date={r.dueDate} late={r.late && isOpen(r.state)} />
                  </span>
                  {state(r)}
                  {open(r)}
                </Flex>
              ) : null}
            </>
          ),
        },
        { title: t('reporting.owed.reporter'), key: 'reporter', width: 240, responsive: wide, render: (_v, r) => r.reporter.name },
        { title: t('reporting.entry.due'), key: 'due', width: 120, responsive: wide, render: (_v, r) => <DueDate date={r.dueDate} late={r.late && isOpen(r.state)} /> },
        { title: t('reporting.owed.state'), key: 'state', width: 220, responsive: wide, render: (_v, r) => state(r) },
        { title: '', key: 'open', width: 130, responsive: wide, render: (_v, r) => open(r) },
      ]}
    />
  );
}

/** The coordinator's templates, each with its periods of the year and a link to their completeness board. */
function TemplatesCard({ provinceId, year }: { provinceId: string; year: number }) {
  const t = useT();
  const templates = useTemplates(provinceId);
  const wide: Breakpoint[] = ['md'];
  return (
    <Card size="small" title={t('reporting.tpl.title')} data-testid="templates-card">
      {templates.isError ? <ErrorAlert error={templates.error} /> : null}
      <Table<TemplateView>
        rowKey="id"
        size="small"
        loading={templates.isFetching}
        dataSource={templates.data ?? []}
        pagination={false}
        data-testid="templates-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.tpl.empty')} /> }}
        onRow={(r) => ({ 'data-testid': 'template-row', 'data-template-id': r.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('reporting.tpl.name'),
            key: 'name',
            render: (_v, r) => (
              <>
                <strong>{r.name}</strong>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.code} · {t(REPORTER_LEVEL_LABEL[r.reporterLevel])} · {t(PERIOD_KIND_LABEL[r.periodKind])} · {t('reporting.tpl.elements', { n: formatNumber(r.elements.length) })}
                </Typography.Text>
              </>
            ),
          },
          { title: t('reporting.tpl.frequency'), dataIndex: 'frequency', width: 200, responsive: wide },
          {
            title: t('reporting.tpl.completeness'),
            key: 'periods',
            width: 280,
            render: (_v, r) => (
              <Flex vertical gap={2}>
                {periodKeysOfYear(r.periodKind, year).map((k) => (
                  <Link key={k} to={completenessHref(r.id, k)} data-testid="template-completeness-link" data-period={k}>
                    <BarChartOutlined /> {periodName(r.periodKind, k)}
                  </Link>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
