import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { adminUnits } from './units.ts';
import { agencies } from './agencies.ts';
import { users } from './accounts.ts';

// Periodic reporting (issue 4). A report template carries the eleven parts NĐ 09/2019 requires of a reporting
// regime (reference.md §8a); a report is one reporter's answer to one template for one period; its figures are
// keyed by data element and breakdown. Data elements and indicators are the catalogue in
// shared/domain/indicator-catalogue.ts, referred to by code.

export const reportTemplates = pgTable(
  'report_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    code: text('code').notNull(),
    // NĐ 09/2019's eleven parts: 1 tên báo cáo
    name: text('name').notNull(),
    // 2 nội dung yêu cầu
    content: text('content').notNull(),
    // 3 đối tượng thực hiện: each commune, or each agency of the list
    reporterLevel: text('reporter_level').notNull(), // commune | agency
    reporterAgencyIds: uuid('reporter_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // 4 cơ quan nhận
    receiver: text('receiver').notNull(),
    // 5 phương thức gửi, nhận
    transmission: text('transmission').notNull(),
    // 6 thời gian chốt số liệu: the period kind gives the window (shared/domain/reporting-periods.ts)
    periodKind: text('period_kind').notNull(),
    // 7 thời hạn gửi: days after the end of the period's window (0 = the day the window closes)
    dueDaysAfterCutoff: integer('due_days_after_cutoff').notNull().default(0),
    // 8 tần suất
    frequency: text('frequency').notNull(),
    // 9 mẫu đề cương báo cáo: the narrative sections [{ key, title, hint }]
    outline: jsonb('outline').notNull(),
    // 10 biểu mẫu số liệu: the data elements of the form, in order
    elements: text('elements').array().notNull(),
    // 11 hướng dẫn quy trình thực hiện
    instructions: text('instructions').notNull(),
    legalBasis: text('legal_basis'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // A coordinator's edit carries the version it started from; the update is conditional on it, so the
    // second of two coordinators editing the same template gets 409 instead of overwriting the first.
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('report_templates_code_uq').on(t.provinceId, t.code)],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id').notNull().references(() => reportTemplates.id),
    periodKey: text('period_key').notNull(),
    /** The commune that reports, or the unit of the reporting agency (for scope by unit path). */
    unitId: uuid('unit_id').notNull().references(() => adminUnits.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    state: text('state').notNull().default('draft'), // shared/domain/report-workflow.ts
    version: integer('version').notNull().default(1),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    // One report per reporter, template and period: a commune (agency null) or an agency.
    uniqueIndex('reports_reporter_uq').on(t.templateId, t.periodKey, t.unitId, sql`coalesce(${t.agencyId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('reports_period_idx').on(t.templateId, t.periodKey, t.state),
  ],
);

/** One figure: a data element, for a breakdown ('' is the total: shared/domain/indicators.ts breakdownKey). */
export const reportValues = pgTable(
  'report_values',
  {
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    element: text('element').notNull(),
    breakdown: text('breakdown').notNull().default(''),
    value: numeric('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.element, t.breakdown] })],
);

export const reportSections = pgTable(
  'report_sections',
  {
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] })],
);
