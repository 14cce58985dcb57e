import { Tag } from 'antd';
import { useT } from '../lib/i18n-context.tsx';
import type { MessageKey } from '../lib/i18n.ts';

/** Tags sit in table cells and flex rows, where antd's trailing margin would misalign them. */
export const TAG_STYLE = { marginInlineEnd: 0 } as const;

type Props<V extends string> = {
  value: V;
  labels: Record<V, MessageKey>;
  colors: Record<V, string>;
  testId: string;
  /** The value is also written to `data-<attr>`, so tests find a state without reading words that follow the language. */
  attr: 'state' | 'status' | 'progress';
};

/** A domain value (a state, a status, a progress) as a coloured tag, from its feature's label and colour tables. */
export function ValueTag<V extends string>({ value, labels, colors, testId, attr }: Props<V>) {
  const t = useT();
  const data = { [`data-${attr}`]: value };
  return (
    <Tag color={colors[value]} style={TAG_STYLE} data-testid={testId} {...data}>
      {t(labels[value])}
    </Tag>
  );
}
