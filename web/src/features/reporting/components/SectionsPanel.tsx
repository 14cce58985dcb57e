import { memo } from 'react';
import { Card, Flex, Input, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import type { OutlineSection } from '../model.ts';

/** The narrative sections of the template's outline (đề cương), each with its hint. */
export const SectionsPanel = memo(function SectionsPanel({
  outline,
  sections,
  readOnly,
  onSection,
}: {
  outline: readonly OutlineSection[];
  sections: Readonly<Record<string, string>>;
  readOnly: boolean;
  onSection: (key: string, text: string) => void;
}) {
  const t = useT();
  if (outline.length === 0) return null;
  return (
    <Card size="small" title={t('reporting.sections.title')} data-testid="sections-panel">
      <Flex vertical gap={14}>
        {outline.map((s, i) => (
          <div key={s.key}>
            <Typography.Text strong style={{ display: 'block' }}>
              {i + 1}. {s.title}
            </Typography.Text>
            {s.hint ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
                {s.hint}
              </Typography.Text>
            ) : null}
            {readOnly ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`section-${s.key}`}>
                {sections[s.key] || <Typography.Text type="secondary">—</Typography.Text>}
              </Typography.Paragraph>
            ) : (
              <Input.TextArea
                value={sections[s.key] ?? ''}
                onChange={(e) => onSection(s.key, e.target.value)}
                placeholder={s.hint || undefined}
                autoSize={{ minRows: 3, maxRows: 14 }}
                maxLength={50_000}
                aria-label={s.title}
                data-testid={`section-${s.key}`}
              />
            )}
          </div>
        ))}
      </Flex>
    </Card>
  );
});
