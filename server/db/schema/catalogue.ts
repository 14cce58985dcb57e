import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { adminUnits } from './units.ts';
import { users } from './accounts.ts';
import { planTargets } from './plans.ts';

// A province's catalogue of data elements and indicators (issue 4, "Definitions"), seeded from the starter
// catalogue in shared/domain/indicator-catalogue.ts the first time the province needs it, then edited by its
// coordinator. Figures (report_values.element) and templates (report_templates.elements) refer to an element by
// its code, which therefore never changes; what an element is changes only while nothing has been reported for it.

export const dataElements = pgTable(
  'data_elements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(), // commune | agency | province (shared/domain/indicators.ts REPORTING_LEVELS)
    valueType: text('value_type').notNull(), // count | number
    breakdowns: text('breakdowns').array().notNull(),
    ageGroups: text('age_groups').array().notNull(),
    source: text('source').notNull(), // starter | province
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('data_elements_code_uq').on(t.provinceId, t.code)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    targetGroup: text('target_group').notNull(),
    // { kind: 'ratio', numerator, denominator } | { kind: 'count', element, unit } (shared/contracts/catalogue.ts)
    formula: jsonb('formula').notNull(),
    // Only one cell of the figures ({ sex: 'female' }), or null for all of them.
    breakdown: jsonb('breakdown'),
    targetText: text('target_text'),
    // The starter's rules recognising plan targets by their words (CatalogueIndicator.match); null: linked by hand.
    match: jsonb('match'),
    countedUnit: text('counted_unit'),
    source: text('source').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('indicators_code_uq').on(t.provinceId, t.code)],
);

/**
 * The coordinator's word on how a plan target is measured, over the automatic link by its words: one indicator
 * (code), or none (code null). No row: automatic.
 */
export const targetLinks = pgTable(
  'target_links',
  {
    targetId: uuid('target_id')
      .primaryKey()
      .references(() => planTargets.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    indicatorCode: text('indicator_code'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    linkedBy: uuid('linked_by').references(() => users.id),
  },
  (t) => [index('target_links_province_idx').on(t.provinceId)],
);
