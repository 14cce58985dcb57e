import { Col, Row, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v, null, 2) ?? 'null';

/** Keys whose value differs between before and after (a key present on one side only counts). */
export function changedKeys(before: unknown, after: unknown): Set<string> {
  if (!isRecord(before) || !isRecord(after)) return new Set();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...keys].filter((k) => show(before[k]) !== show(after[k])));
}

function Side({ title, value, changed, testId }: { title: string; value: unknown; changed: Set<string>; testId: string }) {
  const t = useT();
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="audit-json" data-testid={testId}>
        {value === null || value === undefined ? (
          <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>
        ) : isRecord(value) ? (
          Object.entries(value).map(([k, v]) => (
            <div key={k} className={changed.has(k) ? 'audit-changed' : undefined} data-changed={changed.has(k) || undefined}>
              {`"${k}": ${show(v)}`}
            </div>
          ))
        ) : (
          show(value)
        )}
      </pre>
    </Col>
  );
}

/** Before and after side by side (stacked on phones), changed keys highlighted on both sides. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const changed = changedKeys(before, after);
  return (
    <Row gutter={[16, 8]}>
      <Side title={t('audit.before')} value={before} changed={changed} testId="audit-before" />
      <Side title={t('audit.after')} value={after} changed={changed} testId="audit-after" />
    </Row>
  );
}
