import { describe, expect, it } from 'vitest';
import { cleanText, compareVi, foldForSearch, matchesSearch } from './text.ts';

describe('foldForSearch', () => {
  it.each([
    ['Công dân học tập', 'cong dan hoc tap'],
    ['Sở GDĐT', 'so gddt'],
    ['Tỉnh Vĩnh Long', 'tinh vinh long'],
    ['ĐẶC KHU PHÚ QUỐC', 'dac khu phu quoc'],
    ['Báo và Phát thanh, Truyền hình', 'bao va phat thanh truyen hinh'],
    ['Sở GD&ĐT', 'so gd dt'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldForSearch('Vĩnh Long'.normalize('NFD'))).toBe('vinh long');
  });
});

describe('matchesSearch', () => {
  it('finds "Công dân học tập" typed without diacritics, in any word order', () => {
    const hay = foldForSearch('Mô hình Công dân học tập');
    expect(matchesSearch(hay, 'cong dan hoc tap')).toBe(true);
    expect(matchesSearch(hay, 'hoc tap cong dan')).toBe(true);
    expect(matchesSearch(hay, 'gia dinh')).toBe(false);
  });
});

describe('cleanText', () => {
  it('normalises to NFC and collapses white space', () => {
    expect(cleanText('  Phường \t Long   Châu '.normalize('NFD'))).toBe('Phường Long Châu');
    expect(cleanText('Phường Long Châu'.normalize('NFD')).length).toBe('Phường Long Châu'.length);
  });
});

describe('compareVi', () => {
  it('sorts Vietnamese letters after their base letter, not after Z', () => {
    const names = ['Đồng Tháp', 'Yên Bái', 'Điện Biên', 'Cà Mau', 'Dak Lak', 'Ân Thi'];
    expect([...names].sort(compareVi)).toEqual(['Ân Thi', 'Cà Mau', 'Dak Lak', 'Điện Biên', 'Đồng Tháp', 'Yên Bái']);
  });
});
