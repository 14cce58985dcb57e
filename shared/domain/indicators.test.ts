import { describe, expect, it } from 'vitest';
import {
  aggregate,
  checkBreakdowns,
  checkDefinitions,
  checkPercent,
  checkRatio,
  checkValue,
  DEFAULT_MAX_CHANGE_RATIO,
  evaluate,
  roundForDisplay,
  type DataElement,
  type DataValue,
  type Indicator,
} from './indicators.ts';

// Every expectation below is computed by hand in the comment beside it.

const POP: DataElement = { code: 'pop', name: 'Số người trong độ tuổi lao động', level: 'commune', valueType: 'count', breakdowns: ['sex', 'ethnicMinority'] };
const INFO: DataElement = { code: 'info', name: 'Số người trong độ tuổi lao động được trang bị năng lực thông tin', level: 'commune', valueType: 'count', breakdowns: ['sex', 'ethnicMinority'] };
const AGE: DataElement = { code: 'age', name: 'Dân số từ 15 tuổi trở lên', level: 'commune', valueType: 'count', breakdowns: ['ageGroup'], ageGroups: ['15-35', '36-60', '61+'] };
const AGE_OPEN: DataElement = { code: 'ageOpen', name: 'Số người học xóa mù chữ', level: 'commune', valueType: 'count', breakdowns: ['ageGroup'] };
const HOURS: DataElement = { code: 'hours', name: 'Số giờ học bình quân', level: 'commune', valueType: 'number', breakdowns: [] };
const ELEMENTS = [POP, INFO, AGE, AGE_OPEN, HOURS];

const RATE: Indicator = { kind: 'ratio', code: 'infoRate', name: 'Tỷ lệ có năng lực thông tin', group: 'competences', numerator: 'info', denominator: 'pop', unit: '%', factor: 100 };
const FEMALE_RATE: Indicator = { ...RATE, code: 'infoRateFemale', breakdown: { sex: 'female' } };
const COUNT: Indicator = { kind: 'count', code: 'infoCount', name: 'Số người có năng lực thông tin', group: 'competences', element: 'info', unit: 'người' };

const v = (element: string, unitId: string, value: number, breakdown?: Record<string, string>): DataValue => (breakdown ? { element, unitId, value, breakdown } : { element, unitId, value });

