import { Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { summariseAssignments, taskText, type TaskView } from '../model.ts';
import { AssignmentTags } from './AssignmentTags.tsx';
import { ScheduleText } from './ScheduleText.tsx';
import type { Resolver } from './ResolveAssignment.tsx';

/** One task of a plan: code and title with deliverables, lead and coordinating agencies, timeline. */
export function TaskRow({ task, resolver }: { task: TaskView; resolver?: Resolver | undefined }) {
  const t = useT();
  const { text, extra } = taskText(task);
  return (
    <div className="plan-task" data-testid="task-row" data-task-id={task.id}>
      <div className="plan-task-code">{task.code ?? ''}</div>
      <div>
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '…' }}>
          {text}
        </Typography.Paragraph>
        {extra ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
            {extra}
          </Typography.Paragraph>
        ) : null}
        {task.deliverables.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('plans.deliverables')}: {task.deliverables.join('; ')}
          </Typography.Text>
        ) : null}
      </div>
      <div className="plan-task-agencies">
        <div className="plan-task-label">{t('plans.leads')}</div>
        <AssignmentTags summary={summariseAssignments(task.assignments, 'lead')} testId="task-leads" resolver={resolver} />
        <div className="plan-task-label" style={{ marginTop: 6 }}>
          {t('plans.coordinators')}
        </div>
        <AssignmentTags summary={summariseAssignments(task.assignments, 'coordinator')} testId="task-coordinators" resolver={resolver} />
      </div>
      <div className="plan-task-time">
        <div className="plan-task-label">{t('plans.timeline')}</div>
        <ScheduleText schedule={task.schedule} />
      </div>
    </div>
  );
}
