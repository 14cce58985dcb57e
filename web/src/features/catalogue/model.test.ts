import { describe, expect, it } from 'vitest';
import type { DataElementView, IndicatorView } from '../../../../shared/contracts/catalogue.ts';
import { translate, vi as viDict, type MessageKey, type Params } from '../../lib/i18n.ts';
import { en as enDict } from '../../lib/i18n.en.ts';
import {
  ELEMENT_LEVEL_LABEL,
  LINK_AUTO,
  LINK_MODE_LABEL,
  LINK_NONE,
  SOURCE_LABEL,
  VALUE_TYPE_LABEL,
  breakdownLabel,
  canonicalBreakdowns,
  cellInWords,
  elementCreateBody,
  elementOptions,
  elementPatch,
  filterElements,
  filterIndicators,
  formulaInWords,
  indicatorCreateBody,
  indicatorPatch,
  linkInput,
  linkOptions,
  linkValue,
  namesOf,
  oneOf,
  optionMatches,
  placeIssues,
  type ElementFormValues,
  type IndicatorFormValues,
  type Option,
  type OptionGroup,
} from './model.ts';

const t = (key: MessageKey, params?: Params) => translate('vi', key, params);
const PROVINCE = '00000000-0000-4000-8000-000000000001';

const element = (over: Partial<DataElementView> = {}): DataElementView => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  code: 'workingAgePeople',
  name: 'Số người trong độ tuổi lao động',
  level: 'commune',
  valueType: 'count',
  breakdowns: ['sex', 'ethnicMinority'],
  ageGroups: [],
  source: 'starter',
  active: true,
  version: 3,
  updatedAt: '2025-09-01T03:00:00.000Z',
  updatedByName: null,
  valueCount: 0,
  usedBy: { templates: [], indicators: [] },
  ...over,
});

const indicator = (over: Partial<IndicatorView> = {}): IndicatorView => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  code: 'workingAgeLifeSkillsShare',
  name: 'Tỷ lệ người trong độ tuổi lao động được trang bị kỹ năng sống',
  group: 'competences',
  formula: { kind: 'ratio', numerator: 'workingAgeLifeSkills', denominator: 'workingAgePeople' },
  unit: '%',
  breakdown: null,
  targetText: 'người trong độ tuổi lao động được trang bị kỹ năng sống',
  autoMatch: true,
  source: 'starter',
  active: true,
  version: 2,
  updatedAt: '2025-09-01T03:00:00.000Z',
  updatedByName: 'Nguyễn Văn A',
  ...over,
});

const ELEMENTS = [
  element(),
  element({ id: '00000000-0000-4000-8000-0000000000e2', code: 'workingAgeLifeSkills', name: 'Số người trong độ tuổi lao động được trang bị kỹ năng sống' }),
  element({ id: '00000000-0000-4000-8000-0000000000e3', code: 'learningCentres', name: 'Số trung tâm học tập cộng đồng', breakdowns: [], source: 'province' }),
  element({ id: '00000000-0000-4000-8000-0000000000e4', code: 'schools', name: 'Số cơ sở giáo dục phổ thông', level: 'agency', breakdowns: [], active: false }),
];

describe('labels', () => {
  it('has every label key in both languages', () => {
    const keys = [...Object.values(ELEMENT_LEVEL_LABEL), ...Object.values(VALUE_TYPE_LABEL), ...Object.values(SOURCE_LABEL), ...Object.values(LINK_MODE_LABEL)];
    for (const k of keys) {
      expect(viDict[k]).toBeTruthy();
      expect(enDict[k]).toBeTruthy();
    }
  });

  it('names breakdowns with the domain words in Vietnamese, capitalised', () => {
    expect(breakdownLabel('vi', 'ethnicMinority')).toBe('Dân tộc thiểu số');
    expect(breakdownLabel('vi', 'ageGroup')).toBe('Nhóm tuổi');
    expect(breakdownLabel('en', 'sex')).toBe('Sex');
  });
});