describe('evaluate: a ratio sums numerators and denominators, then divides', () => {
  it('gives 40/400 = 10% for communes at 30/100 and 10/300, not the 20% mean of their shares', () => {
    const values = [v('info', 'A', 30), v('pop', 'A', 100), v('info', 'B', 10), v('pop', 'B', 300)];
    const r = evaluate(RATE, values, ['A', 'B'], ELEMENTS);
    expect(r).toEqual({
      indicator: 'infoRate',
      unit: '%',
      value: 10,
      numerator: 40,
      denominator: 400,
      status: 'complete',
      unitsExpected: 2,
      unitsReporting: 2,
      missingUnitIds: [],
    });
    // The mean of 30% and 3.33…% would be 16.67%; of 30/100 and 10/300 read as 30% and 10%, 20%. Neither is right.
    expect(r.value).not.toBeCloseTo(20);
  });

  it('rolls up the same at any level: the province of two districts is the sum of all their communes', () => {
    // District 1: A 30/100, B 10/300 → 40/400 = 10%. District 2: C 90/100 → 90%.
    // Province: 130/500 = 26%; the mean of the district shares would be 50%.
    const values = [v('info', 'A', 30), v('pop', 'A', 100), v('info', 'B', 10), v('pop', 'B', 300), v('info', 'C', 90), v('pop', 'C', 100)];
    expect(evaluate(RATE, values, ['A', 'B'], ELEMENTS).value).toBe(10);
    expect(evaluate(RATE, values, ['C'], ELEMENTS).value).toBe(90);
    const province = evaluate(RATE, values, ['A', 'B', 'C'], ELEMENTS);
    expect([province.numerator, province.denominator, province.value]).toEqual([130, 500, 26]);
  });

  it('sums only the units that reported both figures, lists the others as missing and says "partial"', () => {
    // A 30/100; B 10/— (no denominator); C 20/100; D —/50 (no numerator); E nothing.
    // Over A and C: 50/200 = 25%. B's 10 and D's 50 are not summed.
    const values = [v('info', 'A', 30), v('pop', 'A', 100), v('info', 'B', 10), v('info', 'C', 20), v('pop', 'C', 100), v('pop', 'D', 50)];
    const r = evaluate(RATE, values, ['A', 'B', 'C', 'D', 'E'], ELEMENTS);
    expect(r).toMatchObject({ value: 25, numerator: 50, denominator: 200, status: 'partial', unitsExpected: 5, unitsReporting: 2, missingUnitIds: ['B', 'D', 'E'] });
    expect(r.reason).toBeUndefined();
  });

  it('gives null with a reason when the summed denominator is zero, and keeps a 0/0 unit as reporting', () => {
    const zero = evaluate(RATE, [v('info', 'A', 0), v('pop', 'A', 0), v('info', 'B', 0), v('pop', 'B', 0)], ['A', 'B'], ELEMENTS);
    expect(zero).toMatchObject({ value: null, numerator: 0, denominator: 0, reason: 'zeroDenominator', status: 'complete', unitsReporting: 2 });
    // A 0/0 reported (a commune with no one of working age in the category); B 5/50 → 5/50 = 10%.
    const one = evaluate(RATE, [v('info', 'A', 0), v('pop', 'A', 0), v('info', 'B', 5), v('pop', 'B', 50)], ['A', 'B'], ELEMENTS);
    expect(one).toMatchObject({ value: 10, numerator: 5, denominator: 50, status: 'complete', unitsReporting: 2 });
  });

  it('gives null and "noData" when no unit reported both, never 0%', () => {
    const r = evaluate(RATE, [v('info', 'A', 3)], ['A', 'B'], ELEMENTS);
    expect(r).toMatchObject({ value: null, numerator: null, denominator: null, reason: 'noData', status: 'none', unitsReporting: 0, missingUnitIds: ['A', 'B'] });
  });

  it('keeps full precision: 1/3 is 33.333…%, rounded only for display', () => {
    const r = evaluate(RATE, [v('info', 'A', 1), v('pop', 'A', 3)], ['A'], ELEMENTS);
    expect(r.value).toBe((1 / 3) * 100);
    expect(roundForDisplay(r.value, 1)).toBe(33.3);
  });

  it('applies a breakdown filter to numerator and denominator alike', () => {
    // A: women 20 of 40; B: women 5 of 60 → 25/100 = 25%. The totals (A 100, B 100) are not used.
    const values = [
      v('info', 'A', 20, { sex: 'female' }),
      v('pop', 'A', 40, { sex: 'female' }),
      v('pop', 'A', 100),
      v('info', 'B', 5, { sex: 'female' }),
      v('pop', 'B', 60, { sex: 'female' }),
      v('pop', 'B', 100),
    ];
    expect(evaluate(FEMALE_RATE, values, ['A', 'B'], ELEMENTS)).toMatchObject({ value: 25, numerator: 25, denominator: 100, status: 'complete' });
  });

  it('counts: the sum of one element, partial when a unit is missing', () => {
    // A 30, B 10, C missing → 40, partial.
    const r = evaluate(COUNT, [v('info', 'A', 30), v('info', 'B', 10), v('pop', 'C', 10)], ['A', 'B', 'C'], new Map(ELEMENTS.map((e) => [e.code, e])));
    expect(r).toMatchObject({ value: 40, numerator: 40, denominator: null, unit: 'người', status: 'partial', unitsReporting: 2, missingUnitIds: ['C'] });
  });

  it('refuses an indicator naming an element it does not know', () => {
    expect(() => evaluate({ ...RATE, numerator: 'nope' }, [], ['A'], ELEMENTS)).toThrow(/unknown data element nope/);
  });
});

