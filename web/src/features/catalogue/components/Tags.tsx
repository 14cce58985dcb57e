import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { TAG_STYLE, ValueTag } from '../../../components/ValueTag.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { LINK_MODE_COLOR, LINK_MODE_LABEL, SOURCE_COLOR, SOURCE_LABEL, type LinkMode, type Source } from '../model.ts';

export function SourceTag({ source }: { source: Source }) {
  return <ValueTag value={source} labels={SOURCE_LABEL} colors={SOURCE_COLOR} testId="catalogue-source" attr="status" />;
}

export function RetiredTag() {
  const t = useT();
  return (
    <Tag color="red" style={TAG_STYLE} data-testid="catalogue-retired">
      {t('catalogue.retired')}
    </Tag>
  );
}

export function LinkModeTag({ mode }: { mode: LinkMode }) {
  return <ValueTag value={mode} labels={LINK_MODE_LABEL} colors={LINK_MODE_COLOR} testId="target-link-mode" attr="state" />;
}

/** The first cell of an element's or an indicator's row: its name, its code (to copy), where it comes from, whether retired. */
export function DefinitionName({ name, code, source, active, children }: { name: string; code: string; source: Source; active: boolean; children?: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <span style={{ color: active ? undefined : 'var(--ant-color-text-disabled, #999)' }}>{name}</span>
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary" copyable={{ text: code }} style={{ fontSize: 12 }}>
          {code}
        </Typography.Text>
        <SourceTag source={source} />
        {!active ? <RetiredTag /> : null}
      </Flex>
      {children}
    </Flex>
  );
}
