import { memo, useEffect, useRef } from 'react';
import { Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';

export type Focus = { line: number; seq: number } | null;

/** The document as the server read it, line by line; the focused line is scrolled into view and highlighted. */
export function SourcePanel({ lines, focus }: { lines: string[]; focus: Focus }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-line="${focus.line}"]`);
    if (el) box.current.scrollTo({ top: Math.max(0, el.offsetTop - box.current.clientHeight / 3), behavior: 'smooth' });
  }, [focus]);
  return (
    <div className="plan-review-source">
      <Typography.Text strong>
        {t('import.source')}{' '}
        <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
          {t('import.sourceHint')}
        </Typography.Text>
      </Typography.Text>
      <div ref={box} className="plan-source" style={{ flex: 1, minHeight: 0, position: 'relative', marginTop: 4 }} data-testid="import-source">
        <Lines lines={lines} focus={focus?.line ?? null} />
      </div>
    </div>
  );
}

// Thousands of lines: rendered once, only the highlight changes.
const Lines = memo(function Lines({ lines, focus }: { lines: string[]; focus: number | null }) {
  return (
    <>
      {lines.map((text, i) => (
        <div key={i} data-line={i + 1} className={i + 1 === focus ? 'plan-source-line is-focus' : 'plan-source-line'}>
          <span>{i + 1}</span>
          <span>{text || ' '}</span>
        </div>
      ))}
    </>
  );
});