describe('aggregate: totals, parts and missing values', () => {
  it('takes the parts by sex as the total when they cover Nam and Nữ', () => {
    // A: male 60 + female 40 = 100.
    const values = [v('pop', 'A', 60, { sex: 'male' }), v('pop', 'A', 40, { sex: 'female' })];
    expect(aggregate(values, POP, ['A'])).toEqual({ value: 100, status: 'complete', unitsExpected: 1, unitsReporting: 1, missingUnitIds: [] });
    expect(aggregate(values, POP, ['A'], { sex: 'female' }).value).toBe(40);
  });

  it('does not count a figure twice when it is given as a total and as parts', () => {
    // A: total 100 and parts 60 + 40 → 100, not 200. B: total 50 → 150 in all.
    const values = [v('pop', 'A', 100), v('pop', 'A', 60, { sex: 'male' }), v('pop', 'A', 40, { sex: 'female' }), v('pop', 'B', 50)];
    expect(aggregate(values, POP, ['A', 'B']).value).toBe(150);
    // Women: A 40; B gave no breakdown, so its share of women is unknown → 40, partial, B missing.
    expect(aggregate(values, POP, ['A', 'B'], { sex: 'female' })).toMatchObject({ value: 40, status: 'partial', unitsReporting: 1, missingUnitIds: ['B'] });
  });

  it('prefers the total row to parts that disagree with it (checkBreakdowns reports the disagreement)', () => {
    const values = [v('pop', 'A', 100), v('pop', 'A', 70, { sex: 'male' }), v('pop', 'A', 40, { sex: 'female' })];
    expect(aggregate(values, POP, ['A']).value).toBe(100);
  });

  it('does not take incomplete parts as a total: a unit with only its women is missing', () => {
    expect(aggregate([v('pop', 'A', 40, { sex: 'female' })], POP, ['A'])).toMatchObject({ value: null, status: 'none', missingUnitIds: ['A'] });
  });

  it('does not combine parts of different cuts, but does combine a complete cross-tabulation', () => {
    // A: male 60 (by sex only) and female split by ethnicity 10 + 30. Neither set covers everything → missing.
    const cut = [v('pop', 'A', 60, { sex: 'male' }), v('pop', 'A', 10, { sex: 'female', ethnicMinority: 'yes' }), v('pop', 'A', 30, { sex: 'female', ethnicMinority: 'no' })];
    expect(aggregate(cut, POP, ['A']).value).toBeNull();
    // The women are known from their two parts: 10 + 30 = 40; ethnic-minority women: 10.
    expect(aggregate(cut, POP, ['A'], { sex: 'female' }).value).toBe(40);
    expect(aggregate(cut, POP, ['A'], { sex: 'female', ethnicMinority: 'yes' }).value).toBe(10);
    // With the men split as well (5 + 55), the 2×2 table is complete: 5 + 55 + 10 + 30 = 100; minorities 5 + 10 = 15.
    const full = [...cut.slice(1), v('pop', 'A', 5, { sex: 'male', ethnicMinority: 'yes' }), v('pop', 'A', 55, { sex: 'male', ethnicMinority: 'no' })];
    expect(aggregate(full, POP, ['A']).value).toBe(100);
    expect(aggregate(full, POP, ['A'], { ethnicMinority: 'yes' }).value).toBe(15);
  });

  it('sums age bands only when the element lists its bands and all are given', () => {
    // 70 + 20 + 10 = 100.
    const all = [v('age', 'A', 70, { ageGroup: '15-35' }), v('age', 'A', 20, { ageGroup: '36-60' }), v('age', 'A', 10, { ageGroup: '61+' })];
    expect(aggregate(all, AGE, ['A']).value).toBe(100);
    expect(aggregate(all.slice(0, 2), AGE, ['A']).value).toBeNull();
    // Without declared bands nobody knows whether 15-35 and 36-60 are everyone.
    const open = [v('ageOpen', 'A', 70, { ageGroup: '15-35' }), v('ageOpen', 'A', 30, { ageGroup: '36-60' })];
    expect(aggregate(open, AGE_OPEN, ['A']).value).toBeNull();
    expect(aggregate(open, AGE_OPEN, ['A'], { ageGroup: '15-35' }).value).toBe(70);
  });

  it('ignores units not asked for and counts a unit asked for twice once', () => {
    const values = [v('pop', 'A', 10), v('pop', 'Z', 1000), v('info', 'A', 3)];
    expect(aggregate(values, POP, ['A', 'A'])).toEqual({ value: 10, status: 'complete', unitsExpected: 1, unitsReporting: 1, missingUnitIds: [] });
  });

  it('keeps decimals of a "number" element', () => {
    // 1.5 + 2.25 = 3.75.
    expect(aggregate([v('hours', 'A', 1.5), v('hours', 'B', 2.25)], HOURS, ['A', 'B']).value).toBe(3.75);
  });

  it('refuses rows it cannot read rather than guessing', () => {
    expect(() => aggregate([v('pop', 'A', 1), v('pop', 'A', 2)], POP, ['A'])).toThrow(/hai giá trị/);
    expect(() => aggregate([v('pop', 'A', 1, { religion: 'x' })], POP, ['A'])).toThrow(/không có phân tổ/);
    expect(() => aggregate([v('pop', 'A', 1, { sex: 'other' })], POP, ['A'])).toThrow(/không phải là một nhóm/);
    expect(() => aggregate([v('age', 'A', 1, { ageGroup: '0-14' })], AGE, ['A'])).toThrow(/nhóm tuổi “0-14”/);
    expect(() => aggregate([], AGE, ['A'], { sex: 'female' })).toThrow(RangeError);
  });
});