describe('formulaInWords', () => {
  const nameOf = namesOf(ELEMENTS);

  it('writes a ratio with the elements’ names', () => {
    expect(formulaInWords(indicator().formula, nameOf, t)).toBe(
      'Tỷ lệ = Số người trong độ tuổi lao động được trang bị kỹ năng sống / Số người trong độ tuổi lao động × 100',
    );
  });

  it('writes a count as the total of its element', () => {
    expect(formulaInWords({ kind: 'count', element: 'learningCentres', unit: 'trung tâm' }, nameOf, t)).toBe('Tổng của Số trung tâm học tập cộng đồng');
  });

  it('shows the code of an element the catalogue does not have', () => {
    expect(formulaInWords({ kind: 'count', element: 'gone', unit: 'x' }, nameOf, t)).toBe('Tổng của gone');
  });

  it('says which cell a breakdown indicator counts', () => {
    expect(cellInWords({ sex: 'female' })).toBe('Nữ');
    expect(cellInWords({ sex: 'female', ethnicMinority: 'yes' })).toBe('Dân tộc thiểu số, Nữ');
    expect(cellInWords(null)).toBeNull();
    expect(cellInWords({})).toBeNull();
    expect(formulaInWords(indicator().formula, nameOf, t, { sex: 'female' })).toMatch(/× 100, chỉ tính phần Nữ$/);
  });

  it('reads in English too', () => {
    const en = (key: MessageKey, params?: Params) => translate('en', key, params);
    expect(formulaInWords({ kind: 'count', element: 'learningCentres', unit: 'x' }, nameOf, en)).toBe('Total of Số trung tâm học tập cộng đồng');
  });
});

describe('filters and search', () => {
  it('finds elements with or without diacritics, every word anywhere', () => {
    expect(filterElements(ELEMENTS, { q: 'trung tâm' }).map((e) => e.code)).toEqual(['learningCentres']);
    expect(filterElements(ELEMENTS, { q: 'trung tam' }).map((e) => e.code)).toEqual(['learningCentres']);
    expect(filterElements(ELEMENTS, { q: 'KY NANG lao dong' }).map((e) => e.code)).toEqual(['workingAgeLifeSkills']);
    expect(filterElements(ELEMENTS, { q: 'learningcentres' }).map((e) => e.code)).toEqual(['learningCentres']);
    expect(filterElements(ELEMENTS, { q: '  ' })).toHaveLength(4);
  });

  it('filters elements by level, source and state', () => {
    expect(filterElements(ELEMENTS, { level: 'agency' }).map((e) => e.code)).toEqual(['schools']);
    expect(filterElements(ELEMENTS, { source: 'province' }).map((e) => e.code)).toEqual(['learningCentres']);
    expect(filterElements(ELEMENTS, { state: 'retired' }).map((e) => e.code)).toEqual(['schools']);
    expect(filterElements(ELEMENTS, { state: 'active', level: 'commune', q: 'lao dong' })).toHaveLength(2);
  });

  it('finds indicators by the names of the elements of their formula and by their target words', () => {
    const rows = [indicator(), indicator({ id: '00000000-0000-4000-8000-0000000000a2', code: 'centres', name: 'Số TTHTCĐ', group: 'institutions', formula: { kind: 'count', element: 'learningCentres', unit: 'trung tâm' }, targetText: null })];
    const nameOf = namesOf(ELEMENTS);
    expect(filterIndicators(rows, { q: 'hoc tap cong dong' }, nameOf).map((i) => i.code)).toEqual(['centres']);
    expect(filterIndicators(rows, { q: 'được trang bị' }, nameOf).map((i) => i.code)).toEqual(['workingAgeLifeSkillsShare']);
    expect(filterIndicators(rows, { group: 'institutions' }, nameOf).map((i) => i.code)).toEqual(['centres']);
    expect(filterIndicators(rows, { state: 'retired' }, nameOf)).toEqual([]);
  });

  it('matches Select options without diacritics', () => {
    expect(optionMatches('dan toc', 'Dân tộc thiểu số')).toBe(true);
    expect(optionMatches('đặc khu', 'Số xã, phường, đặc khu')).toBe(true);
    expect(optionMatches('gia dinh', 'Số trung tâm')).toBe(false);
    expect(optionMatches('x', undefined)).toBe(false);
  });

  it('reads a filter from the URL only when it is one of the list', () => {
    expect(oneOf(['commune', 'agency'] as const, 'agency')).toBe('agency');
    expect(oneOf(['commune', 'agency'] as const, 'village')).toBeUndefined();
    expect(oneOf(['commune', 'agency'] as const, null)).toBeUndefined();
  });

  it('offers the active elements of a level by name, and keeps those already chosen', () => {
    expect(elementOptions(ELEMENTS, { level: 'commune' }).map((o) => o.value)).toEqual(['workingAgePeople', 'workingAgeLifeSkills', 'learningCentres']);
    const kept = elementOptions(ELEMENTS, { level: 'commune', keep: [{ code: 'schools', name: 'Số cơ sở giáo dục phổ thông' }, { code: 'learningCentres', name: 'x' }] });
    expect(kept.map((o) => o.value)).toEqual(['workingAgePeople', 'workingAgeLifeSkills', 'learningCentres', 'schools']);
  });
});

