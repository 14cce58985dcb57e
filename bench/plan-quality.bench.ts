// Issue 3, "On the sample documents: every numbered task row found, every lead agency matched or flagged, no
// text lost from a row that continued across a page." The three sample documents are read as text, and as
// the DOCX, XLSX and PDF the fixtures build from them. The reference is taken from the sample itself, by
// code independent of the importer (test/fixtures/plans/build.ts parseSample): the numbered rows of its
// task tables and the words of every task cell. Each figure is a count of misses; 0 is the target.
import { extractDocument } from '../server/modules/plans/import/extract.ts';
import { parsePlan } from '../server/modules/plans/import/parse-plan.ts';
import { standardCatalogue } from '../shared/domain/agency-matcher.ts';
import { foldForSearch } from '../shared/text.ts';
import { docxFromText, parseSample, pdfFromText, sampleText, SAMPLES, xlsxFromText, type SampleName } from '../test/fixtures/plans/build.ts';
import { figure, main, note } from './lib.ts';

const CODE = /^(\d+(?:\.\d+)*|[IVX]+)\.?$/;
const words = (s: string) => foldForSearch(s).split(' ').filter((w) => w.length > 1);

main(async () => {
  const catalogue = standardCatalogue('Vĩnh Long');
  let worst = { rows: 0, leads: 0, words: 0 };
  for (const name of Object.keys(SAMPLES) as SampleName[]) {
    const text = sampleText(name);
    const tables = parseSample(text).filter((p): p is Extract<ReturnType<typeof parseSample>[number], { kind: 'table' }> => p.kind === 'table');
    // Numbered rows of the sample's task tables (a header row repeated on a new page is not a task); a
    // top-level number with nothing but its title is a section heading ("1 | Triển khai, tuyên truyền…"); a
    // task ("3.4") whose agencies are on its unnumbered sub-rows is still a task.
    const numbered = tables.flatMap((t) => t.rows.filter((r) => r.length >= 3 && CODE.test((r[0] ?? '').trim()) && (r[1] ?? '').trim() && !/^Tên nhiệm vụ/i.test(r[1] ?? '')));
    const isHeading = (r: string[]) => !r[0]!.trim().replace(/\.$/, '').includes('.') && r.slice(2).every((c) => !c.trim());
    const codes = numbered.filter((r) => !isHeading(r)).map((r) => r[0]!.trim().replace(/\.$/, ''));
    const headings = numbered.filter(isHeading).map((r) => foldForSearch(r[1]!));
    // Every word of every title cell of the tables, continuation rows (empty first cell) included.
    const titleWords = new Set(tables.flatMap((t) => t.rows.filter((r) => r.length >= 3 && !/^(TT|STT)$/i.test((r[0] ?? '').trim())).flatMap((r) => words(r[1] ?? ''))));
    const formats: [string, () => Promise<Uint8Array>][] = [
      ['text', async () => new TextEncoder().encode(text)],
      ['docx', async () => (await docxFromText(text)).bytes],
      ['xlsx', async () => (await xlsxFromText(text)).bytes],
      ['pdf', () => pdfFromText(text)],
    ];
    for (const [format, build] of formats) {
      if (format === 'xlsx' && !tables.length) continue; // an XLSX holds the task table only
      const bytes = await build();
      const result = parsePlan(await extractDocument(bytes, `${name}.${format === 'text' ? 'txt' : format}`), { catalogue });
      const found = new Set(result.tasks.map((t) => t.code));
      const missedRows = codes.filter((c) => !found.has(c));
      const leads = result.tasks.flatMap((t) => t.leads);
      const flagged = new Set(result.warnings.map((w) => w.message));
      const silent = leads.filter((l) => !l.agency && !l.group && ![...flagged].some((m) => m.includes(l.raw)));
      const read = new Set(result.tasks.flatMap((t) => words(`${t.title} ${t.description ?? ''} ${t.section ?? ''}`)));
      const sections = new Set(result.tasks.map((t) => foldForSearch(t.section ?? '')));
      const missedHeadings = headings.filter((h) => ![...sections].some((s) => s.includes(h)));
      const lost = [...titleWords].filter((w) => !read.has(w));
      note(
        `${name} ${format}: ${result.tasks.length} tasks; numbered rows ${codes.length - missedRows.length}/${codes.length}, section rows ${headings.length - missedHeadings.length}/${headings.length}` +
          `${missedRows.length ? ` (missed ${missedRows.join(', ')})` : ''}; leads ${leads.length}: ${leads.filter((l) => l.agency).length} matched, ` +
          `${leads.filter((l) => l.group).length} groups, ${leads.filter((l) => !l.agency && !l.group).length - silent.length} flagged, ${silent.length} silent` +
          `${lost.length ? `; words lost: ${lost.slice(0, 10).join(' ')}` : ''}`,
      );
      figure(`plan-quality.${name}.${format}.numbered-rows-missed`, missedRows.length + missedHeadings.length, 'rows', '0');
      figure(`plan-quality.${name}.${format}.leads-neither-matched-nor-flagged`, silent.length, 'leads', '0');
      if (tables.length) figure(`plan-quality.${name}.${format}.table-words-lost`, lost.length, 'words', '0');
      worst = { rows: Math.max(worst.rows, missedRows.length + missedHeadings.length), leads: Math.max(worst.leads, silent.length), words: Math.max(worst.words, lost.length) };
    }
  }
  figure('plan-quality.worst.numbered-rows-missed', worst.rows, 'rows', '0');
  figure('plan-quality.worst.leads-neither-matched-nor-flagged', worst.leads, 'leads', '0');
  figure('plan-quality.worst.table-words-lost', worst.words, 'words', '0');
});
