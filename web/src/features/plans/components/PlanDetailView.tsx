import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Tabs, Typography } from 'antd';
import { EditOutlined, FormOutlined, LineChartOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { PlanDetail } from '../api.ts';
import { EditPlanDrawer } from './EditPlanDrawer.tsx';
import { PlanChangesTab } from './PlanChangesTab.tsx';
import { PlanOverview } from './PlanOverview.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { TasksTab } from './TasksTab.tsx';

type Tab = 'targets' | 'tasks' | 'changes';

/** A committed plan: header and links, targets, tasks (resolving names left unresolved), changes from another version. */
export function PlanDetailView({ plan, canCreateAgency = false }: { plan: PlanDetail; canCreateAgency?: boolean }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const asked = params.get('tab');
  const tab: Tab = asked === 'targets' || asked === 'tasks' || asked === 'changes' ? asked : plan.targets.length ? 'targets' : 'tasks';
  const canEdit = plan.abilities.edit === true;
  const resolve = useMemo(() => (canEdit ? { planId: plan.id, provinceId: plan.provinceId, canCreate: canCreateAgency } : undefined), [canEdit, plan.id, plan.provinceId, canCreateAgency]);
  const go = (next: Tab, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    setParams(p, { replace: true });
  };
  return (
    <div data-testid="plan-detail" data-plan-id={plan.id}>
      <PageHeader
        title={plan.title}
        extra={
          <>
            {plan.abilities.board ? (
              // The reporting feature's page, by URL only (features do not import each other).
              <Link to={`/reports/templates?provinceId=${plan.provinceId}&tab=proposals&planId=${plan.id}`}>
                <Button icon={<FormOutlined />} data-testid="plan-proposals-link">
                  {t('reporting.tm.fromPlan')}
                </Button>
              </Link>
            ) : null}
            {plan.abilities.board ? (
              <Link to={`/plans/${plan.id}/board`}>
                <Button icon={<LineChartOutlined />} data-testid="plan-board-link">
                  {t('tracking.board.title')}
                </Button>
              </Link>
            ) : null}
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('plans.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <Breadcrumb style={{ marginBottom: 8 }} items={[{ key: 'plans', title: <Link to="/plans">{t('plans.back')}</Link> }, { key: 'this', title: plan.number ?? (plan.title.length > 48 ? `${plan.title.slice(0, 48)}…` : plan.title) }]} />
      </PageHeader>
      <PlanOverview plan={plan} />
      {plan.unresolvedAgencies > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="plan-unresolved-alert"
          title={
            <span>
              {t('plans.unresolvedAlert', { n: formatNumber(plan.unresolvedAgencies) })}{' '}
              <Typography.Link onClick={() => go('tasks', { unresolved: '1' })} data-testid="plan-show-unresolved">
                {t('plans.showUnresolved')}
              </Typography.Link>
            </span>
          }
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as Tab)}
        data-testid="plan-tabs"
        items={[
          { key: 'targets', label: t('plans.tabTargets', { n: formatNumber(plan.targets.length) }), children: <TargetsTab targets={plan.targets} /> },
          { key: 'tasks', label: t('plans.tabTasks', { n: formatNumber(plan.tasks.length) }), children: <TasksTab tasks={plan.tasks} resolve={resolve} /> },
          { key: 'changes', label: plan.amendsPlan ? t('plans.tabChanges') : t('plans.tabCompare'), children: <PlanChangesTab plan={plan} /> },
        ]}
      />
      {editing ? <EditPlanDrawer plan={plan} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