describe('roundForDisplay', () => {
  it('rounds half away from zero at the given digits', () => {
    expect(roundForDisplay(10 / 3 * 10, 1)).toBe(33.3);
    expect(roundForDisplay(200 / 3, 2)).toBe(66.67);
    expect(roundForDisplay(1.005, 2)).toBe(1.01);
    expect(roundForDisplay(2.5, 0)).toBe(3);
    expect(roundForDisplay(-2.5, 0)).toBe(-3);
    expect(roundForDisplay(55.55, 1)).toBe(55.6);
    expect(roundForDisplay(1e-7, 2)).toBe(0);
    expect(roundForDisplay(null, 1)).toBeNull();
    expect(() => roundForDisplay(1, -1)).toThrow(RangeError);
  });
});

describe('entry checks, with messages naming the element', () => {
  it('refuses negative numbers, and decimals in a count', () => {
    expect(checkValue(POP, -3)).toEqual([{ code: 'negative', severity: 'error', element: 'pop', message: '“Số người trong độ tuổi lao động” không được là số âm (đã nhập -3).' }]);
    expect(checkValue(POP, 12.5)).toEqual([{ code: 'notInteger', severity: 'error', element: 'pop', message: '“Số người trong độ tuổi lao động” là số đếm, phải là số nguyên (đã nhập 12,5).' }]);
    expect(checkValue(HOURS, 12.5)).toEqual([]);
    expect(checkValue(POP, Number.NaN).map((i) => i.code)).toEqual(['notANumber']);
  });

  it('asks to confirm a value more than ±50% from last year (a platform default, not a legal rule)', () => {
    expect(DEFAULT_MAX_CHANGE_RATIO).toBe(0.5);
    expect(checkValue(POP, 150, { previous: 100 })).toEqual([]); // exactly +50%: within
    expect(checkValue(POP, 50, { previous: 100 })).toEqual([]); // exactly -50%: within
    expect(checkValue(POP, 1200, { previous: 800 })).toEqual([]); // +50%
    expect(checkValue(POP, 1201, { previous: 800 })).toEqual([
      {
        code: 'farFromPrevious',
        severity: 'warning',
        element: 'pop',
        // (1201 - 800) / 800 = 50.125% → 50,1%.
        message: '“Số người trong độ tuổi lao động”: 1.201 chênh lệch nhiều so với năm trước (800) (tăng 50,1%), vượt ngưỡng ±50%. Đề nghị kiểm tra lại.',
      },
    ]);
    expect(checkValue(POP, 49, { previous: 100 }).map((i) => i.message)).toEqual([expect.stringContaining('(giảm 51%)')]);
    expect(checkValue(POP, 121, { previous: 100, maxChangeRatio: 0.2 }).map((i) => i.code)).toEqual(['farFromPrevious']);
    expect(checkValue(POP, 5, { previous: 0 }).map((i) => i.code)).toEqual(['farFromPrevious']);
    expect(checkValue(POP, 0, { previous: 0 })).toEqual([]);
    expect(checkValue(POP, 5, { previous: null })).toEqual([]);
  });

  it('refuses a numerator above its denominator', () => {
    expect(checkRatio({ element: INFO, value: 1200 }, { element: POP, value: 1000 })).toEqual([
      {
        code: 'numeratorAboveDenominator',
        severity: 'error',
        element: 'info',
        message: '“Số người trong độ tuổi lao động được trang bị năng lực thông tin” (1.200) lớn hơn “Số người trong độ tuổi lao động” (1.000).',
      },
    ]);
    expect(checkRatio({ element: INFO, value: 1000 }, { element: POP, value: 1000 })).toEqual([]);
  });

  it('refuses a percentage over 100 or below 0', () => {
    expect(checkPercent('Tỷ lệ TTHTCĐ ứng dụng CNTT', 100.5)).toEqual([
      { code: 'percentOver100', severity: 'error', message: '“Tỷ lệ TTHTCĐ ứng dụng CNTT” là tỷ lệ phần trăm, không được vượt quá 100% (đã nhập 100,5%).' },
    ]);
    expect(checkPercent('Tỷ lệ', 100)).toEqual([]);
    expect(checkPercent('Tỷ lệ', -1).map((i) => i.code)).toEqual(['negative']);
  });

  it('checks parts against the cell they divide', () => {
    expect(checkBreakdowns(POP, [{ value: 100 }, { breakdown: { sex: 'male' }, value: 60 }, { breakdown: { sex: 'female' }, value: 40 }])).toEqual([]);
    // 60 + 30 = 90 ≠ 100.
    expect(checkBreakdowns(POP, [{ value: 100 }, { breakdown: { sex: 'male' }, value: 60 }, { breakdown: { sex: 'female' }, value: 30 }])).toEqual([
      { code: 'partsDifferFromTotal', severity: 'error', element: 'pop', message: 'Tổng các phần theo giới tính của “Số người trong độ tuổi lao động” là 90, khác 100.' },
    ]);
    // Only women given, 120 > 100.
    expect(checkBreakdowns(POP, [{ value: 100 }, { breakdown: { sex: 'female' }, value: 120 }])).toEqual([
      { code: 'partsExceedTotal', severity: 'error', element: 'pop', message: 'Các phần theo giới tính của “Số người trong độ tuổi lao động” cộng lại 120, lớn hơn 100.' },
    ]);
    // Women 40, split 10 + 25 = 35 by ethnicity.
    expect(
      checkBreakdowns(POP, [
        { breakdown: { sex: 'female' }, value: 40 },
        { breakdown: { sex: 'female', ethnicMinority: 'yes' }, value: 10 },
        { breakdown: { sex: 'female', ethnicMinority: 'no' }, value: 25 },
      ]).map((i) => i.message),
    ).toEqual(['Tổng các phần theo dân tộc thiểu số của “Số người trong độ tuổi lao động” (Nữ) là 35, khác 40.']);
    expect(checkBreakdowns(POP, [{ breakdown: { religion: 'x' }, value: 1 }, { value: 1 }, { value: 2 }]).map((i) => i.code)).toEqual(['breakdownInvalid', 'breakdownInvalid']);
  });
});

describe('checkDefinitions', () => {
  it('accepts consistent definitions and names what is wrong otherwise', () => {
    expect(checkDefinitions(ELEMENTS, [RATE, FEMALE_RATE, COUNT])).toEqual([]);
    const agencyStaff: DataElement = { code: 'staff', name: 'Số cán bộ', level: 'agency', valueType: 'count', breakdowns: [] };
    expect(
      checkDefinitions(
        [...ELEMENTS, agencyStaff],
        [RATE, RATE, { ...RATE, code: 'mixed', denominator: 'staff' }, { ...COUNT, code: 'c2', element: 'missing' }, { ...RATE, code: 'byAge', breakdown: { ageGroup: '15-35' } }],
      ),
    ).toEqual([
      'indicator infoRate is defined twice',
      'indicator mixed: info is reported by commune, staff by agency',
      'indicator c2 names unknown data element missing',
      'indicator byAge: “Số người trong độ tuổi lao động được trang bị năng lực thông tin” không có phân tổ theo nhóm tuổi',
      'indicator byAge: “Số người trong độ tuổi lao động” không có phân tổ theo nhóm tuổi',
    ]);
  });
});
