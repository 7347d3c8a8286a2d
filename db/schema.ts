import { relations, sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    timeZone: text('time_zone').notNull(),
    locale: text('locale').notNull().default('fr'),
    extensionLength: smallint('extension_length').notNull().default(3),
    // Office seats bought; a user's Office licence takes one.
    officeSeats: integer('office_seats').notNull().default(5),
    emergencyStreet: text('emergency_street'),
    emergencyCity: text('emergency_city'),
    emergencyPostalCode: text('emergency_postal_code'),
    emergencyRegion: text('emergency_region'),
    emergencyCountry: text('emergency_country'),
    createdAt: createdAt(),
  },
  (t) => [
    check('companies_country_check', sql`${t.country} in ('FR','US','CA','GB','BE','CH')`),
    check('companies_locale_check', sql`${t.locale} in ('fr','en')`),
    check('companies_extension_length_check', sql`${t.extensionLength} in (3, 4)`),
    check('companies_office_seats_check', sql`${t.officeSeats} >= 0`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    // Stored lower-cased: it is the sign-in identity, unique across every company.
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').$type<'admin' | 'member'>().notNull().default('member'),
    licence: text('licence').$type<'free' | 'office'>().notNull().default('free'),
    locale: text('locale'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_company_idx').on(t.companyId),
    check('users_role_check', sql`${t.role} in ('admin','member')`),
    check('users_licence_check', sql`${t.licence} in ('free','office')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

export const EXTENSION_TYPES = ['user', 'ring_group', 'conference'] as const;
export type ExtensionType = (typeof EXTENSION_TYPES)[number];

export const extensions = pgTable(
  'extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    // Text, not a number: extensions are dialled digits, compared as strings.
    number: text('number').notNull(),
    type: text('type').$type<ExtensionType>().notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name'),
    createdAt: createdAt(),
  },
  (t) => [
    // The database, not a pre-check, is what keeps two extensions from sharing a number.
    uniqueIndex('extensions_company_number_unique').on(t.companyId, t.number),
    uniqueIndex('extensions_user_unique').on(t.userId),
    check('extensions_type_check', sql`${t.type} in ('user','ring_group','conference')`),
    check('extensions_user_type_check', sql`(${t.type} = 'user') = (${t.userId} is not null)`),
    check('extensions_number_digits_check', sql`${t.number} ~ '^[1-9][0-9]{2,3}$'`),
  ],
);

export const SETUP_CARDS = ['company', 'team', 'licences', 'extensions', 'numbers', 'review'] as const;
export type SetupCard = (typeof SETUP_CARDS)[number];
export type CardStatus = 'not_started' | 'in_progress' | 'verified';

export const setupProgress = pgTable(
  'setup_progress',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    card: text('card').$type<SetupCard>().notNull(),
    status: text('status').$type<CardStatus>().notNull().default('not_started'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.card] }),
    check(
      'setup_progress_card_check',
      sql`${t.card} in ('company','team','licences','extensions','numbers','review')`,
    ),
    check('setup_progress_status_check', sql`${t.status} in ('not_started','in_progress','verified')`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // Kept as text so the entry still says who acted after the user is removed.
    actorName: text('actor_name').notNull(),
    card: text('card').$type<SetupCard>(),
    action: text('action').notNull(),
    target: text('target'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_company_at_idx').on(t.companyId, t.at)],
);

export const companiesRelations = relations(companies, ({ many }) => ({
  users: many(users),
  extensions: many(extensions),
  setupProgress: many(setupProgress),
}));

export const usersRelations = relations(users, ({ one }) => ({
  company: one(companies, { fields: [users.companyId], references: [companies.id] }),
  extension: one(extensions, { fields: [users.id], references: [extensions.userId] }),
}));

export const extensionsRelations = relations(extensions, ({ one }) => ({
  company: one(companies, { fields: [extensions.companyId], references: [companies.id] }),
  user: one(users, { fields: [extensions.userId], references: [users.id] }),
}));

export type Company = typeof companies.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Extension = typeof extensions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type SetupProgressRow = typeof setupProgress.$inferSelect;