describe('element form', () => {
  const values = (over: Partial<ElementFormValues> = {}): ElementFormValues => ({
    name: 'Số người trong độ tuổi lao động',
    level: 'commune',
    valueType: 'count',
    breakdowns: ['sex', 'ethnicMinority'],
    ageGroups: [],
    ...over,
  });

  it('sends nothing when nothing changed, whatever order the breakdowns were ticked in', () => {
    expect(elementPatch(element(), values({ breakdowns: ['ethnicMinority', 'sex'] }))).toBeNull();
    expect(elementPatch(element(), values({ name: '  Số người  trong độ tuổi lao động ' }))).toBeNull();
  });

  it('sends only the changed fields with the version the form was opened at', () => {
    expect(elementPatch(element(), values({ name: 'Số người lao động' }))).toEqual({ version: 3, name: 'Số người lao động' });
    expect(elementPatch(element(), values({ valueType: 'number', level: 'agency' }))).toEqual({ version: 3, level: 'agency', valueType: 'number' });
  });

  it('sends age groups only with the age breakdown, and clears them when it is taken off', () => {
    expect(elementPatch(element(), values({ breakdowns: ['ageGroup', 'sex'], ageGroups: ['15-35', ' 36-60 ', ''] }))).toEqual({
      version: 3,
      breakdowns: ['sex', 'ageGroup'],
      ageGroups: ['15-35', '36-60'],
    });
    const withAges = element({ breakdowns: ['ageGroup'], ageGroups: ['15-35'] });
    expect(elementPatch(withAges, values({ breakdowns: [], ageGroups: ['15-35'] }))).toEqual({ version: 3, breakdowns: [], ageGroups: [] });
  });

  it('creates with the code only when one is typed', () => {
    expect(elementCreateBody(PROVINCE, values({ code: '  ', breakdowns: ['ethnicMinority', 'sex'] }))).toEqual({
      provinceId: PROVINCE,
      name: 'Số người trong độ tuổi lao động',
      level: 'commune',
      valueType: 'count',
      breakdowns: ['sex', 'ethnicMinority'],
      ageGroups: [],
    });
    expect(elementCreateBody(PROVINCE, values({ code: 'volunteers ' })).code).toBe('volunteers');
  });

  it('orders breakdowns as the domain does', () => {
    expect(canonicalBreakdowns(['ageGroup', 'sex'])).toEqual(['sex', 'ageGroup']);
  });
});

describe('indicator form', () => {
  const values = (over: Partial<IndicatorFormValues> = {}): IndicatorFormValues => ({
    name: indicator().name,
    group: 'competences',
    formula: { kind: 'ratio', numerator: 'workingAgeLifeSkills', denominator: 'workingAgePeople' },
    targetText: indicator().targetText,
    ...over,
  });

  it('sends nothing when nothing changed', () => {
    expect(indicatorPatch(indicator(), values())).toBeNull();
    // The other kind's fields stay in the form when the kind is switched back and forth; they are not a change.
    expect(indicatorPatch(indicator(), values({ formula: { kind: 'ratio', numerator: 'workingAgeLifeSkills', denominator: 'workingAgePeople', element: 'x', unit: 'y' } }))).toBeNull();
  });

  it('sends the whole formula when a part of it changed', () => {
    expect(indicatorPatch(indicator(), values({ formula: { kind: 'ratio', numerator: 'workingAgeLifeSkills', denominator: 'population15Plus' } }))).toEqual({
      version: 2,
      formula: { kind: 'ratio', numerator: 'workingAgeLifeSkills', denominator: 'population15Plus' },
    });
    expect(indicatorPatch(indicator(), values({ formula: { kind: 'count', numerator: 'a', element: 'learningCentres', unit: ' trung tâm ' } }))).toEqual({
      version: 2,
      formula: { kind: 'count', element: 'learningCentres', unit: 'trung tâm' },
    });
  });

  it('clears the target words with null, and sends group and name changes', () => {
    expect(indicatorPatch(indicator(), values({ targetText: '   ', group: 'other', name: 'Tỷ lệ mới' }))).toEqual({ version: 2, name: 'Tỷ lệ mới', group: 'other', targetText: null });
    expect(indicatorPatch(indicator({ targetText: null }), values({ targetText: '' }))).toBeNull();
  });

  it('creates a count with its unit, without a code when none is typed', () => {
    expect(indicatorCreateBody(PROVINCE, { name: 'Số TTHTCĐ', group: 'institutions', formula: { kind: 'count', element: 'learningCentres', unit: 'trung tâm' }, targetText: '' })).toEqual({
      provinceId: PROVINCE,
      name: 'Số TTHTCĐ',
      group: 'institutions',
      formula: { kind: 'count', element: 'learningCentres', unit: 'trung tâm' },
      targetText: null,
    });
  });
});

