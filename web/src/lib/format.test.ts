import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

describe('Vietnamese formats', () => {
  it('shows a calendar date as dd/mm/yyyy without shifting it across time zones', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });

  it('shows a moment in Vietnam’s time zone', () => {
    expect(formatDateTime('2026-11-23T17:30:00Z')).toBe('24/11/2026 00:30');
    expect(formatDateTime('2026-11-23T17:30:05Z', true)).toBe('24/11/2026 00:30:05');
  });

  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatNumber(3321)).toBe('3.321');
    expect(formatNumber(12.5)).toBe('12,5');
  });
});
