export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

// Editions of the administrative map: the one in force since 01/7/2025 (NQ on the 2-level local
// government) and the one before it, kept so that data reported by a former unit can be followed.
export const UNIT_EDITIONS = ['2025', 'pre2025'] as const;
export type UnitEdition = (typeof UNIT_EDITIONS)[number];
export const EDITION_2025_START = '2025-07-01';

export const UNIT_LEVEL_LABEL_VI: Record<UnitLevel, string> = {
  province: 'Tỉnh, thành phố',
  district: 'Quận, huyện (trước 7/2025)',
  commune: 'Xã, phường, đặc khu',
  village: 'Thôn, tổ dân phố',
};

export const UNIT_LEVEL_LABEL_EN: Record<UnitLevel, string> = {
  province: 'Province, city',
  district: 'District (before 7/2025)',
  commune: 'Commune, ward, special zone',
  village: 'Village, residential group',
};

export const VILLAGE_KINDS = ['thôn', 'tổ dân phố', 'ấp', 'bản', 'khóm', 'khu phố', 'buôn', 'làng', 'sóc'] as const;
