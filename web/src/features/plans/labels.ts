import type { DiffField } from '../../../../shared/domain/plan-diff.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { COMPARATOR_LABEL, type Comparator } from '../../lib/labels.ts';
import type { PlanStatus } from './model.ts';

// Message keys of the plans' domain values (the dictionary holds the words in both languages).
export const STATUS_LABEL: Record<PlanStatus, MessageKey> = {
  draft: 'plans.statusDraft',
  inForce: 'plans.statusInForce',
  superseded: 'plans.statusSuperseded',
};
export const STATUS_COLOR: Record<PlanStatus, string> = { draft: 'default', inForce: 'green', superseded: 'orange' };

export const COMPARATOR_LIST = Object.keys(COMPARATOR_LABEL) as Comparator[];

/** The fields a plan diff names (shared/domain/plan-diff.ts). */
export const DIFF_FIELD_LABEL: Record<DiffField, MessageKey> = {
  title: 'plans.title',
  number: 'plans.number',
  issuer: 'plans.issuer',
  signer: 'plans.signer',
  issuedOn: 'plans.issuedOn',
  periodStart: 'import.periodStart',
  periodEnd: 'import.periodEnd',
  comparator: 'import.comparator',
  value: 'import.value',
  unit: 'import.unit',
  code: 'import.code',
  leads: 'plans.leads',
  coordinators: 'plans.coordinators',
  schedule: 'plans.timeline',
  deliverables: 'plans.deliverables',
};
