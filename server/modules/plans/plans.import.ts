import { extractDocument, type ExtractOptions } from './import/extract.ts';
import { parsePlan } from './import/parse-plan.ts';
import type { PlanImportResult } from '../../../shared/contracts/plan-import.ts';
import type { PlanPreview } from '../../../shared/contracts/plans.ts';

export type ProvinceCatalogue = {
  agencies: { id: string; name: string; shortName: string | null; abbreviations: string[] }[];
  groups: { name: string; aliases: string[] }[];
};

/** Reads a plan file and parses it, matching agency names against a province's catalogue. Writes nothing. */
export async function readPlan(bytes: Uint8Array, filename: string, province: { name: string } | null, catalogue: ProvinceCatalogue | null, opts: ExtractOptions = {}) {
  const doc = await extractDocument(bytes, filename, opts);
  const result = parsePlan(doc, {
    ...(catalogue ? { catalogue: { agencies: catalogue.agencies, groups: catalogue.groups, ...(province ? { provinceName: province.name } : {}) } } : {}),
    ...(province ? { provinceName: province.name } : {}),
  });
  return { doc, result };
}

/** The preview the coordinator reviews: every agency name with the id of the catalogue entry it matched. */
export function toPreview(provinceId: string, filename: string, doc: { format: PlanPreview['format']; lines: string[] }, result: PlanImportResult, catalogue: ProvinceCatalogue): PlanPreview {
  const idByName = new Map(catalogue.agencies.map((a) => [a.name.toLocaleLowerCase('vi'), a.id]));
  const ref = (r: PlanImportResult['tasks'][number]['leads'][number]) => ({
    raw: r.raw,
    agency: r.agency,
    agencyId: r.agency ? (idByName.get(r.agency.toLocaleLowerCase('vi')) ?? null) : null,
    group: r.group ?? null,
  });
  return {
    provinceId,
    filename,
    format: doc.format,
    lines: doc.lines,
    plan: result.plan,
    targets: result.targets,
    tasks: result.tasks.map((t) => ({
      code: t.code,
      parentCode: t.parentCode ?? null,
      section: t.section,
      title: t.title,
      description: t.description ?? null,
      leads: t.leads.map(ref),
      coordinators: t.coordinators.map(ref),
      deliverables: t.deliverables,
      budget: t.budget ?? null,
      schedule: t.schedule,
      line: t.line,
    })),
    warnings: result.warnings,
  };
}
