import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n.ts';
import { PERIOD_KIND_LABEL } from '../labels.ts';
import type { TemplateDetail } from '../templates-api.ts';

export const LEVEL_LABEL: Record<TemplateDetail['level'], MessageKey> = {
  commune: 'reporting.tm.level.commune',
  agency: 'reporting.tm.level.agency',
  province: 'reporting.tm.level.province',
};

const pre = { whiteSpace: 'pre-wrap' } as const;

/** One template with the eleven parts NĐ 09/2019 requires of a reporting regime (reference.md §8a), numbered as there. */
export function TemplateCard({ template: x, onEdit }: { template: TemplateDetail; onEdit?: () => void }) {
  const t = useT();
  const reporters =
    x.reporterLevel === 'commune' ? (
      t('reporting.tm.allCommunes')
    ) : x.reporterAgencies.length ? (
      <Flex gap={4} wrap>
        {x.reporterAgencies.map((a) => (
          <Tag key={a.id} style={{ marginInlineEnd: 0 }} data-testid="template-reporter">
            {a.name}
          </Tag>
        ))}
      </Flex>
    ) : (
      t('reporting.tm.allAgencies')
    );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="template-card"
      data-template-code={x.code}
      title={
        <Flex gap={8} wrap align="center">
          <span style={{ whiteSpace: 'normal' }}>{x.name}</span>
          <Tag color={x.active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="template-active">
            {x.active ? t('reporting.tm.active') : t('reporting.tm.inactive')}
          </Tag>
        </Flex>
      }
      extra={
        onEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="template-edit">
            {t('reporting.tm.edit')}
          </Button>
        ) : null
      }
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
        {x.code} · {t(LEVEL_LABEL[x.level])} · {t('reporting.tm.updated', { version: x.version, at: formatDateTime(x.updatedAt) })}
        {x.updatedByName ? ` ${t('reporting.tm.updatedBy', { name: x.updatedByName })}` : ''}
      </Typography.Text>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 220 } }}
        items={[
          { key: 'name', label: t('reporting.tm.part.name'), children: x.name },
          { key: 'content', label: t('reporting.tm.part.content'), children: <span style={pre}>{x.content}</span> },
          { key: 'reporters', label: t('reporting.tm.part.reporters'), children: reporters },
          { key: 'receiver', label: t('reporting.tm.part.receiver'), children: <span style={pre}>{x.receiver}</span> },
          { key: 'transmission', label: t('reporting.tm.part.transmission'), children: <span style={pre}>{x.transmission}</span> },
          { key: 'cutoff', label: t('reporting.tm.part.cutoff'), children: t(PERIOD_KIND_LABEL[x.periodKind]) },
          { key: 'due', label: t('reporting.tm.part.due'), children: x.dueDaysAfterCutoff ? t('reporting.tm.dueDays', { n: x.dueDaysAfterCutoff }) : t('reporting.tm.dueSameDay') },
          { key: 'frequency', label: t('reporting.tm.part.frequency'), children: x.frequency },
          {
            key: 'outline',
            label: t('reporting.tm.part.outline'),
            children: (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {x.outline.map((s) => (
                  <li key={s.key}>
                    <strong>{s.title}</strong>
                    {s.hint ? <Typography.Text type="secondary"> — {s.hint}</Typography.Text> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'elements',
            label: t('reporting.tm.part.elements'),
            children: (
              <ol style={{ margin: 0, paddingLeft: 22 }} data-testid="template-elements">
                {x.elements.map((e) => (
                  <li key={e.code} data-code={e.code}>
                    {e.name}
                  </li>
                ))}
              </ol>
            ),
          },
          { key: 'instructions', label: t('reporting.tm.part.instructions'), children: <span style={pre}>{x.instructions}</span> },
          ...(x.legalBasis ? [{ key: 'legal', label: t('reporting.tm.legalBasis'), children: x.legalBasis }] : []),
        ]}
      />
    </Card>
  );
}
