// The workflow of a periodic report (issue 4, "Entry and workflow"), as data: a commune or agency officer
// fills and submits; the provincial coordinator (Sở GDĐT) approves or returns it with a reason; an approved
// report is locked and only the coordinator reopens it, with a reason the audit log keeps.

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['save', 'submit', 'return', 'approve', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export type ReportActorKind = 'reporter' | 'coordinator';

export const REPORT_WORKFLOW: readonly { from: ReportState; action: ReportAction; to: ReportState; by: readonly ReportActorKind[]; needsReason?: true }[] = [
  { from: 'draft', action: 'save', to: 'draft', by: ['reporter'] },
  { from: 'returned', action: 'save', to: 'returned', by: ['reporter'] },
  { from: 'draft', action: 'submit', to: 'submitted', by: ['reporter'] },
  { from: 'returned', action: 'submit', to: 'submitted', by: ['reporter'] },
  { from: 'submitted', action: 'return', to: 'returned', by: ['coordinator'], needsReason: true },
  { from: 'submitted', action: 'approve', to: 'approved', by: ['coordinator'] },
  { from: 'approved', action: 'reopen', to: 'returned', by: ['coordinator'], needsReason: true },
];

export function reportTransition(from: ReportState, action: ReportAction, kinds: readonly ReportActorKind[]) {
  const row = REPORT_WORKFLOW.find((r) => r.from === from && r.action === action);
  if (!row) return { ok: false as const, reason: 'state' as const };
  if (!row.by.some((k) => kinds.includes(k))) return { ok: false as const, reason: 'actor' as const };
  return { ok: true as const, to: row.to, needsReason: row.needsReason === true };
}

export function reportActionsFor(from: ReportState, kinds: readonly ReportActorKind[]): ReportAction[] {
  return REPORT_WORKFLOW.filter((r) => r.from === from && r.by.some((k) => kinds.includes(k))).map((r) => r.action);
}

/** Where a reporter stands on the completeness board. */
export const COMPLETENESS_STATUSES = ['notStarted', 'draft', 'returned', 'submitted', 'approved'] as const;
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];