describe('placeIssues', () => {
  const fields = ['name', 'breakdowns', 'ageGroups', 'formula.kind', 'formula.numerator'];

  it('puts an issue on its field, or on the list it is an item of', () => {
    const { byField, unmatched } = placeIssues(fields, [
      { path: 'name', message: 'không được để trống' },
      { path: 'ageGroups.2', message: 'tối đa 40 ký tự' },
      { path: 'ageGroups.3', message: 'tối đa 40 ký tự' },
      { path: 'formula.numerator', message: 'mã không hợp lệ' },
    ]);
    expect(byField).toEqual([
      ['name', ['không được để trống']],
      ['ageGroups', ['tối đa 40 ký tự', 'tối đa 40 ký tự']],
      ['formula.numerator', ['mã không hợp lệ']],
    ]);
    expect(unmatched).toEqual([]);
  });

  it('returns the issues no field shows', () => {
    expect(placeIssues(fields, [{ path: 'provinceId', message: 'x' }, { path: 'formula', message: 'y' }]).unmatched).toEqual([
      { path: 'provinceId', message: 'x' },
      { path: 'formula', message: 'y' },
    ]);
  });
});

describe('target links', () => {
  const rows = [
    indicator(),
    indicator({ id: '00000000-0000-4000-8000-0000000000a2', code: 'centres', name: 'Số trung tâm', group: 'institutions' }),
    indicator({ id: '00000000-0000-4000-8000-0000000000a3', code: 'bAnother', name: 'Another', active: false }),
    indicator({ id: '00000000-0000-4000-8000-0000000000a4', code: 'aAlpha', name: 'Ánh sáng' }),
  ];
  const values = (options: (Option | OptionGroup)[]) => options.map((o) => ('options' in o ? o.options.map((x) => x.value) : o.value));

  it('turns a link into a Select value and back', () => {
    expect(linkValue({ mode: 'auto', code: 'centres' })).toBe(LINK_AUTO);
    expect(linkValue({ mode: 'none', code: null })).toBe(LINK_NONE);
    expect(linkValue({ mode: 'manual', code: 'centres' })).toBe('code:centres');
    expect(linkInput(LINK_AUTO)).toEqual({ mode: 'auto' });
    expect(linkInput(LINK_NONE)).toEqual({ mode: 'none' });
    expect(linkInput('code:centres')).toEqual({ mode: 'manual', code: 'centres' });
  });

  it('lists the active candidates first, then the other active indicators by name, between auto and none', () => {
    const options = linkOptions({ mode: 'auto', code: null, candidates: ['centres', 'bAnother'] }, rows, t);
    expect(values(options)).toEqual([LINK_AUTO, ['code:centres'], ['code:aAlpha', 'code:workingAgeLifeSkillsShare'], LINK_NONE]);
    expect((options[1] as OptionGroup).label).toBe('Chỉ số có thể phù hợp');
  });

  it('keeps a retired indicator the target is linked to by hand, so the Select can name it', () => {
    const options = linkOptions({ mode: 'manual', code: 'bAnother', candidates: [] }, rows, t);
    expect(values(options)).toEqual([LINK_AUTO, ['code:bAnother', 'code:aAlpha', 'code:centres', 'code:workingAgeLifeSkillsShare'], LINK_NONE]);
  });
});
