import { Alert, Card, Flex, Form, Radio, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { STATUS_LABEL } from '../labels.ts';
import type { Draft, PlanLinks, PlanStatus } from '../model.ts';
import { PlanSelect } from './PlanSelect.tsx';

type Props = {
  draft: Draft;
  unresolved: { refs: number; names: number };
  status: PlanStatus;
  onStatus: (s: PlanStatus) => void;
  /** The plans of the province this one carries out or amends (optional). */
  links: PlanLinks;
  onLinks: (l: PlanLinks) => void;
  /** The server's refusals of the links ("implementsPlanId" → messages). */
  linkErrors: Record<string, string[]>;
  error: unknown;
};

/** Step 3: what will be written, the status it starts in, and the names that stay unresolved. */
export function SaveStep({ draft, unresolved, status, onStatus, links, onLinks, linkErrors, error }: Props) {
  const t = useT();
  return (
    <Card style={{ maxWidth: 720 }} data-testid="import-save">
      <Flex vertical gap={16}>
        <Typography.Text data-testid="import-summary">
          {t('import.summary', { title: draft.plan.title, targets: formatNumber(draft.targets.length), tasks: formatNumber(draft.tasks.length) })}
        </Typography.Text>
        {unresolved.refs > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="import-unresolved"
            title={t('import.unresolvedNotice', { names: formatNumber(unresolved.names), refs: formatNumber(unresolved.refs) })}
            description={t('import.unresolvedKept')}
          />
        ) : (
          <Alert type="success" showIcon title={t('import.allResolved')} />
        )}
        <div>
          <Typography.Text strong>{t('import.statusChoice')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Radio.Group
              value={status}
              onChange={(e) => onStatus(e.target.value as PlanStatus)}
              options={(['draft', 'inForce'] as const).map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
              data-testid="import-status"
            />
          </div>
        </div>
        <div data-testid="import-links">
          <Typography.Text strong>{t('import.links')}</Typography.Text>
          <Form layout="vertical" style={{ marginTop: 8 }} component="div">
            {(['implementsPlanId', 'amendsPlanId'] as const).map((k) => (
              <Form.Item
                key={k}
                label={t(k === 'implementsPlanId' ? 'plans.implementsPlan' : 'plans.amendsPlan')}
                validateStatus={linkErrors[k]?.length ? 'error' : undefined}
                help={linkErrors[k]?.join('; ')}
                style={{ marginBottom: 8 }}
              >
                <PlanSelect
                  provinceId={draft.provinceId}
                  value={links[k]}
                  onChange={(id) => onLinks({ ...links, [k]: id })}
                  placeholder={t('plans.noLink')}
                  data-testid={k === 'implementsPlanId' ? 'import-implements' : 'import-amends'}
                />
              </Form.Item>
            ))}
          </Form>
          {links.amendsPlanId && status === 'inForce' ? <Alert type="info" showIcon title={t('plans.supersedeHint')} /> : null}
        </div>
        <ErrorAlert error={error} />
      </Flex>
    </Card>
  );
}
