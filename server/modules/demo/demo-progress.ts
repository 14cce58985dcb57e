import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { planTasks } from '../../db/schema/plans.ts';
import { taskContributions } from '../../db/schema/tracking.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Services } from '../../app.ts';
import type { Progress } from '../../../shared/domain/task-tracking.ts';

// Progress on Vĩnh Long's plan (issue 3: "with progress from some agencies, so that every screen shows real
// content"). Everything goes through the tracking service as the people who would do it, so the demo's
// audit log, versions and evidence are what real use produces. The year is the current one within the plan.

type DemoServices = Pick<Services, 'tracking' | 'users' | 'auth'>;

/** A one-page PDF, so that the demo's evidence opens in a browser. */
export function demoPdf(text: string): Uint8Array {
  const content = `BT /F1 14 Tf 60 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export async function loadDemoProgress(db: Db, services: DemoServices, admin: Actor, opts: { provinceId: string; planId: string; password: string; year: number }) {
  const [already] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskContributions)
    .innerJoin(planTasks, eq(planTasks.id, taskContributions.taskId))
    .where(eq(planTasks.planId, opts.planId));
  if (already && already.n > 0) return;

  // A few more officers, so that the board shows communes and agencies at different stages.
  const communes = await db
    .select({ id: adminUnits.id, code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(and(sql`${adminUnits.path} LIKE ${`2025/86/%`}`, eq(adminUnits.level, 'commune'), inArray(adminUnits.code, ['29242', '29254', '29263', '29275', '29278'])));
  const [noiVu] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.provinceId, opts.provinceId), eq(agencies.catalogueKey, 'so-noi-vu')));
  const extra = [
    ...communes.map((c) => ({ username: `xa${c.code}`, displayName: `Cán bộ UBND ${c.name}`, grants: [{ role: 'communeOfficer' as const, unitId: c.id, agencyId: null }] })),
    ...(noiVu ? [{ username: 'sonoivu', displayName: 'Đỗ Văn Nam (Sở Nội vụ)', grants: [{ role: 'agencyOfficer' as const, unitId: null, agencyId: noiVu.id }] }] : []),
  ];
  for (const a of extra) await services.users.createOrUpdateByUsername(admin, { ...a, password: opts.password, email: null }, { mustChangePassword: false });

  const as = async (username: string) => (await services.auth.actorOfUsername(username))!;
  const taskByCode = new Map(
    (await db.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, opts.planId))).map((t) => [t.code, t.id]),
  );
  const y = opts.year;
  const quarterI = `${y}-03-31`;
  const quarterII = `${y}-06-30`;
  const yearly = `${y}-12-14`;

  /** One agency's report, taken as far as `until` in the workflow. */
  async function report(username: string, code: string, due: string, progress: Progress, narrative: string, until: 'draft' | 'submitted' | 'accepted' | 'returned', evidence?: string) {
    const taskId = taskByCode.get(code);
    if (!taskId) return;
    const actor = await as(username);
    const view = await services.tracking.task(actor, taskId);
    const agency = view.abilities.reportFor[0];
    if (!agency || !view.obligations.some((o) => o.due === due)) return;
    let c = await services.tracking.save(actor, { taskId, agencyId: agency.id, due, progress, narrative, version: null });
    if (evidence) c = await services.tracking.addEvidence(actor, c.id, { filename: evidence, bytes: demoPdf(`${agency.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd')} - ${code} - ${due}`) });
    if (until === 'draft') return;
    c = await services.tracking.act(actor, c.id, { action: 'submit', version: c.version });
    const coordinator = await as('sogddt');
    if (until === 'accepted') await services.tracking.act(coordinator, c.id, { action: 'accept', version: c.version });
    if (until === 'returned') await services.tracking.act(coordinator, c.id, { action: 'return', reason: 'Chưa đính kèm văn bản đã ký; đề nghị bổ sung số người tham gia.', version: c.version });
  }
  async function consolidate(username: string, code: string, due: string, progress: Progress, note: string) {
    const taskId = taskByCode.get(code);
    if (!taskId) return;
    const actor = await as(username);
    const view = await services.tracking.task(actor, taskId);
    const o = view.obligations.find((x) => x.due === due) ?? view.obligations.find((x) => x.dueDate?.startsWith(String(y)));
    if (o) await services.tracking.setStatus(actor, taskId, { due: o.due, progress, note, version: null });
  }

  // Quý I: issuing the plans. Long Châu and Sở VHTTDL are done; some communes are late, one was returned.
  await report('sovhttdl', '1.2', quarterI, 'done', `Đã ban hành Kế hoạch tuyên truyền số 35/KH-SVHTTDL ngày 20/3/${y}.`, 'accepted', 'Ke-hoach-35-KH-SVHTTDL.pdf');
  await report('longchau', '1.1', quarterI, 'done', `UBND phường đã ban hành Kế hoạch số 12/KH-UBND ngày 25/3/${y} thực hiện Đề án xây dựng xã hội học tập.`, 'accepted', 'Ke-hoach-12-KH-UBND-Long-Chau.pdf');
  for (const [i, c] of communes.entries()) {
    const until = (['accepted', 'submitted', 'returned', 'draft', 'submitted'] as const)[i % 5]!;
    await report(`xa${c.code}`, '1.1', quarterI, until === 'draft' ? 'inProgress' : 'done', `Đã ban hành kế hoạch của ${c.name} thực hiện Đề án.`, until, until === 'returned' ? undefined : `Ke-hoach-${c.code}.pdf`);
  }
  await consolidate('sogddt', '1.1', quarterI, 'delayed', 'Còn nhiều xã, phường chưa ban hành kế hoạch; Sở GDĐT đã có văn bản đôn đốc.');
  await consolidate('sovhttdl', '1.2', quarterI, 'done', 'Kế hoạch tuyên truyền đã ban hành, đang triển khai.');

  // Quý II: reorganising the continuing-education centres, led by Sở GDĐT and Sở Nội vụ.
  await report('sonoivu', '3.1', quarterII, 'inProgress', 'Đã thẩm định phương án sắp xếp, chờ UBND tỉnh phê duyệt.', 'submitted');
  await report('sogddt', '3.1', quarterII, 'inProgress', 'Đã trình UBND tỉnh phương án sắp xếp các trung tâm GDTX.', 'submitted', 'To-trinh-sap-xep-GDTX.pdf');
  await consolidate('sogddt', '3.1', quarterII, 'delayed', 'Chậm so với Quý II do chờ hướng dẫn về sắp xếp đơn vị sự nghiệp.');

  // The yearly report, due 14/12: some drafts, some submitted early, one returned by the lead.
  await report('sovhttdl', '2.1.a', yearly, 'inProgress', 'Đã nhân rộng mô hình thư viện thân thiện tại 18 xã, phường.', 'draft');
  await report('longchau', '2.1.a', yearly, 'done', 'Phường có 3 mô hình đọc sách cộng đồng tại khóm 1, 2, 3.', 'submitted', 'Bao-cao-mo-hinh-doc-sach.pdf');
  await report('longchau', '3.5', yearly, 'done', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời với 420 người tham gia.', 'draft');
  await report('sogddt', '3.5', yearly, 'inProgress', 'Đã ban hành kế hoạch Tuần lễ; đang tổng hợp kết quả của các xã, phường.', 'draft');
  await report('xa29242', '2.1.a', yearly, 'done', 'Duy trì 2 mô hình câu lạc bộ đọc sách.', 'submitted');
  await consolidate('sogddt', '1.3', yearly, 'inProgress', 'Dự thảo bộ chỉ tiêu đã lấy ý kiến các sở, ngành.');
}
