// Every action the audit log records, and the kinds of record it records them on. The server's
// recordAudit only accepts these, and the web offers them as filters.
export const AUDIT_ACTIONS = [
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
  'plan.create',
  'plan.update',
  'plan.supersede',
  'plan.assignment.resolve',
  'contribution.save',
  'contribution.submit',
  'contribution.return',
  'contribution.accept',
  'contribution.reopen',
  'evidence.add',
  'evidence.delete',
  'taskStatus.set',
  'report.save',
  'report.submit',
  'report.return',
  'report.approve',
  'report.reopen',
  // A reminder to submit a report (scheduled, or sent now by the coordinator): who was notified, in-app and by e-mail.
  'reminder.send',
  // A coordinator's edit of a report template's NĐ 09/2019 parts, and the proposals from a plan applied to templates.
  'reportTemplate.update',
  'reportTemplate.applyProposal',
  // The province's catalogue (decision 0010): data elements and indicators added or changed, and the
  // coordinator's word on which indicator measures a plan target.
  'dataElement.create',
  'dataElement.update',
  'indicator.create',
  'indicator.update',
  'targetLink.set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ['user', 'adminUnit', 'agency', 'plan', 'contribution', 'taskStatus', 'report', 'reportTemplate', 'dataElement', 'indicator', 'planTarget'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
