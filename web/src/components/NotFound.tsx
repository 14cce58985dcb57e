import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../lib/i18n-context.tsx';

/** What a 404 from the API shows: the record does not exist or lies outside the person's scope. */
export function NotFound({ backTo = '/units' }: { backTo?: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      data-testid="not-found"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={
        <Link to={backTo}>
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
