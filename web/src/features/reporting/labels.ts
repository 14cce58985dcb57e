import type { MessageKey } from '../../lib/i18n.ts';
import type { CompletenessStatus, IndicatorStatus, OwedState, PeriodKind, ReportAction, ReportState } from './model.ts';

// Message keys and colours of reporting's domain values (the dictionary holds the words in both languages).
// The Records make every list complete: a state added to the domain does not compile until it has a label.

export const STATE_LABEL: Record<OwedState, MessageKey> = {
  notStarted: 'reporting.state.notStarted',
  draft: 'reporting.state.draft',
  submitted: 'reporting.state.submitted',
  returned: 'reporting.state.returned',
  approved: 'reporting.state.approved',
};
/** Grey: nothing yet; blue: a draft; orange: sent back; cyan: waiting for the coordinator; green: approved. */
export const STATE_COLOR: Record<OwedState, string> = { notStarted: 'default', draft: 'blue', submitted: 'cyan', returned: 'orange', approved: 'green' };

export const COMPLETENESS_LABEL: Record<CompletenessStatus, MessageKey> = STATE_LABEL;
/** Chart colours (antd's palette), the same meaning as the tags. */
export const COMPLETENESS_CHART_COLOR: Record<CompletenessStatus, string> = {
  notStarted: '#bfbfbf',
  draft: '#1677ff',
  returned: '#fa8c16',
  submitted: '#13c2c2',
  approved: '#52c41a',
};

export const ACTION_LABEL: Record<ReportAction, MessageKey> = {
  save: 'reporting.action.save',
  submit: 'reporting.action.submit',
  return: 'reporting.action.return',
  approve: 'reporting.action.approve',
  reopen: 'reporting.action.reopen',
};

/** The grid's columns by breakdown key ('' is the total). */
export const COLUMN_LABEL: Record<string, MessageKey> = {
  '': 'reporting.col.total',
  'sex=male': 'reporting.col.male',
  'sex=female': 'reporting.col.female',
  'ethnicMinority=yes': 'reporting.col.ethnic',
  'ethnicMinority=no': 'reporting.col.notEthnic',
};

export const INDICATOR_STATUS_LABEL: Record<IndicatorStatus, MessageKey> = {
  complete: 'reporting.ind.complete',
  partial: 'reporting.ind.partial',
  none: 'reporting.ind.none',
};
export const INDICATOR_STATUS_COLOR: Record<IndicatorStatus, string> = { complete: 'green', partial: 'gold', none: 'default' };

export const PERIOD_KIND_LABEL: Record<PeriodKind, MessageKey> = {
  calendarYear: 'reporting.period.calendarYear',
  annualWindow: 'reporting.period.annualWindow',
  schoolYear: 'reporting.period.schoolYear',
  quarter: 'reporting.period.quarter',
};

export const REPORTER_LEVEL_LABEL: Record<'commune' | 'agency', MessageKey> = { commune: 'reporting.reporter.commune', agency: 'reporting.reporter.agency' };

export const STATE_OF_REPORT: Record<ReportState, MessageKey> = STATE_LABEL;

