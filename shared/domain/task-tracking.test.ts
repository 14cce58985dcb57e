import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule.ts';
import { CONTRIBUTION_STATES, CONTRIBUTION_ACTIONS, CONTRIBUTION_WORKFLOW, actionsFor, obligationStatus, obligationsOf, transition, type TrackingActorKind } from './task-tracking.ts';

const plan = { periodStart: 2026, periodEnd: 2030 };
const of = (raw: string, p: { periodStart: number | null; periodEnd: number | null } = plan) => obligationsOf(parseSchedule(raw, p), p);

describe('obligations from a schedule (issue 3: "a yearly task owes a report every year")', () => {
  it('owes one report per dated milestone', () => {
    expect(of('Quý I/2026')).toEqual([{ due: '2026-03-31', dueDate: '2026-03-31', labels: ['Quý I/2026'] }]);
    expect(of('Hàng năm').map((o) => o.due)).toEqual(['2026-12-14', '2027-12-14', '2028-12-14', '2029-12-14', '2030-12-14']);
    expect(of('2026-2030')).toHaveLength(5);
  });

  it('reports "Thường xuyên" work with the yearly report of every year of the plan', () => {
    expect(of('Thường xuyên').map((o) => [o.due, o.labels[0]])).toEqual([
      ['2026-12-14', 'Thường xuyên (báo cáo năm 2026)'],
      ['2027-12-14', 'Thường xuyên (báo cáo năm 2027)'],
      ['2028-12-14', 'Thường xuyên (báo cáo năm 2028)'],
      ['2029-12-14', 'Thường xuyên (báo cáo năm 2029)'],
      ['2030-12-14', 'Thường xuyên (báo cáo năm 2030)'],
    ]);
  });

  it('keeps two milestones of one schedule, and merges two falling on the same day', () => {
    const two = of('Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên');
    expect(two[0]).toEqual({ due: '2026-03-31', dueDate: '2026-03-31', labels: ['Ban hành Kế hoạch'] });
    expect(two).toHaveLength(6);
    const last = of('Hàng năm và cuối giai đoạn').at(-1)!;
    expect(last).toEqual({ due: '2030-12-14', dueDate: '2030-12-14', labels: ['Báo cáo năm 2030', 'Cuối giai đoạn'] });
  });

  it('gives work with no fixed date one undated obligation, and never guesses an unreadable timeline', () => {
    expect(of('Khi có sự thay đổi')).toEqual([{ due: 'open', dueDate: null, labels: ['Khi có sự thay đổi'] }]);
    expect(of('theo tiến độ dự án')).toEqual([{ due: 'open', dueDate: null, labels: ['theo tiến độ dự án'] }]);
    expect(of('Thường xuyên', { periodStart: null, periodEnd: null })).toEqual([{ due: 'open', dueDate: null, labels: ['Thường xuyên'] }]);
  });
});

describe('where an agency stands on an obligation', () => {
  const o = { dueDate: '2026-12-14' };
  it('is overdue from the day after the due date until submitted', () => {
    expect(obligationStatus(o, null, '2026-12-14')).toBe('dueSoon');
    expect(obligationStatus(o, null, '2026-12-15')).toBe('overdue');
    expect(obligationStatus(o, 'draft', '2026-12-15')).toBe('overdue');
    expect(obligationStatus(o, 'submitted', '2026-12-15')).toBe('submitted');
    expect(obligationStatus(o, 'returned', '2026-12-15')).toBe('returned');
    expect(obligationStatus(o, 'accepted', '2027-01-01')).toBe('accepted');
  });
  it('is due soon within 30 days, upcoming before that, and never late without a date', () => {
    expect(obligationStatus(o, null, '2026-11-14')).toBe('dueSoon');
    expect(obligationStatus(o, null, '2026-11-13')).toBe('upcoming');
    expect(obligationStatus({ dueDate: null }, null, '2099-01-01')).toBe('noDate');
  });
});

describe('the contribution workflow table', () => {
  const KINDS: TrackingActorKind[] = ['contributor', 'lead', 'coordinator'];
  it('allows every row to the actors it names and refuses it to the others', () => {
    for (const row of CONTRIBUTION_WORKFLOW) {
      for (const kind of KINDS) {
        const r = transition(row.from, row.action, [kind]);
        if (row.by.includes(kind)) expect(r, `${kind} ${row.action} from ${row.from}`).toEqual({ ok: true, to: row.to, needsReason: row.needsReason === true });
        else expect(r, `${kind} ${row.action} from ${row.from}`).toEqual({ ok: false, reason: 'actor' });
      }
    }
  });
  it('refuses every action the table does not list, whoever asks', () => {
    for (const from of CONTRIBUTION_STATES) {
      for (const action of CONTRIBUTION_ACTIONS) {
        if (CONTRIBUTION_WORKFLOW.some((r) => r.from === from && r.action === action)) continue;
        expect(transition(from, action, KINDS), `${action} from ${from}`).toEqual({ ok: false, reason: 'state' });
      }
    }
  });
  it('offers each actor the buttons of its rows', () => {
    expect(actionsFor('draft', ['contributor'])).toEqual(['save', 'submit']);
    expect(actionsFor('submitted', ['contributor'])).toEqual([]);
    expect(actionsFor('submitted', ['lead'])).toEqual(['return', 'accept']);
    expect(actionsFor('accepted', ['lead'])).toEqual([]);
    expect(actionsFor('accepted', ['coordinator'])).toEqual(['reopen']);
  });
});
