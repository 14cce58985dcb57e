// Vietnamese text helpers used by the server (stored search columns) and the web (client-side filters).

/** NFC, trimmed, inner whitespace collapsed: decomposed input is otherwise stored as is (stack notes). */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Folds a string for search that ignores diacritics and case: "Sở GDĐT" → "so gddt",
 * "Vĩnh Long" → "vinh long". đ/Đ has no combining mark, so it is mapped by hand.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every word of the query must appear in the folded haystack (order free). */
export function matchesSearch(haystackFolded: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  return words.every((w) => haystackFolded.includes(w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
