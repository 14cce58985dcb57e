import { Card, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { GridIssue, ServerIssue } from '../model.ts';

const SHOWN = 30;

/** The checks of the figures as they are typed (errors block the submission, warnings ask to look again); a click goes to the cell. */
export function IssuesPanel({ issues, server }: { issues: readonly GridIssue[]; server: readonly ServerIssue[] }) {
  const t = useT();
  const all: (ServerIssue & { cell?: string | null })[] = [...issues, ...server];
  const errors = all.filter((i) => i.severity === 'error').length;
  const warnings = all.length - errors;
  const focus = (cell: string | null | undefined) => {
    if (!cell) return;
    const input = document.querySelector<HTMLInputElement>(`input[data-testid="cell-${CSS.escape(cell)}"]`);
    input?.focus();
    input?.scrollIntoView({ block: 'center', inline: 'nearest' });
  };
  return (
    <Card
      size="small"
      title={t('reporting.issues.title')}
      extra={
        <Flex gap={4}>
          <Tag color={errors ? 'red' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="issues-errors">
            {t('reporting.issues.errors', { n: formatNumber(errors) })}
          </Tag>
          <Tag color={warnings ? 'gold' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="issues-warnings">
            {t('reporting.issues.warnings', { n: formatNumber(warnings) })}
          </Tag>
        </Flex>
      }
      data-testid="issues-panel"
      style={{ marginBottom: 16 }}
    >
      {all.length === 0 ? (
        <Typography.Text type="success" data-testid="issues-none">
          <CheckCircleFilled /> {t('reporting.issues.none')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={6} style={{ maxHeight: 320, overflow: 'auto' }}>
          {all.slice(0, SHOWN).map((i, n) => (
            <Typography.Text
              key={`${n}-${i.message}`}
              type={i.severity === 'error' ? 'danger' : 'warning'}
              style={{ fontSize: 13, cursor: i.cell ? 'pointer' : undefined }}
              onClick={() => focus(i.cell)}
              data-testid="issue"
              data-severity={i.severity}
              data-code={i.code}
              data-element={i.element ?? ''}
            >
              {i.severity === 'error' ? <ExclamationCircleFilled /> : <WarningFilled />} {i.message}
            </Typography.Text>
          ))}
          {all.length > SHOWN ? <Typography.Text type="secondary">{t('reporting.issues.more', { n: formatNumber(all.length - SHOWN) })}</Typography.Text> : null}
        </Flex>
      )}
    </Card>
  );
}
