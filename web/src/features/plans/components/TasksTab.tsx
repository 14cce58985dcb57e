import { useEffect, useMemo, useState } from 'react';
import { Empty, Flex, Input, Select, Switch, Typography } from 'antd';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { filterTasks, groupBySection, unresolvedTwins, type TaskView } from '../model.ts';
import type { Resolver } from './ResolveAssignment.tsx';
import { TaskRow } from './TaskRow.tsx';
import { useUrlState } from '../../../lib/url-state.ts';

type Props = {
  tasks: TaskView[];
  /** Given when the person may edit the plan: unresolved names then offer "Chọn cơ quan". */
  resolve?: Omit<Resolver, 'twins'> | undefined;
};

/** The plan's tasks by section; the filters (section, agency, unresolved only) live in the URL. */
export function TasksTab({ tasks, resolve }: Props) {
  const t = useT();
  const [params, update] = useUrlState();
  const section = params.get('section') ?? undefined;
  const unresolved = params.get('unresolved') === '1';
  const [text, setText] = useState(params.get('agency') ?? '');
  const agency = useDebounced(text.trim(), 250);
  useEffect(() => {
    if (agency !== (params.get('agency') ?? '')) update({ agency: agency || undefined });
    // The URL follows what is typed, once typing pauses.
  }, [agency]);

  const twins = useMemo(() => unresolvedTwins(tasks), [tasks]);
  const resolver = useMemo(() => (resolve ? { ...resolve, twins } : undefined), [resolve?.planId, resolve?.provinceId, resolve?.canCreate, twins]);
  const sections = useMemo(() => groupBySection(tasks).map((s) => s.section).filter((s): s is string => !!s), [tasks]);
  const shown = filterTasks(tasks, { section, agency: params.get('agency') ?? undefined, unresolved });

  return (
    <div data-testid="plan-tasks">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {sections.length > 1 ? (
          <Select<string>
            allowClear
            placeholder={t('plans.filterSection')}
            value={section}
            onChange={(v) => update({ section: v })}
            options={sections.map((s) => ({ value: s, label: s }))}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="task-section-filter"
          />
        ) : null}
        <Input.Search
          allowClear
          placeholder={t('plans.filterAgency')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="task-agency-filter"
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={unresolved} onChange={(v) => update({ unresolved: v ? '1' : undefined })} aria-label={t('plans.filterUnresolved')} data-testid="task-unresolved-filter" />
          <span>{t('plans.filterUnresolved')}</span>
        </Flex>
        <Typography.Text type="secondary" data-testid="task-count">
          {t('plans.filteredCount', { n: formatNumber(shown.length), total: formatNumber(tasks.length) })}
        </Typography.Text>
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('plans.noTasks')} />
      ) : (
        groupBySection(shown).map((s) => (
          <section key={s.section ?? ''} className="plan-section" data-testid="task-section">
            <Typography.Title level={5} className="plan-section-title">
              {s.section ?? t('plans.noSection')}
            </Typography.Title>
            <div className="plan-task plan-task-head" aria-hidden>
              <div />
              <div>{t('plans.taskCount')}</div>
              <div>
                {t('plans.leads')} / {t('plans.coordinators')}
              </div>
              <div>{t('plans.timeline')}</div>
            </div>
            {s.tasks.map((task) => (
              <TaskRow key={task.id} task={task} resolver={resolver} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}
