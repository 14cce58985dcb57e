import { useState } from 'react';
import { Card, Empty, Input, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { unitLevelLabel } from '../../../lib/labels.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useUnitSearch } from '../api.ts';

/** Finds units by name or code, ignoring diacritics ("long chau" finds "Phường Long Châu"). */
export function UnitSearch() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const results = useUnitSearch(q);
  return (
    <Card title={t('units.searchTitle')} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('units.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        loading={results.isFetching}
        data-testid="unit-search"
        aria-label={t('units.searchTitle')}
      />
      {q ? (
        <div data-testid="unit-search-results" style={{ marginTop: 12 }}>
          {results.isPending ? (
            <Spin />
          ) : results.data && results.data.length > 0 ? (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {results.data.map((u) => (
                <li key={u.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Link to={`/units/${u.id}`} data-testid="unit-result">
                    {u.name}
                  </Link>{' '}
                  <Tag>{unitLevelLabel(lang, u.level)}</Tag>
                  <Typography.Text type="secondary">{t('units.code')}: {u.code}</Typography.Text>
                  {u.validTo ? <Tag color="default">{t('units.retired')}</Tag> : null}
                </li>
              ))}
            </ul>
          ) : results.isError ? (
            <Typography.Text type="danger">{results.error.message}</Typography.Text>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noResults')} />
          )}
        </div>
      ) : null}
    </Card>
  );
}
