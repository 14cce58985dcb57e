import type { ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { isNotFound } from '../lib/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { NotFound } from './NotFound.tsx';

/** Loading, refusal (404), error, or the data: the four states of a page that reads one resource. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return isNotFound(query.error) ? <NotFound /> : <ErrorAlert error={query.error} />;
  return <>{children(query.data)}</>;
}
