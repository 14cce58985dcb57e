import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../server/lib/actor.ts';
import { buildTestApp, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/seed.ts';
import { multipartFile } from './support/multipart.ts';
import { PlanCommitInput } from '../shared/contracts/plans.ts';

// Issue 2: "for every route, every role and an in-scope and an out-of-scope record, the expected answer.
// Adding a route without adding it to the matrix fails the test." Routes are enumerated from the OpenAPI
// document, so a new route shows up here by itself.
//
// "in" is a record inside the role's scope (for Vĩnh Long roles: Phường Long Châu, their own agency…);
// "out" is a record of another province (Cần Thơ). The administrator has no outside.

const ACTORS = {
  anonymous: null,
  systemAdmin: 'admin',
  coordinator: 'sogddt',
  agencyOfficer: 'sovhttdl',
  communeOfficer: 'longchau',
  evaluator: 'khuyenhoc',
  learningCentreStaff: 'tthtcd',
  viewer: 'xem',
} as const;
type Who = keyof typeof ACTORS;
type Which = 'in' | 'out';
type Request = { url: string; payload?: unknown; cookie?: string; headers?: Record<string, string> };
type Cell = { in: number; out: number };
type Row = {
  request: (f: Fixtures, who: Who, which: Which) => Promise<Request> | Request;
  expect: Partial<Record<Who, Cell>> & { default: Cell };
  /** Undo what a successful cell changed, so the next cell starts from the same state. */
  after?: (f: Fixtures, who: Who, which: Which, req: Request) => Promise<void>;
};

type Fixtures = Awaited<ReturnType<typeof loadFixtures>>;
let t: TestApp;
const cookies = new Map<Who, string>();
const uniq = () => randomBytes(3).toString('hex');

async function loadFixtures(t: TestApp) {
  const canThoCommune = await t.idOf(sql`SELECT id FROM admin_units WHERE path LIKE '2025/92/%' AND level = 'commune' ORDER BY code LIMIT 1`);
  return {
    vinhLong: await t.unitId('2025/86/'),
    canTho: await t.unitId('2025/92/'),
    longChau: await t.unitId('2025/86/29551/'),
    canThoCommune,
    khom1: await t.unitId('2025/86/29551/T001/'),
    soVhttdl: await t.agencyId('86', 'so-vhttdl'),
    soGddtCanTho: await t.agencyId('92', 'so-gddt'),
    ubndLongChau: await t.agencyId('86', 'ubnd-xa:29551'),
    tthtcd: await t.agencyId('86', 'demo:tthtcd-long-chau'),
    traVinh: await t.unitId('2025/86/29242/'),
    // Account rows act on an account that is not one of the matrix's actors: a password reset ends its sessions.
    inUser: await t.idOf(sql`SELECT id FROM users WHERE username = 'travinh'`),
    canThoUser: await t.idOf(sql`SELECT id FROM users WHERE username = 'cantho'`),
    vlPlan: await plan(t, await t.unitId('2025/86/')),
    ctPlan: await plan(t, await t.unitId('2025/92/')),
    /** A second plan of each province (compared with vlPlan, ctPlan) with an agency name left unresolved. */
    vlPlanV2: await unresolvedIn(t, await planWith(t, await t.unitId('2025/86/'))),
    ctPlanV2: await unresolvedIn(t, await planWith(t, await t.unitId('2025/92/'))),
    vl: await trackedTask(t, '86', '2025/86/29551/'),
    vlReport: await communeReport(t, '86', '2025/86/29551/'),
    ctReport: await communeReport(t, '92', null),
    ct: await trackedTask(t, '92', null),
    /** An element and an indicator of each province's catalogue (seeded on first use), and a target of its plan. */
    vlCatalogue: await catalogueOf(t, await t.unitId('2025/86/')),
    ctCatalogue: await catalogueOf(t, await t.unitId('2025/92/')),
    /** A notification of each actor (their "in") and one of Cần Thơ's coordinator (everyone's "out"). */
    notes: await notificationsOf(t),
    /** A fresh hamlet to retire, inside Long Châu or inside a Cần Thơ commune. */
    async freshVillage(which: Which) {
      const v = await t.services.units.addVillage(systemActor('test'), which === 'in' ? this.longChau : canThoCommune, { name: `Ấp thử ${uniq()}`, kind: 'ấp' });
      return v.id;
    },
  };
}
let f: Fixtures;

const planInput = (provinceId: string) => ({
  provinceId,
  plan: { title: `Kế hoạch thử ${uniq()}`, number: null, issuer: null, issuedOn: null, periodStart: 2026, periodEnd: 2030 },
  targets: [],
  tasks: [],
});
/**
 * A plan in force with one yearly task led by the province's Sở VHTTDL with every commune's committee
 * coordinating, a submitted report of the lead, and a draft report of one commune with a file attached.
 */
async function trackedTask(t: TestApp, provinceCode: string, communePath: string | null) {
  const provinceId = await t.unitId(`2025/${provinceCode}/`);
  const lead = await t.agencyId(provinceCode, 'so-vhttdl');
  const commune = communePath
    ? await t.agencyId(provinceCode, `ubnd-xa:${communePath.split('/')[2]}`)
    : await t.idOf(sql`SELECT a.id FROM agencies a JOIN admin_units u ON u.id = a.unit_id WHERE a.province_id = ${provinceId} AND a.kind = 'peoplesCommittee' AND u.level = 'commune' ORDER BY u.code LIMIT 1`);
  const input = planInput(provinceId);
  const planId = await t.services.plans.commit(
    systemActor('test'),
    PlanCommitInput.parse({
      ...input,
      plan: { ...input.plan, status: 'inForce' },
      tasks: [
        {
          code: '1',
          section: null,
          title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời',
          leads: [{ raw: 'Sở VHTTDL', agencyId: lead, groupName: null }],
          coordinators: [{ raw: 'UBND các xã, phường', agencyId: null, groupName: 'UBND các xã, phường' }],
          deliverables: [],
          schedule: { raw: 'Hàng năm', kind: 'yearly', milestones: [{ label: 'Báo cáo năm 2026', due: '2026-12-14', recurrence: 'yearly' }] },
          line: null,
        },
      ],
    }),
  );
  const taskId = await t.idOf(sql`SELECT id FROM plan_tasks WHERE plan_id = ${planId}`);
  const leadReport = await t.idOf(sql`INSERT INTO task_contributions (task_id, agency_id, due, state, narrative) VALUES (${taskId}, ${lead}, '2026-12-14', 'submitted', 'Đã tổ chức') RETURNING id`);
  const communeReport = await t.idOf(sql`INSERT INTO task_contributions (task_id, agency_id, due, state) VALUES (${taskId}, ${commune}, '2026-12-14', 'draft') RETURNING id`);
  const addEvidence = () => t.idOf(sql`INSERT INTO evidence_files (contribution_id, filename, media_type, size, sha256, content) VALUES (${communeReport}, 'a.pdf', 'application/pdf', 9, 'x', ${Buffer.from('%PDF-1.4\n')}) RETURNING id`);
  return { planId, taskId, lead, commune, leadReport, communeReport, evidence: await addEvidence(), addEvidence };
}
async function catalogueOf(t: TestApp, provinceId: string) {
  await t.services.catalogue.catalogueOf(provinceId);
  const planId = await plan(t, provinceId);
  return {
    element: await t.idOf(sql`SELECT id FROM data_elements WHERE province_id = ${provinceId} AND code = 'families'`),
    indicator: await t.idOf(sql`SELECT id FROM indicators WHERE province_id = ${provinceId} AND code = 'learningFamiliesRate'`),
    planId,
    target: await t.idOf(sql`INSERT INTO plan_targets (plan_id, position, text, indicator, comparator, value, unit, year, target_group) VALUES (${planId}, 1, '70% gia đình đạt danh hiệu gia đình học tập', 'gia đình đạt danh hiệu gia đình học tập', 'atLeast', 70, '%', 2030, 'learningModels') RETURNING id`),
  };
}
/** The commune template of a province and a submitted 2026 report of one of its communes. */
async function communeReport(t: TestApp, provinceCode: string, communePath: string | null) {
  const provinceId = await t.unitId(`2025/${provinceCode}/`);
  const templateId = (await t.services.reporting.templates(systemActor('test'), provinceId)).find((x) => x.code === 'xhht-xa')!.id;
  const unitId = communePath ? await t.unitId(communePath) : await t.idOf(sql`SELECT id FROM admin_units WHERE path LIKE ${`2025/${provinceCode}/%`} AND level = 'commune' ORDER BY code LIMIT 1`);
  const reportId = await t.idOf(sql`INSERT INTO reports (template_id, period_key, unit_id, state, due_date) VALUES (${templateId}, '2023', ${unitId}, 'submitted', '2023-12-14') RETURNING id`);
  return { provinceId, templateId, unitId, reportId, key: `templateId=${templateId}&periodKey=2023&unitId=${unitId}` };
}
async function notificationsOf(t: TestApp) {
  const ids = new Map<string, string>();
  for (const u of ['admin', ...Object.values(ACTORS).filter((x): x is NonNullable<typeof x> => !!x), 'cantho']) {
    if (!ids.has(u)) ids.set(u, await t.idOf(sql`INSERT INTO notifications (user_id, kind, title, body) SELECT id, 'reportReminder', 'Thử', 'Thử' FROM users WHERE username = ${u} RETURNING id`));
  }
  return ids;
}
const versionOf = async (query: ReturnType<typeof sql>) => {
  const v = await t.database.db.execute(query);
  return (v as unknown as { rows?: { version: number }[] }).rows?.[0]?.version ?? (v as unknown as { version: number }[])[0]?.version ?? null;
};

/** A plan with one task whose lead is a name left unresolved (its assignment is `assignmentId`). */
async function planWith(t: TestApp, provinceId: string) {
  const task = { code: '1.1', section: null, title: 'Tuyên truyền về học tập suốt đời', leads: [{ raw: 'Trường Cao đẳng Cộng đồng', agencyId: null, groupName: null }], coordinators: [], deliverables: [], schedule: { raw: 'Hàng năm', kind: 'yearly', milestones: [] }, line: null };
  return t.services.plans.commit(systemActor('test'), PlanCommitInput.parse({ ...planInput(provinceId), tasks: [task] }));
}
async function unresolvedIn(t: TestApp, id: string) {
  return { id, assignmentId: await t.idOf(sql`SELECT a.id FROM task_assignments a JOIN plan_tasks k ON k.id = a.task_id WHERE k.plan_id = ${id}`) };
}
async function plan(t: TestApp, provinceId: string) {
  return t.services.plans.commit(systemActor('test'), PlanCommitInput.parse(planInput(provinceId)));
}

/** The agency a role can read: its own for agency roles, the commune's committee for the commune officer. */
const ownAgency = (who: Who, which: Which) =>
  which === 'out' ? f.soGddtCanTho : who === 'agencyOfficer' ? f.soVhttdl : who === 'learningCentreStaff' ? f.tthtcd : who === 'communeOfficer' ? f.ubndLongChau : f.soVhttdl;

const ok = (s = 200): Cell => ({ in: s, out: s });
const scoped = (s = 200): Cell => ({ in: s, out: 404 });
const DENY: Cell = { in: 403, out: 403 };
const ANON: Cell = { in: 401, out: 401 };

const MATRIX: Record<string, Row> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), expect: { default: ok(), anonymous: ok() } },
  'POST /api/auth/login': {
    request: (_f, who, which) => ({
      url: '/api/auth/login',
      payload: { username: ACTORS[who] ?? 'admin', password: which === 'in' ? TEST_PASSWORD : 'wrong-password' },
    }),
    expect: { default: { in: 200, out: 401 }, anonymous: { in: 200, out: 401 } },
  },
  'POST /api/auth/logout': {
    // Logs out a second session of the same account, so the matrix's own session stays valid.
    request: async (_f, who) => ({ url: '/api/auth/logout', cookie: who === 'anonymous' ? '' : await t.login(ACTORS[who]!) }),
    expect: { default: ok(204), anonymous: ANON },
  },
  'GET /api/auth/me': { request: () => ({ url: '/api/auth/me' }), expect: { default: ok(), anonymous: ANON } },
  'POST /api/auth/password': {
    request: (_f, _who, which) => ({ url: '/api/auth/password', payload: { currentPassword: which === 'in' ? TEST_PASSWORD : 'not-my-password', newPassword: 'mat-khau-moi-2026' } }),
    expect: { default: { in: 204, out: 400 }, anonymous: ANON },
    after: async (_f, who, which) => {
      if (which !== 'in' || who === 'anonymous') return;
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: cookies.get(who)! }, payload: { currentPassword: 'mat-khau-moi-2026', newPassword: TEST_PASSWORD } });
      expect(res.statusCode).toBe(204);
    },
  },
  'GET /api/units': {
    request: (f, _w, which) => ({ url: `/api/units?within=${which === 'in' ? f.longChau : f.canThoCommune}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/units/provinces': { request: () => ({ url: '/api/units/provinces' }), expect: { default: ok(), anonymous: ANON } },
  'GET /api/units/{id}': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.longChau : f.canThoCommune}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/units/{id}/children': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.longChau : f.canThoCommune}/children` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/units/{id}/tree': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.longChau : f.canThoCommune}/tree` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/units/{id}/history': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.longChau : f.canThoCommune}/history` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'POST /api/units/{id}/villages': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.longChau : f.canThoCommune}/villages`, payload: { name: `Ấp ${uniq()}`, kind: 'ấp' } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(201), coordinator: scoped(201), communeOfficer: scoped(201), anonymous: ANON },
  },
  'PATCH /api/units/{id}': {
    request: (f, _w, which) => ({ url: `/api/units/${which === 'in' ? f.khom1 : f.canThoCommune}`, payload: which === 'in' ? { name: 'Khóm 1' } : {} }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), communeOfficer: scoped(), anonymous: ANON },
  },
  'POST /api/units/{id}/retire': {
    request: async (f, _w, which) => ({ url: `/api/units/${await f.freshVillage(which)}/retire`, payload: { validTo: '2099-12-31' } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), communeOfficer: scoped(), anonymous: ANON },
  },
  'GET /api/agencies': {
    request: (f, who, which) => ({ url: which === 'in' ? `/api/agencies?q=${encodeURIComponent(who === 'learningCentreStaff' ? 'TTHTCĐ' : who === 'communeOfficer' ? 'Long Châu' : 'Văn hóa')}` : `/api/agencies?provinceId=${f.canTho}` }),
    expect: { default: ok(), anonymous: ANON },
  },
  'GET /api/agencies/{id}': {
    request: (_f, who, which) => ({ url: `/api/agencies/${ownAgency(who, which)}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'POST /api/agencies': {
    request: (f, _w, which) => ({ url: '/api/agencies', payload: { unitId: which === 'in' ? f.vinhLong : f.canTho, kind: 'enterprise', name: `Công ty thử nghiệm ${uniq()}`, abbreviations: [] } }),
    expect: { default: DENY, systemAdmin: ok(201), coordinator: { in: 201, out: 403 }, anonymous: ANON },
  },
  'PATCH /api/agencies/{id}': {
    request: (_f, who, which) => ({ url: `/api/agencies/${ownAgency(who, which)}`, payload: { active: true } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'GET /api/agency-groups': {
    request: (f, _w, which) => ({ url: `/api/agency-groups?provinceId=${which === 'in' ? f.vinhLong : f.canTho}` }),
    expect: { default: ok(), anonymous: ANON },
  },
  'GET /api/users': { request: () => ({ url: '/api/users' }), expect: { default: DENY, systemAdmin: ok(), coordinator: ok(), anonymous: ANON } },
  'GET /api/users/{id}': {
    request: (f, _w, which) => ({ url: `/api/users/${which === 'in' ? f.inUser : f.canThoUser}` }),
    expect: { default: DENY, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'POST /api/users': {
    request: (f, _w, which) => ({
      url: '/api/users',
      payload: { username: `u${uniq()}`, displayName: 'Người thử', password: 'mat-khau-dai-2026', grants: [{ role: 'viewer', unitId: which === 'in' ? f.vinhLong : f.canTho }] },
    }),
    expect: { default: DENY, systemAdmin: ok(201), coordinator: { in: 201, out: 403 }, anonymous: ANON },
  },
  'PATCH /api/users/{id}': {
    request: (f, _w, which) => ({ url: `/api/users/${which === 'in' ? f.inUser : f.canThoUser}`, payload: { active: true } }),
    expect: { default: DENY, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'PUT /api/users/{id}/grants': {
    request: (f, _w, which) => ({
      url: `/api/users/${which === 'in' ? f.inUser : f.canThoUser}/grants`,
      payload: { grants: [which === 'in' ? { role: 'communeOfficer', unitId: f.traVinh } : { role: 'coordinator', unitId: f.canTho }] },
    }),
    expect: { default: DENY, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'POST /api/users/{id}/password': {
    request: (f, _w, which) => ({ url: `/api/users/${which === 'in' ? f.inUser : f.canThoUser}/password`, payload: { newPassword: TEST_PASSWORD } }),
    expect: { default: DENY, systemAdmin: ok(204), coordinator: scoped(204), anonymous: ANON },
  },
  'GET /api/plans': { request: () => ({ url: '/api/plans' }), expect: { default: ok(), anonymous: ANON } },
  'GET /api/plans/{id}': {
    request: (f, _w, which) => ({ url: `/api/plans/${which === 'in' ? f.vlPlan : f.ctPlan}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'POST /api/plans/import': {
    request: (f, _w, which) => ({ url: `/api/plans/import?provinceId=${which === 'in' ? f.vinhLong : f.canTho}`, ...multipartFile('ke-hoach.txt', 'KẾ HOẠCH\nXây dựng xã hội học tập năm 2026\n') }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'POST /api/plans': {
    request: (f, _w, which) => ({ url: '/api/plans', payload: planInput(which === 'in' ? f.vinhLong : f.canTho) }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(201), coordinator: scoped(201), anonymous: ANON },
  },
  'PATCH /api/plans/{id}': {
    request: (f, _w, which) => ({ url: `/api/plans/${which === 'in' ? f.vlPlan : f.ctPlan}`, payload: { signer: 'Nguyễn Văn Liệt' } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'PATCH /api/plans/{planId}/assignments/{assignmentId}': {
    request: (f, _w, which) => {
      const p = which === 'in' ? f.vlPlanV2 : f.ctPlanV2;
      return { url: `/api/plans/${p.id}/assignments/${p.assignmentId}`, payload: { agencyId: which === 'in' ? f.soVhttdl : f.soGddtCanTho } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
    after: async (f, _w, which) => {
      const p = which === 'in' ? f.vlPlanV2 : f.ctPlanV2;
      await t.database.db.execute(sql`UPDATE task_assignments SET agency_id = NULL, group_id = NULL, group_name = NULL WHERE id = ${p.assignmentId}`);
    },
  },
  'GET /api/plans/{id}/diff': {
    request: (f, _w, which) => ({ url: which === 'in' ? `/api/plans/${f.vlPlanV2.id}/diff?against=${f.vlPlan}` : `/api/plans/${f.ctPlanV2.id}/diff?against=${f.ctPlan}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/audit': { request: () => ({ url: '/api/audit' }), expect: { default: DENY, systemAdmin: ok(), anonymous: ANON } },

  // Tracking (issue 3). Vĩnh Long's task is led by Sở VHTTDL (the agency officer) with Long Châu's committee
  // (the commune officer) coordinating through "UBND các xã, phường"; Cần Thơ's is outside every VL scope.
  'GET /api/tracking/my': { request: () => ({ url: '/api/tracking/my' }), expect: { default: ok(), anonymous: ANON } },
  'GET /api/tracking/tasks/{id}': {
    request: (f, _w, which) => ({ url: `/api/tracking/tasks/${f[which === 'in' ? 'vl' : 'ct'].taskId}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'PUT /api/tracking/tasks/{id}/status': {
    request: async (f, _w, which) => {
      const task = f[which === 'in' ? 'vl' : 'ct'];
      const version = await versionOf(sql`SELECT version FROM task_statuses WHERE task_id = ${task.taskId}`);
      return { url: `/api/tracking/tasks/${task.taskId}/status`, payload: { due: '2026-12-14', progress: 'inProgress', note: 'Đang thực hiện', version } };
    },
    // The lead agency's officer and the coordinator set it; province readers and a coordinating commune may not.
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), agencyOfficer: scoped(), anonymous: ANON },
  },
  'PUT /api/tracking/contributions': {
    request: async (f, who, which) => {
      const task = f[which === 'in' ? 'vl' : 'ct'];
      const agencyId = who === 'communeOfficer' ? task.commune : who === 'learningCentreStaff' ? (which === 'in' ? f.tthtcd : task.lead) : task.lead;
      const version = await versionOf(sql`SELECT version FROM task_contributions WHERE task_id = ${task.taskId} AND agency_id = ${agencyId} AND due = '2026-12-14'`);
      // The lead's report is submitted; the officer reports on the still-open undated key instead.
      const due = agencyId === task.lead ? 'open' : '2026-12-14';
      const v = due === 'open' ? await versionOf(sql`SELECT version FROM task_contributions WHERE task_id = ${task.taskId} AND agency_id = ${agencyId} AND due = 'open'`) : version;
      return { url: '/api/tracking/contributions', payload: { taskId: task.taskId, agencyId, due, progress: 'inProgress', narrative: 'Đang thực hiện', version: v } };
    },
    // Only an agency's own officer reports for it; due 'open' is not an obligation of a yearly task (400).
    expect: { default: { in: 403, out: 404 }, systemAdmin: { in: 403, out: 403 }, agencyOfficer: { in: 400, out: 404 }, communeOfficer: scoped(), learningCentreStaff: { in: 400, out: 404 }, anonymous: ANON },
  },
  'POST /api/tracking/contributions/{id}/actions': {
    request: async (f, _w, which) => {
      const task = f[which === 'in' ? 'vl' : 'ct'];
      const version = await versionOf(sql`SELECT version FROM task_contributions WHERE id = ${task.leadReport}`);
      return { url: `/api/tracking/contributions/${task.leadReport}/actions`, payload: { action: 'accept', version } };
    },
    expect: { default: { in: 404, out: 404 }, systemAdmin: ok(), coordinator: scoped(), agencyOfficer: scoped(), evaluator: { in: 403, out: 404 }, viewer: { in: 403, out: 404 }, anonymous: ANON },
    after: async (f, _w, which) => {
      await t.database.db.execute(sql`UPDATE task_contributions SET state = 'submitted' WHERE id = ${f[which === 'in' ? 'vl' : 'ct'].leadReport}`);
    },
  },
  'POST /api/tracking/contributions/{id}/evidence': {
    request: (f, _w, which) => ({ url: `/api/tracking/contributions/${f[which === 'in' ? 'vl' : 'ct'].communeReport}/evidence`, ...multipartFile('bien-ban.pdf', '%PDF-1.4\n%%EOF\n') }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: { in: 403, out: 403 }, communeOfficer: scoped(), learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
    after: async (f, _w, which) => {
      await t.database.db.execute(sql`DELETE FROM evidence_files WHERE contribution_id = ${f[which === 'in' ? 'vl' : 'ct'].communeReport} AND filename = 'bien-ban.pdf'`);
    },
  },
  'GET /api/tracking/evidence/{id}': {
    request: (f, _w, which) => ({ url: `/api/tracking/evidence/${f[which === 'in' ? 'vl' : 'ct'].evidence}` }),
    // The commune's own officer, the lead agency, the coordinator and province readers; not the learning centre.
    expect: { default: scoped(), systemAdmin: ok(), learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'DELETE /api/tracking/evidence/{id}': {
    request: async (f, _w, which) => ({ url: `/api/tracking/evidence/${await f[which === 'in' ? 'vl' : 'ct'].addEvidence()}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: { in: 403, out: 403 }, communeOfficer: scoped(), learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'GET /api/tracking/board': {
    request: (f, _w, which) => ({ url: `/api/tracking/board?planId=${f[which === 'in' ? 'vl' : 'ct'].planId}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  // Reporting (issue 4). The Vĩnh Long report is Long Châu's (the commune officer's own), for 2023 (the demo
  // fills the plan's years); saving uses 2022 so the submitted one stays as it is.
  'GET /api/reporting/templates': {
    request: (f, _w, which) => ({ url: `/api/reporting/templates?provinceId=${f[which === 'in' ? 'vlReport' : 'ctReport'].provinceId}` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/reporting/owed': { request: () => ({ url: '/api/reporting/owed' }), expect: { default: ok(), anonymous: ANON } },
  'GET /api/reporting/report': {
    request: (f, _w, which) => ({ url: `/api/reporting/report?${f[which === 'in' ? 'vlReport' : 'ctReport'].key}` }),
    // The commune itself, the coordinator and province readers; not another agency.
    expect: { default: scoped(), systemAdmin: ok(), agencyOfficer: { in: 404, out: 404 }, learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'GET /api/reporting/report.xlsx': {
    request: (f, _w, which) => ({ url: `/api/reporting/report.xlsx?${f[which === 'in' ? 'vlReport' : 'ctReport'].key}` }),
    expect: { default: scoped(), systemAdmin: ok(), agencyOfficer: { in: 404, out: 404 }, learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'PUT /api/reporting/report': {
    request: async (f, _w, which) => {
      const r = f[which === 'in' ? 'vlReport' : 'ctReport'];
      const version = await versionOf(sql`SELECT version FROM reports WHERE template_id = ${r.templateId} AND period_key = '2022' AND unit_id = ${r.unitId}`);
      return { url: '/api/reporting/report', payload: { templateId: r.templateId, periodKey: '2022', unitId: r.unitId, agencyId: null, values: [{ element: 'workingAgePeople', breakdown: '', value: 1000 }], sections: {}, version } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: { in: 403, out: 403 }, communeOfficer: scoped(), agencyOfficer: { in: 404, out: 404 }, learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'POST /api/reporting/report.xlsx': {
    // The 2021 workbook as it stands (downloaded by the administrator), uploaded back unchanged: as PUT above.
    request: async (f, _w, which) => {
      const r = f[which === 'in' ? 'vlReport' : 'ctReport'];
      const url = `/api/reporting/report.xlsx?templateId=${r.templateId}&periodKey=2021&unitId=${r.unitId}`;
      const file = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get('systemAdmin')! } });
      return { url, ...multipartFile('bao-cao.xlsx', file.rawPayload) };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: { in: 403, out: 403 }, communeOfficer: scoped(), agencyOfficer: { in: 404, out: 404 }, learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
  },
  'POST /api/reporting/reports/{id}/actions': {
    request: async (f, _w, which) => {
      const r = f[which === 'in' ? 'vlReport' : 'ctReport'];
      const version = await versionOf(sql`SELECT version FROM reports WHERE id = ${r.reportId}`);
      return { url: `/api/reporting/reports/${r.reportId}/actions`, payload: { action: 'approve', version } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), agencyOfficer: { in: 404, out: 404 }, learningCentreStaff: { in: 404, out: 404 }, anonymous: ANON },
    after: async (f, _w, which) => {
      await t.database.db.execute(sql`UPDATE reports SET state = 'submitted' WHERE id = ${f[which === 'in' ? 'vlReport' : 'ctReport'].reportId}`);
    },
  },
  'GET /api/reporting/completeness': {
    request: (f, _w, which) => ({ url: `/api/reporting/completeness?templateId=${f[which === 'in' ? 'vlReport' : 'ctReport'].templateId}&periodKey=2023` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'GET /api/reporting/export.csv': {
    request: (f, _w, which) => ({ url: `/api/reporting/export.csv?templateId=${f[which === 'in' ? 'vlReport' : 'ctReport'].templateId}&periodKey=2023` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'GET /api/reporting/indicators': {
    request: (f, _w, which) => ({ url: `/api/reporting/indicators?unitId=${f[which === 'in' ? 'vlReport' : 'ctReport'].unitId}&periodKey=2023` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  'GET /api/reporting/indicators/trajectory': {
    request: (f, _w, which) => ({ url: `/api/reporting/indicators/trajectory?unitId=${f[which === 'in' ? 'vlReport' : 'ctReport'].unitId}&indicator=informationCompetenceRate` }),
    expect: { default: scoped(), systemAdmin: ok(), anonymous: ANON },
  },
  // Report templates and the proposals a plan makes for them: the coordinator changes them, province-level
  // viewers and evaluators read them, anyone else in the province is refused.
  'GET /api/reporting/template-details': {
    request: (f, _w, which) => ({ url: `/api/reporting/template-details?provinceId=${which === 'in' ? f.vinhLong : f.canTho}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'PATCH /api/reporting/templates/{id}': {
    // The commune template with the version it has and nothing changed: allowed, and nothing is written.
    request: async (f, _w, which) => {
      const id = f[which === 'in' ? 'vlReport' : 'ctReport'].templateId;
      return { url: `/api/reporting/templates/${id}`, payload: { version: await versionOf(sql`SELECT version FROM report_templates WHERE id = ${id}`), frequency: 'Hằng năm' } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'GET /api/reporting/proposals': {
    request: (f, _w, which) => ({ url: `/api/reporting/proposals?planId=${which === 'in' ? f.vlPlan : f.ctPlan}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'POST /api/reporting/proposals/apply': {
    // An empty plan proposes nothing: those allowed get past the access check to "nothing chosen" (400).
    request: async (f, _w, which) => {
      const r = f[which === 'in' ? 'vlReport' : 'ctReport'];
      const version = await versionOf(sql`SELECT version FROM report_templates WHERE id = ${r.templateId}`);
      return { url: '/api/reporting/proposals/apply', payload: { planId: which === 'in' ? f.vlPlan : f.ctPlan, templates: [{ templateId: r.templateId, version }] } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(400), coordinator: { in: 400, out: 404 }, anonymous: ANON },
  },
  // The province's catalogue and the links of plan targets to indicators: the coordinator changes them,
  // province-level viewers and evaluators read them, officers are refused.
  'GET /api/reporting/catalogue': {
    request: (f, _w, which) => ({ url: `/api/reporting/catalogue?provinceId=${which === 'in' ? f.vinhLong : f.canTho}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'POST /api/reporting/catalogue/elements': {
    request: (f, _w, which) => ({ url: '/api/reporting/catalogue/elements', payload: { provinceId: which === 'in' ? f.vinhLong : f.canTho, name: `Số liệu thử ${uniq()}`, level: 'commune', valueType: 'count' } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(201), coordinator: scoped(201), anonymous: ANON },
  },
  'PATCH /api/reporting/catalogue/elements/{id}': {
    // The version it has and its own name: allowed, and nothing is written.
    request: async (f, _w, which) => {
      const id = f[which === 'in' ? 'vlCatalogue' : 'ctCatalogue'].element;
      return { url: `/api/reporting/catalogue/elements/${id}`, payload: { version: await versionOf(sql`SELECT version FROM data_elements WHERE id = ${id}`), name: 'Tổng số gia đình' } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'POST /api/reporting/catalogue/indicators': {
    request: (f, _w, which) => ({ url: '/api/reporting/catalogue/indicators', payload: { provinceId: which === 'in' ? f.vinhLong : f.canTho, name: `Chỉ số thử ${uniq()}`, group: 'other', formula: { kind: 'count', element: 'families', unit: 'gia đình' } } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(201), coordinator: scoped(201), anonymous: ANON },
  },
  'PATCH /api/reporting/catalogue/indicators/{id}': {
    request: async (f, _w, which) => {
      const id = f[which === 'in' ? 'vlCatalogue' : 'ctCatalogue'].indicator;
      return { url: `/api/reporting/catalogue/indicators/${id}`, payload: { version: await versionOf(sql`SELECT version FROM indicators WHERE id = ${id}`), name: 'Tỷ lệ gia đình được công nhận “Gia đình học tập”' } };
    },
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'GET /api/reporting/target-links': {
    request: (f, _w, which) => ({ url: `/api/reporting/target-links?planId=${f[which === 'in' ? 'vlCatalogue' : 'ctCatalogue'].planId}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
  'PUT /api/reporting/target-links/{targetId}': {
    request: (f, _w, which) => ({ url: `/api/reporting/target-links/${f[which === 'in' ? 'vlCatalogue' : 'ctCatalogue'].target}`, payload: { mode: 'auto' } }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  // Notifications are each person's own (another's, even for the administrator, is not found); sending
  // reminders now is the coordinator's, on a template of their province.
  'GET /api/notifications': { request: () => ({ url: '/api/notifications' }), expect: { default: ok(), anonymous: ANON } },
  'POST /api/notifications/{id}/read': {
    request: (f, who, which) => ({ url: `/api/notifications/${f.notes.get(which === 'in' ? (ACTORS[who] ?? 'admin') : 'cantho')}/read` }),
    expect: { default: scoped(), anonymous: ANON },
  },
  'POST /api/notifications/read-all': { request: () => ({ url: '/api/notifications/read-all' }), expect: { default: ok(), anonymous: ANON } },
  'POST /api/reporting/reminders/run': {
    request: (f, _w, which) => ({ url: `/api/reporting/reminders/run?templateId=${f[which === 'in' ? 'vlReport' : 'ctReport'].templateId}&periodKey=2023` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), anonymous: ANON },
  },
  'GET /api/tracking/board.xlsx': {
    request: (f, _w, which) => ({ url: `/api/tracking/board.xlsx?planId=${f[which === 'in' ? 'vl' : 'ct'].planId}` }),
    expect: { default: { in: 403, out: 404 }, systemAdmin: ok(), coordinator: scoped(), evaluator: scoped(), viewer: scoped(), anonymous: ANON },
  },
};

beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  f = await loadFixtures(t);
  for (const [who, username] of Object.entries(ACTORS) as [Who, string | null][]) cookies.set(who, username ? await t.login(username) : '');
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('covers every route the API declares', async () => {
    await t.app.ready();
    const declared = Object.entries(t.app.swagger().paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(declared.filter((r) => !MATRIX[r]).sort(), 'routes missing from the access matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !declared.includes(r)), 'matrix rows for routes that no longer exist').toEqual([]);
  });

  const rows = Object.entries(MATRIX).flatMap(([route, row]) =>
    (Object.keys(ACTORS) as Who[]).flatMap((who) => (['in', 'out'] as Which[]).map((which) => ({ route, row, who, which }))),
  );
  it.each(rows)('$route as $who on a record $which of scope', async ({ route, row, who, which }) => {
    const [method, path] = route.split(' ') as [string, string];
    const req = await row.request(f, who, which);
    const cookie = req.cookie ?? cookies.get(who)!;
    const res = await t.app.inject({
      method: method as 'GET',
      url: req.url,
      headers: { ...(cookie ? { cookie } : {}), ...req.headers },
      ...(req.payload !== undefined ? { payload: req.payload as object } : method !== 'GET' ? { payload: {} } : {}),
    });
    const cell = row.expect[who] ?? row.expect.default;
    expect(res.statusCode, `${route} (${path}) as ${who}/${which}: ${res.body.slice(0, 300)}`).toBe(cell[which]);
    if (res.statusCode < 300) await row.after?.(f, who, which, req);
  });

  it('lists never leak records of another province', async () => {
    for (const who of ['coordinator', 'communeOfficer', 'agencyOfficer', 'viewer'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/agencies?provinceId=${f.canTho}`, headers: { cookie: cookies.get(who)! } });
      expect(res.json().total, who).toBe(0);
      const units = await t.app.inject({ method: 'GET', url: '/api/units?q=can%20tho', headers: { cookie: cookies.get(who)! } });
      expect(units.json().filter((u: { name: string }) => u.name.includes('Cần Thơ')), who).toEqual([]);
    }
  });
});
