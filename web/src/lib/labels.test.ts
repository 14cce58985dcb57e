import { describe, expect, it } from 'vitest';
import { COMPARATORS, TARGET_GROUPS } from '../../../shared/contracts/plan-import.ts';
import { en as enDict } from './i18n.en.ts';
import { vi as viDict } from './i18n.ts';
import { COMPARATOR_LABEL, TARGET_GROUP_LABEL } from './labels.ts';

describe("a plan's target words, shared by plans and reporting", () => {
  it('labels every group and comparator, in both languages', () => {
    expect(Object.keys(TARGET_GROUP_LABEL).sort()).toEqual([...TARGET_GROUPS].sort());
    expect(Object.keys(COMPARATOR_LABEL).sort()).toEqual([...COMPARATORS].sort());
    for (const k of [...Object.values(TARGET_GROUP_LABEL), ...Object.values(COMPARATOR_LABEL)]) {
      expect(viDict[k]).toBeTruthy();
      expect(enDict[k]).toBeTruthy();
    }
    expect(viDict[COMPARATOR_LABEL.atLeast]).toBe('ít nhất');
    expect(viDict[TARGET_GROUP_LABEL.learningModels]).toBe('Mô hình học tập');
  });
});
