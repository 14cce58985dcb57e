import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './accounts.ts';
import { planTasks } from './plans.ts';

// Tracking a plan's tasks (issue 3, "Tracking"). An obligation is not stored: it is derived from the task's
// schedule (shared/domain/task-tracking.ts) and named by its `due` key, the ISO due date or 'open' for a task
// with no fixed date. Only what people write is stored: contributions, their evidence, the lead's status.

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** What one assigned agency reports on one task for one obligation (báo cáo kết quả thực hiện nhiệm vụ). */
export const taskContributions = pgTable(
  'task_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull().references(() => planTasks.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    due: text('due').notNull(),
    progress: text('progress').notNull().default('notStarted'), // shared/domain/task-tracking.ts PROGRESS
    state: text('state').notNull().default('draft'), // CONTRIBUTION_WORKFLOW
    narrative: text('narrative').notNull().default(''),
    returnReason: text('return_reason'),
    /** Optimistic concurrency: a save names the version it started from; a stale one is refused. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('task_contributions_uq').on(t.taskId, t.agencyId, t.due), index('task_contributions_agency_idx').on(t.agencyId)],
);

// Evidence is kept in the database, not on disk: it is written and audited in the same transaction as the
// contribution, backed up with it, and works the same on PGlite and PostgreSQL (docs/decisions/0006).
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contributionId: uuid('contribution_id').notNull().references(() => taskContributions.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_contribution_idx').on(t.contributionId)],
);

/** The one consolidated status of a task for an obligation, set by its lead agency (or the coordinator). */
export const taskStatuses = pgTable(
  'task_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull().references(() => planTasks.id, { onDelete: 'cascade' }),
    due: text('due').notNull(),
    progress: text('progress').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('task_statuses_uq').on(t.taskId, t.due)],
);
