import type { ContributionAction } from '../../../../shared/domain/task-tracking.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { BoardStatus, ContributionState, MyTab, ObligationStatus, Progress } from './model.ts';

// Message keys and tag colours of tracking's domain values (the dictionary holds the words in both languages).
// The Records make every list complete: a status added to the domain does not compile until it has a label.

export const OBLIGATION_STATUS_LABEL: Record<ObligationStatus, MessageKey> = {
  overdue: 'tracking.status.overdue',
  returned: 'tracking.status.returned',
  dueSoon: 'tracking.status.dueSoon',
  upcoming: 'tracking.status.upcoming',
  noDate: 'tracking.status.noDate',
  submitted: 'tracking.status.submitted',
  accepted: 'tracking.status.accepted',
};
/** Red: late; orange: sent back; gold: due within 30 days; then calmer colours for what is not urgent or done. */
export const OBLIGATION_STATUS_COLOR: Record<ObligationStatus, string> = {
  overdue: 'red',
  returned: 'orange',
  dueSoon: 'gold',
  upcoming: 'blue',
  noDate: 'default',
  submitted: 'cyan',
  accepted: 'green',
};

export const TAB_LABEL: Record<MyTab, MessageKey> = { ...OBLIGATION_STATUS_LABEL, todo: 'tracking.tab.todo', all: 'tracking.tab.all' };

export const PROGRESS_LABEL: Record<Progress, MessageKey> = {
  notStarted: 'tracking.progress.notStarted',
  inProgress: 'tracking.progress.inProgress',
  done: 'tracking.progress.done',
  delayed: 'tracking.progress.delayed',
};
export const PROGRESS_COLOR: Record<Progress, string> = { notStarted: 'default', inProgress: 'processing', done: 'success', delayed: 'error' };

export const STATE_LABEL: Record<ContributionState, MessageKey> = {
  draft: 'tracking.state.draft',
  submitted: 'tracking.state.submitted',
  returned: 'tracking.state.returned',
  accepted: 'tracking.state.accepted',
};
export const STATE_COLOR: Record<ContributionState, string> = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' };

export const ACTION_LABEL: Record<ContributionAction, MessageKey> = {
  save: 'tracking.action.save',
  submit: 'tracking.action.submit',
  return: 'tracking.action.return',
  accept: 'tracking.action.accept',
  reopen: 'tracking.action.reopen',
};

export const BOARD_STATUS_LABEL: Record<BoardStatus, MessageKey> = {
  ...PROGRESS_LABEL,
  noReport: 'tracking.board.noReport',
  overdue: 'tracking.board.overdue',
};
/** Chart colours (antd's palette), the same meaning as the tags: green done, blue in progress, red late. */
export const BOARD_STATUS_CHART_COLOR: Record<BoardStatus, string> = {
  done: '#52c41a',
  inProgress: '#1677ff',
  delayed: '#ff4d4f',
  notStarted: '#bfbfbf',
  noReport: '#faad14',
  overdue: '#cf1322',
};

export const ROLE_LABEL: Record<'lead' | 'coordinator', MessageKey> = { lead: 'tracking.role.lead', coordinator: 'tracking.role.coordinator' };
