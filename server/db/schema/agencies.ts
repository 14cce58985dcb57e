import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { adminUnits } from './units.ts';

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    unitId: uuid('unit_id').notNull().references(() => adminUnits.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    abbreviations: text('abbreviations').array().notNull().default(sql`'{}'::text[]`),
    // Key of the standard catalogue entry this agency was created from; null for agencies a province added.
    catalogueKey: text('catalogue_key'),
    isStandingAgency: boolean('is_standing_agency').notNull().default(false),
    active: boolean('active').notNull().default(true),
    search: text('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_catalogue_uq').on(t.provinceId, t.catalogueKey),
    index('agencies_unit_idx').on(t.unitId),
    index('agencies_province_idx').on(t.provinceId),
  ],
);

export const agencyGroups = pgTable(
  'agency_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull().references(() => adminUnits.id),
    key: text('key'),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    rule: text('rule'),
    search: text('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agency_groups_key_uq').on(t.provinceId, t.key)],
);

export const agencyGroupMembers = pgTable(
  'agency_group_members',
  {
    groupId: uuid('group_id').notNull().references(() => agencyGroups.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.agencyId] })],
);
