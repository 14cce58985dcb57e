import { Alert, Breadcrumb, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { PlanDetail } from '../api.ts';
import { PlanOverview } from './PlanOverview.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { TasksTab } from './TasksTab.tsx';

type Tab = 'targets' | 'tasks';

export function PlanDetailView({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = asked === 'targets' || asked === 'tasks' ? asked : plan.targets.length ? 'targets' : 'tasks';
  const go = (next: Tab, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    setParams(p, { replace: true });
  };
  return (
    <div data-testid="plan-detail" data-plan-id={plan.id}>
      <PageHeader title={plan.title}>
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
          { key: 'tasks', label: t('plans.tabTasks', { n: formatNumber(plan.tasks.length) }), children: <TasksTab tasks={plan.tasks} /> },
        ]}
      />
    </div>
  );
}
