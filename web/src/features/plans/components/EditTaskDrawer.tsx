import { AutoComplete, Button, Drawer, Form, Input, Select, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { rescheduled, type DraftHeader, type DraftTask } from '../model.ts';
import { ScheduleText } from './ScheduleText.tsx';

type Values = { code: string; section: string; title: string; timeline: string; deliverables: string[] };

type Props = {
  task: DraftTask;
  plan: Pick<DraftHeader, 'periodStart' | 'periodEnd'>;
  sections: string[];
  onSave: (t: DraftTask) => void;
  onClose: () => void;
};

/** Corrects a task the importer misread: number, section, title, timeline (re-read into milestones), deliverables. */
export function EditTaskDrawer({ task, plan, sections, onSave, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const timeline = Form.useWatch('timeline', form) ?? task.schedule.raw;
  const schedule = timeline.trim() === task.schedule.raw.trim() ? task.schedule : rescheduled(timeline, plan);
  const save = (v: Values) =>
    onSave({
      ...task,
      code: v.code.trim() || null,
      section: v.section.trim() || null,
      title: v.title.trim(),
      deliverables: (v.deliverables ?? []).map((d) => d.trim()).filter(Boolean),
      schedule: v.timeline.trim() === task.schedule.raw.trim() ? task.schedule : rescheduled(v.timeline, plan),
    });
  return (
    <Drawer
      open
      size={520}
      title={t('import.editTask')}
      onClose={onClose}
      destroyOnHidden
      data-testid="edit-task-drawer"
      extra={
        <Button type="primary" onClick={() => form.submit()} data-testid="edit-task-save">
          {t('import.apply')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ code: task.code ?? '', section: task.section ?? '', title: task.title, timeline: task.schedule.raw, deliverables: task.deliverables }}
      >
        <Form.Item name="code" label={t('import.code')}>
          <Input maxLength={50} style={{ maxWidth: 160 }} data-testid="edit-task-code" />
        </Form.Item>
        <Form.Item name="section" label={t('import.section')}>
          <AutoComplete options={sections.map((s) => ({ value: s }))} maxLength={1000} />
        </Form.Item>
        <Form.Item name="title" label={t('import.taskTitle')} rules={[{ required: true, whitespace: true, message: t('import.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="edit-task-title" />
        </Form.Item>
        <Form.Item
          name="timeline"
          label={t('import.timelineText')}
          extra={
            <div data-testid="edit-task-schedule">
              <Typography.Text type="secondary">{t('import.timelineRead')}</Typography.Text>
              <ScheduleText schedule={schedule} showRaw={false} />
            </div>
          }
        >
          <Input maxLength={500} data-testid="edit-task-timeline" />
        </Form.Item>
        <Form.Item name="deliverables" label={t('plans.deliverables')} extra={t('import.deliverablesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[';']} maxCount={50} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
