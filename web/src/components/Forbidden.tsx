import { Result } from 'antd';
import { useT } from '../lib/i18n-context.tsx';

export function Forbidden() {
  const t = useT();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} data-testid="forbidden" />;
}
