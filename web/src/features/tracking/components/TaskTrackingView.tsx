import { useState } from 'react';
import { Breadcrumb, Button, Card, Collapse, Descriptions, Empty, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { LineChartOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { countsPercent, defaultDue, type ObligationView, type TaskTracking } from '../model.ts';
import { ConsolidatedCard } from './ConsolidatedCard.tsx';
import { ContributionForm } from './ContributionForm.tsx';
import { ContributorsTable } from './ContributorsTable.tsx';
import { AssignmentList, DueText, ProgressTag } from './Tags.tsx';

/** A task of a plan and its reporting periods (obligations): the agencies' reports and the lead's overall status. */
export function TaskTrackingView({ data }: { data: TaskTracking }) {
  const t = useT();
  const [params, update] = useUrlState();
  const { task, obligations, abilities } = data;
  const [open, setOpen] = useState<string[]>(() => {
    const due = defaultDue(obligations, params.get('due'), abilities.review);
    return due ? [due] : [];
  });
  const heading = task.code ? `${task.code}. ${task.title}` : task.title;
  const description = task.description?.trim() && task.description.trim() !== task.title ? task.description.trim() : null;

  return (
    <div data-testid="task-tracking" data-task-id={task.id}>
      <PageHeader
        title={<span style={{ whiteSpace: 'normal' }}>{heading}</span>}
        extra={
          data.abilities.board ? (
            <Link to={`/plans/${task.planId}/board`}>
              <Button icon={<LineChartOutlined />} data-testid="task-board-link">
                {t('tracking.task.board')}
              </Button>
            </Link>
          ) : null
        }
      >
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { key: 'my', title: <Link to="/my-tasks">{t('nav.myTasks')}</Link> },
            { key: 'plan', title: <Link to={`/plans/${task.planId}`}>{task.planNumber ?? task.planTitle.slice(0, 48)}</Link> },
            { key: 'task', title: task.code ?? '…' },
          ]}
        />
      </PageHeader>
      <Card style={{ marginBottom: 16 }} data-testid="task-overview">
        {description ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: '…' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'plan',
              label: t('tracking.task.plan'),
              span: 'filled',
              children: (
                <Link to={`/plans/${task.planId}`} data-testid="task-plan-link">
                  {task.planNumber ? `${task.planNumber} · ${task.planTitle}` : task.planTitle}
                </Link>
              ),
            },
            ...(task.section ? [{ key: 'section', label: t('tracking.task.section'), span: 'filled' as const, children: task.section }] : []),
            { key: 'schedule', label: t('tracking.task.schedule'), children: task.schedule.raw || '—' },
            ...(task.deliverables.length ? [{ key: 'deliverables', label: t('tracking.task.deliverables'), children: task.deliverables.join('; ') }] : []),
            ...(task.budget ? [{ key: 'budget', label: t('tracking.task.budget'), children: task.budget }] : []),
            { key: 'leads', label: t('tracking.task.leads'), span: 'filled' as const, children: <AssignmentList assignments={task.assignments} role="lead" testId="task-leads" /> },
            { key: 'coordinators', label: t('tracking.task.coordinators'), span: 'filled' as const, children: <AssignmentList assignments={task.assignments} role="coordinator" testId="task-coordinators" /> },
          ]}
        />
      </Card>
      <Typography.Title level={4}>{t('tracking.task.obligations', { n: formatNumber(obligations.length) })}</Typography.Title>
      {obligations.length === 0 ? (
        <Empty description={t('tracking.task.noObligations')} />
      ) : (
        <Collapse
          activeKey={open}
          onChange={(keys) => {
            const next = Array.isArray(keys) ? keys.map(String) : [String(keys)];
            const opened = next.find((k) => !open.includes(k));
            setOpen(next);
            if (opened) update({ due: opened });
          }}
          data-testid="obligations"
          items={obligations.map((o) => ({
            key: o.due,
            label: <ObligationHeader o={o} />,
            children: <ObligationBody data={data} o={o} />,
            ...({ 'data-testid': 'obligation', 'data-due': o.due } as object),
          }))}
        />
      )}
    </div>
  );
}

function ObligationHeader({ o }: { o: ObligationView }) {
  const t = useT();
  const pct = countsPercent(o);
  return (
    <Flex gap={8} wrap align="center" justify="space-between" data-testid="obligation-header" data-due={o.due}>
      <div style={{ minWidth: 0, flex: '1 1 220px' }}>
        <DueText dueDate={o.dueDate} labels={o.labels} />
      </div>
      <Flex gap={8} wrap align="center">
        {o.consolidated ? <ProgressTag progress={o.consolidated.progress} /> : null}
        {o.overdue > 0 ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="obligation-overdue">
            {t('tracking.ob.overdueCount', { n: formatNumber(o.overdue) })}
          </Tag>
        ) : null}
        <Tooltip
          title={
            <>
              <div>
                {t('tracking.ob.expected')}: {formatNumber(o.expected)}
              </div>
              <div>
                {t('tracking.ob.submitted')}: {formatNumber(o.submitted)}
              </div>
              <div>
                {t('tracking.ob.accepted')}: {formatNumber(o.accepted)}
              </div>
              <div>
                {t('tracking.ob.overdue')}: {formatNumber(o.overdue)}
              </div>
            </>
          }
        >
          <div style={{ width: 190 }} data-testid="obligation-counts" data-expected={o.expected} data-submitted={o.submitted} data-accepted={o.accepted} data-overdue={o.overdue}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tracking.ob.summary', { submitted: formatNumber(o.submitted), expected: formatNumber(o.expected), accepted: formatNumber(o.accepted) })}
            </Typography.Text>
            <Progress percent={pct.submitted} success={{ percent: pct.accepted }} size="small" showInfo={false} style={{ margin: 0 }} />
          </div>
        </Tooltip>
      </Flex>
    </Flex>
  );
}

function ObligationBody({ data, o }: { data: TaskTracking; o: ObligationView }) {
  const { task, abilities } = data;
  const mine = new Set(abilities.reportFor.map((a) => a.id));
  const forms = abilities.reportFor
    .map((agency) => ({ agency, row: o.contributors.find((r) => r.agencyId === agency.id) }))
    .filter((f): f is { agency: (typeof f)['agency']; row: NonNullable<(typeof f)['row']> } => !!f.row);
  // Reviewers (and province readers) see every report; an agency only its own, in its form.
  const showTable = abilities.review || o.contributors.some((r) => !mine.has(r.agencyId));
  return (
    <div data-testid="obligation-body" data-due={o.due}>
      <ConsolidatedCard taskId={task.id} due={o.due} consolidated={o.consolidated} editable={abilities.consolidate} />
      {forms.map(({ agency, row }) => (
        <ContributionForm key={agency.id} taskId={task.id} due={o.due} agency={agency} row={row} />
      ))}
      {showTable ? <ContributorsTable taskId={task.id} rows={o.contributors} /> : null}
    </div>
  );
}
