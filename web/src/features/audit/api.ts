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

/** Actions and record types written by the server today (suggestions; any text is accepted). */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.loginFailed',
  'auth.locked',
  'auth.passwordChanged',
  'user.create',
  'user.update',
  'user.grants',
  'user.passwordReset',
  'unit.create',
  'unit.update',
  'unit.retire',
  'unit.import',
  'agency.create',
  'agency.update',
  'agency.seedStandard',
] as const;
export const KNOWN_ENTITY_TYPES = ['user', 'adminUnit', 'agency'] as const;
