import { stringify } from 'csv-stringify/sync';

// DHIS2's CSV data-value format (the columns of its "Import/Export → Data import, CSV" and of
// `POST /api/dataValueSets` with `Content-Type: application/csv`), so a ministry system can take the figures:
// dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value, storedby, lastupdated,
// comment, followup. Identifiers are codes (import with idScheme=CODE): our data-element codes, the official
// unit code (a commune) or the agency's catalogue key, and a category option combo named from the breakdown
// ("sex=female" → "sex_female", the total → "default"). A yearly period is written as DHIS2's yearly "2026".

export type Dhis2Row = { element: string; periodKey: string; orgUnit: string; breakdown: string; value: number; storedBy: string | null; lastUpdated: Date };

export const DHIS2_COLUMNS = ['dataelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'] as const;

export const categoryOptionCombo = (breakdown: string) => (breakdown === '' ? 'default' : breakdown.split('|').map((p) => p.replace('=', '_')).join('__'));

/** 2026 → "2026"; 2026-Q1 → "2026Q1"; a school year 2025-2026 → DHIS2's financial July year "2025July" is not the same window, so it is kept as written. */
export const dhis2Period = (key: string) => (/^\d{4}-Q[1-4]$/.test(key) ? key.replace('-', '') : key);

export function dhis2Csv(rows: readonly Dhis2Row[]): string {
  return stringify(
    rows.map((r) => [r.element, dhis2Period(r.periodKey), r.orgUnit, categoryOptionCombo(r.breakdown), 'default', String(r.value), r.storedBy ?? '', r.lastUpdated.toISOString(), '', 'false']),
    { header: true, columns: [...DHIS2_COLUMNS] },
  );
}
