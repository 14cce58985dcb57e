import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../../../shared/contracts/audit.ts';
import { api } from '../../lib/api.ts';

export type { AuditEvent };
export type AuditFilters = { actor?: string; action?: string; entityType?: string; entityId?: string; from?: string; to?: string; limit: number; offset: number };

export const auditQueries = {
  list: (f: AuditFilters) =>
    queryOptions({
      queryKey: ['audit', 'list', f],
      queryFn: ({ signal }) => api<{ items: AuditEvent[]; total: number }>('/api/audit', { query: f, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useAudit = (f: AuditFilters) => useQuery(auditQueries.list(f));

export { AUDIT_ACTIONS as KNOWN_ACTIONS, AUDIT_ENTITY_TYPES as KNOWN_ENTITY_TYPES } from '../../../../shared/domain/audit.ts';
