import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import type { Draft } from '../model.ts';

const SHOWN = 5;

/** What the importer could not read with confidence, each with its line (a click shows it in the source). */
export function WarningList({ warnings, onLine }: { warnings: Draft['warnings']; onLine: (line: number) => void }) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (!warnings.length) return null;
  const shown = all ? warnings : warnings.slice(0, SHOWN);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-warnings"
      title={t('import.warnings', { n: warnings.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {shown.map((w, i) => (
            <li key={i} data-testid="import-warning">
              {w.line ? (
                <Typography.Link onClick={() => onLine(w.line!)}>{t('plans.line', { n: w.line })}</Typography.Link>
              ) : null}
              {w.line ? ': ' : null}
              {w.message}
            </li>
          ))}
          {warnings.length > SHOWN ? (
            <li style={{ listStyle: 'none' }}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>
                {all ? t('plans.less') : t('plans.more', { n: warnings.length - SHOWN })}
              </Button>
            </li>
          ) : null}
        </ul>
      }
    />
  );
}
