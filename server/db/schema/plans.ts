import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { adminUnits } from './units.ts';
import { agencies, agencyGroups } from './agencies.ts';

// A plan (Kế hoạch) of a province, read from the signed document (issue 3).
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    number: text('number'),
    issuer: text('issuer'),
    signer: text('signer'),
    issuedOn: date('issued_on', { mode: 'string' }),
    title: text('title').notNull(),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    legalBases: text('legal_bases').array().notNull().default(sql`'{}'::text[]`),
    objectives: text('objectives'),
    status: text('status').notNull().default('draft'), // draft | inForce | superseded
    // A department's plan implements the province's; a yearly plan implements the 2021-2030 one.
    implementsPlanId: uuid('implements_plan_id').references((): AnyPgColumn => plans.id),
    // A new version of an earlier plan: the platform shows what changed between them.
    amendsPlanId: uuid('amends_plan_id').references((): AnyPgColumn => plans.id),
    sourceFilename: text('source_filename'),
    search: text('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_province_idx').on(t.provinceId)],
);

export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    indicator: text('indicator').notNull(),
    comparator: text('comparator').notNull(),
    value: numeric('value').notNull(),
    unit: text('unit').notNull(),
    year: integer('year'),
    scope: text('scope').notNull().default('province'), // province | eachCommune
    targetGroup: text('target_group').notNull(),
    sourceLine: integer('source_line'),
  },
  (t) => [index('plan_targets_plan_idx').on(t.planId)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code'),
    parentCode: text('parent_code'),
    section: text('section'),
    title: text('title').notNull(),
    description: text('description'),
    deliverables: text('deliverables').array().notNull().default(sql`'{}'::text[]`),
    budget: text('budget'),
    schedule: jsonb('schedule').notNull(), // { raw, kind, milestones } (shared/contracts/plan-import.ts)
    sourceLine: integer('source_line'),
    search: text('search').notNull(),
  },
  (t) => [index('plan_tasks_plan_idx').on(t.planId)],
);

// Who carries a task: the lead (chủ trì) and coordinating (phối hợp) agencies. A group named in the plan
// ("UBND các xã, phường") is one row pointing at the group, expanded into its members when read, so a
// 3,000-task plan does not write 124 rows per task and a commune created later joins its tasks by itself.
// A row with neither agency nor group is a name the coordinator still has to resolve.
export const taskAssignments = pgTable(
  'task_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull().references(() => planTasks.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // lead | coordinator
    agencyId: uuid('agency_id').references(() => agencies.id),
    groupId: uuid('group_id').references(() => agencyGroups.id),
    raw: text('raw').notNull(),
    groupName: text('group_name'),
  },
  (t) => [index('task_assignments_task_idx').on(t.taskId), index('task_assignments_agency_idx').on(t.agencyId), index('task_assignments_group_idx').on(t.groupId)],
);
