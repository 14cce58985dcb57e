import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

// Administrative units as a versioned hierarchy. `path` is the chain of codes from the edition root
// ("2025/86/29101/") so that "everything under this unit" is one prefix match; scope checks rely on it.
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    edition: text('edition').notNull(),
    level: text('level').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    validFrom: date('valid_from', { mode: 'string' }), // null: not recorded in the source list
    validTo: date('valid_to', { mode: 'string' }),
    // Hamlets and residential groups are entered by the commune; official units come from the GSO list.
    official: boolean('official').notNull().default(true),
    search: text('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admin_units_path_uq').on(t.path),
    index('admin_units_parent_idx').on(t.parentId),
    index('admin_units_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('admin_units_level_idx').on(t.edition, t.level),
  ],
);

// Mergers of July 2025: a former commune went wholly or partly into a new one. History is kept, never deleted.
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    predecessorId: uuid('predecessor_id').notNull().references(() => adminUnits.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id').notNull().references(() => adminUnits.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // 'whole' | 'part'
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] }), index('unit_successions_successor_idx').on(t.successorId)],
);
