import { sql } from 'drizzle-orm';
import { CALL_STATES, NUMBER_TYPES, RING_STRATEGIES, SCHEDULE_OWNER_KINDS, SETUP_CARDS } from './enums';
export { CALL_STATES, NUMBER_TYPES, RING_STRATEGIES, SCHEDULE_OWNER_KINDS, SETUP_CARDS } from './enums';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  inet,
  jsonb,
  pgSchema,
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
    setupCompletedAt: timestamp('setup_completed_at', { withTimezone: true }),
    setupCompletedBy: uuid('setup_completed_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    emergencyStreet: text('emergency_street'),
    emergencyCity: text('emergency_city'),
    emergencyPostalCode: text('emergency_postal_code'),
    emergencyRegion: text('emergency_region'),
    emergencyCountry: text('emergency_country'),
    // The company's SIP domain (realm of its phones' credentials), e.g. `acme-sas.sip.example.com`:
    // a slug of the name plus `sip.settings.domain_suffix`, filled once by the companies_sip_domain
    // trigger (migration 0007) when an insert leaves it out, and never changed afterwards, since
    // every SIP password's HA1 hash includes it. Kamailio reads it through the `sip` views.
    sipDomain: text('sip_domain').notNull().default(sql`null`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('companies_sip_domain_unique').on(t.sipDomain),
    check('companies_country_check', sql`${t.country} in ('FR','US','CA','GB','BE','CH')`),
    check('companies_locale_check', sql`${t.locale} in ('fr','en')`),
    check('companies_extension_length_check', sql`${t.extensionLength} in (3, 4)`),
    check('companies_office_seats_check', sql`${t.officeSeats} >= 0`),
  ],
);

/**
 * Where a company's people work (issue 14 item 4): each site has an address validated per
 * country (lib/sites/address.ts) and a time zone. The first site is the Company card's emergency
 * address and time zone: companies.emergency_* and companies.time_zone mirror it, kept equal by
 * triggers both ways (migration 0014), so no writer can make them disagree.
 */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    isFirst: boolean('is_first').notNull().default(false),
    street: text('street'),
    city: text('city'),
    postalCode: text('postal_code'),
    region: text('region'),
    country: text('country'),
    timeZone: text('time_zone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sites_company_name_unique').on(t.companyId, sql`lower(${t.name})`),
    uniqueIndex('sites_company_first_unique').on(t.companyId).where(sql`${t.isFirst}`),
    // The target of users' (site_id, company_id) key: a user's site is of the user's company.
    uniqueIndex('sites_id_company_unique').on(t.id, t.companyId),
    check('sites_name_check', sql`length(trim(${t.name})) between 1 and 80`),
    check('sites_country_check', sql`${t.country} is null or ${t.country} in ('FR','US','CA','GB','BE','CH')`),
    // Only the first site may be without an address (a new company has none yet).
    check('sites_address_check', sql`${t.isFirst} or (nullif(trim(${t.street}), '') is not null and ${t.city} is not null and ${t.postalCode} is not null and ${t.country} is not null)`),
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
    // The SIP username of the user's phones: random and stable, not the extension, so renumbering
    // never invalidates a password (the HA1 hashes in sip_credentials include the username).
    sipUsername: text('sip_username')
      .notNull()
      .default(sql`('u' || left(replace(gen_random_uuid()::text, '-', ''), 12))`),
    // Where they work (the dispatchable location with floorRoom): an insert that leaves it out
    // gets the company's first site from the users_site_default trigger (migration 0014).
    siteId: uuid('site_id').notNull().default(sql`null`),
    // Floor, suite or room within the site (US RAY BAUM'S Act), free text.
    floorRoom: text('floor_room'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'users_site_company_fk', columns: [t.siteId, t.companyId], foreignColumns: [sites.id, sites.companyId] }),
    index('users_site_idx').on(t.siteId),
    check('users_floor_room_check', sql`${t.floorRoom} is null or length(${t.floorRoom}) between 1 and 80`),
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_sip_username_unique').on(t.sipUsername),
    index('users_company_idx').on(t.companyId),
    check('users_role_check', sql`${t.role} in ('admin','member')`),
    check('users_licence_check', sql`${t.licence} in ('free','office')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

export type RingStrategy = (typeof RING_STRATEGIES)[number];

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
    // Ring groups.
    strategy: text('strategy').$type<RingStrategy>(),
    noAnswerKind: text('no_answer_kind').$type<'voicemail' | 'extension'>(),
    noAnswerUserId: uuid('no_answer_user_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    // References are by id, never by number, so renumbering never breaks them.
    noAnswerExtensionId: uuid('no_answer_extension_id').references((): AnyPgColumn => extensions.id, {
      onDelete: 'set null',
    }),
    // Conference bridges: PINs are stored hashed and shown once.
    hostPinHash: text('host_pin_hash'),
    participantPinHash: text('participant_pin_hash'),
    maxParticipants: integer('max_participants'),
    createdAt: createdAt(),
  },
  (t) => [
    // The database, not a pre-check, is what keeps two extensions from sharing a number.
    uniqueIndex('extensions_company_number_unique').on(t.companyId, t.number),
    uniqueIndex('extensions_user_unique').on(t.userId),
    // The Extensions card's order (shortest number first): its page of 25 is read off the index.
    index('extensions_company_order_idx').on(t.companyId, sql`length(${t.number})`, t.number, t.id),
    check('extensions_type_check', sql`${t.type} in ('user','ring_group','conference')`),
    check('extensions_user_type_check', sql`(${t.type} = 'user') = (${t.userId} is not null)`),
    check('extensions_number_digits_check', sql`${t.number} ~ '^[1-9][0-9]{2,3}$'`),
    check('extensions_strategy_check', sql`${t.strategy} is null or ${t.strategy} in ('simultaneous','sequential','round_robin')`),
    check('extensions_no_answer_kind_check', sql`${t.noAnswerKind} is null or ${t.noAnswerKind} in ('voicemail','extension')`),
    check('extensions_no_answer_self_check', sql`${t.noAnswerExtensionId} is null or ${t.noAnswerExtensionId} <> ${t.id}`),
    check(
      'extensions_max_participants_check',
      sql`${t.maxParticipants} is null or ${t.maxParticipants} between 2 and 100`,
    ),
  ],
);

/** Ordered members of a ring group, each with its own ring time. */
export const ringGroupMembers = pgTable(
  'ring_group_members',
  {
    ringGroupId: uuid('ring_group_id')
      .notNull()
      .references(() => extensions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ringSeconds: integer('ring_seconds').notNull().default(20),
  },
  (t) => [
    primaryKey({ columns: [t.ringGroupId, t.userId] }),
    index('ring_group_members_user_idx').on(t.userId),
    check('ring_group_members_ring_seconds_check', sql`${t.ringSeconds} between 5 and 300`),
  ],
);

/** Desk phones bought with the account; one per Office user at most. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    // Upper-case, colon separated: AA:BB:CC:DD:EE:FF.
    mac: text('mac').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('devices_mac_unique').on(t.mac),
    uniqueIndex('devices_user_unique').on(t.userId),
    index('devices_company_idx').on(t.companyId),
    check('devices_mac_check', sql`${t.mac} ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'`),
  ],
);

export const PRICE_ITEMS = ['office_licence', 'local_number', 'toll_free_number'] as const;
export type PriceItem = (typeof PRICE_ITEMS)[number];

/** Monthly prices per country, in minor units of the country's currency (editable rows). */
export const priceList = pgTable(
  'price_list',
  {
    country: text('country').notNull(),
    item: text('item').$type<PriceItem>().notNull(),
    currency: text('currency').notNull(),
    monthlyMinor: integer('monthly_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.country, t.item] }),
    check('price_list_item_check', sql`${t.item} in ('office_licence','local_number','toll_free_number')`),
    check('price_list_amount_check', sql`${t.monthlyMinor} >= 0`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    // From the form: a double click or a retried request finds the same order.
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<'pending' | 'completed'>().notNull().default('pending'),
    currency: text('currency').notNull(),
    totalMinor: integer('total_minor').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('orders_company_key_unique').on(t.companyId, t.idempotencyKey),
    check('orders_status_check', sql`${t.status} in ('pending','completed')`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'office_seats' | 'number'>().notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitMinor: integer('unit_minor').notNull(),
    // Set for number lines once the numbers inventory exists.
    reference: text('reference'),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    check('order_lines_kind_check', sql`${t.kind} in ('office_seats','number')`),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export type NumberType = (typeof NUMBER_TYPES)[number];
export type NumberStatus = 'available' | 'held' | 'owned';

/**
 * The number inventory (the local implementation of the carrier interface in lib/numbers/).
 * A hold is valid only while held_until is in the future: expiry is a query condition,
 * not a background job.
 */
export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    e164: text('e164').notNull(),
    country: text('country').notNull(),
    type: text('type').$type<NumberType>().notNull(),
    // National destination code: FR '1'..'5', '9', '80x'; US/CA area code; GB/BE/CH trunk-less prefix.
    areaCode: text('area_code').notNull(),
    regionName: text('region_name').notNull(),
    // The digits dialled in the country, trunk 0 included ("0142685300", "2125550100"): what
    // "digits contained" searches. Every country sold has a 1-digit (NANP) or 2-digit code.
    national: text('national')
      .notNull()
      .generatedAlwaysAs(
        sql`case when left(e164, 2) = '+1' then substr(e164, 3) else '0' || substr(e164, 4) end`,
      ),
    status: text('status').$type<NumberStatus>().notNull().default('available'),
    // The holder while held, the owner once owned.
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    heldUntil: timestamp('held_until', { withTimezone: true }),
    extensionId: uuid('extension_id').references(() => extensions.id, { onDelete: 'set null' }),
    isMain: boolean('is_main').notNull().default(false),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    acquiredAt: timestamp('acquired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('phone_numbers_e164_unique').on(t.e164),
    // Search and automatic assignment: results come in e164 order, so these indexes serve the
    // filter and the order at once and a page stops after its 21st row.
    index('phone_numbers_area_idx').on(t.country, t.type, t.areaCode, t.e164),
    index('phone_numbers_country_idx').on(t.country, t.type, t.e164),
    // "Digits contained" (LIKE '%4242%'): trigrams find rare digits without reading the country.
    index('phone_numbers_national_trgm_idx').using('gin', t.national.op('gin_trgm_ops')),
    index('phone_numbers_company_idx').on(t.companyId, t.status),
    index('phone_numbers_extension_idx').on(t.extensionId),
    uniqueIndex('phone_numbers_one_main_unique').on(t.companyId).where(sql`${t.isMain}`),
    check('phone_numbers_type_check', sql`${t.type} in ('local','toll_free')`),
    check('phone_numbers_status_check', sql`${t.status} in ('available','held','owned')`),
    check(
      'phone_numbers_holder_check',
      sql`(${t.status} = 'available') = (${t.companyId} is null) and (${t.status} <> 'held' or ${t.heldUntil} is not null)`,
    ),
    check('phone_numbers_main_owned_check', sql`not ${t.isMain} or ${t.status} = 'owned'`),
    check('phone_numbers_mapped_owned_check', sql`${t.extensionId} is null or ${t.status} = 'owned'`),
  ],
);

/**
 * Mail waiting to be sent, written in the same transaction as the change that caused it.
 * `dedupeKey` makes "never send one twice" a database rule, not a hope.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_unique').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_company_idx').on(t.companyId, t.createdAt),
    check('outbox_status_check', sql`${t.status} in ('pending','sent','failed')`),
  ],
);

/** One-time activation links: only the hash is stored; single use; expire after 7 days. */
export const activationTokens = pgTable(
  'activation_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('activation_tokens_hash_unique').on(t.tokenHash), index('activation_tokens_user_idx').on(t.userId)],
);

/**
 * One signed-in browser (lib/auth/sessions.ts). The session cookie carries this id: deleting the
 * row ends that session wherever the cookie was copied. Removing the user cascades; changing
 * their role or password deletes their rows too (trigger users_end_sessions, migration 0009).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    // Moved at most once a minute: the idle timeout's clock, not an access log.
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_seen_check', sql`${t.lastSeenAt} >= ${t.createdAt}`),
  ],
);

/**
 * Attempts at sign-in, sign-up and activation per account or client address, with the lock they
 * earned (lib/auth/throttle.ts). In the database so every server instance sees the same counts.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [check('auth_throttle_attempts_check', sql`${t.attempts} >= 0`)],
);

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
      sql`${t.card} in ('company','team','licences','extensions','numbers','calls','review')`,
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

/**
 * A user's SIP password, as the two digest hashes Kamailio's auth_db checks (never the password):
 * ha1 = md5(username:domain:password), ha1b = md5(username@domain:domain:password). Kept apart
 * from `users` so no `select()` of a user ever carries them to a page or a history entry.
 * Written by lib/telephony/credentials.ts; read by Kamailio through the `sip.subscriber` view.
 */
export const sipCredentials = pgTable('sip_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  ha1: text('ha1').notNull(),
  ha1b: text('ha1b').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What the SIP server (telephony/kamailio.cfg) reads and writes: the views over the tables above,
 * Kamailio's own `location` and `version` tables (migration 0007, from Debian's SQL) and these.
 */
export const sip = pgSchema('sip');

/** One row: the suffix new companies' SIP domains get (`<slug>.<suffix>`). */
export const sipSettings = sip.table(
  'settings',
  {
    id: boolean('id').primaryKey().default(true),
    domainSuffix: text('domain_suffix').notNull(),
  },
  (t) => [
    check('settings_single_row_check', sql`${t.id}`),
    check('settings_domain_suffix_check', sql`${t.domainSuffix} ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?([.][a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'`),
  ],
);

/**
 * Addresses (a host or a network) INVITEs from the carrier come from: trusted without digest
 * auth, and only they may reach a company's numbers. `country` says how national forms of a
 * dialled number read (null: any country the platform sells); `port` null is any port.
 */
export const sipCarriers = sip.table(
  'carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: inet('address').notNull(),
    port: integer('port'),
    country: text('country'),
    createdAt: createdAt(),
  },
  (t) => [
    check('carriers_port_check', sql`${t.port} is null or ${t.port} between 1 and 65535`),
    check('carriers_country_check', sql`${t.country} is null or ${t.country} in ('FR','US','CA','GB','BE','CH')`),
  ],
);

/**
 * Round-robin ring groups: who was tried first last time, so the next call starts after them.
 * Written by Kamailio (sip.round_robin_next()), shared by every instance on the database.
 */
export const sipRoundRobin = sip.table('round_robin', {
  ringGroupId: uuid('ring_group_id')
    .primaryKey()
    .references(() => extensions.id, { onDelete: 'cascade' }),
  lastUserId: uuid('last_user_id').references(() => users.id, { onDelete: 'set null' }),
  // Where that member was, for when they have left the group since.
  lastPosition: integer('last_position').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Call handling (lib/calls/): business hours, closures, the holiday calendar and what each state
// (open / closed / holiday) rings. One schedule per owner: the company's own, or an override
// owned by one of its numbers or ring groups. Times are minutes after local midnight in the
// company's time zone, so the SIP server can compare them with `now() at time zone` directly.
// ---------------------------------------------------------------------------------------------

export type ScheduleOwnerKind = (typeof SCHEDULE_OWNER_KINDS)[number];

export type CallState = (typeof CALL_STATES)[number];

export const CALL_TARGET_KINDS = ['extension', 'ring_group', 'number', 'voicemail'] as const;
export type CallTargetKind = (typeof CALL_TARGET_KINDS)[number];

export const callSchedules = pgTable(
  'call_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    ownerKind: text('owner_kind').$type<ScheduleOwnerKind>().notNull(),
    // An override goes with its owner: a deleted ring group takes its schedule along; a number
    // released to the inventory does too (trigger phone_numbers_drop_call_schedule).
    phoneNumberId: uuid('phone_number_id').references(() => phoneNumbers.id, { onDelete: 'cascade' }),
    ringGroupId: uuid('ring_group_id').references(() => extensions.id, { onDelete: 'cascade' }),
    // lib/calls/calendars.ts ids ("FR", "CH-VD"); null: holidays are ordinary days.
    holidayCalendar: text('holiday_calendar'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('call_schedules_company_unique').on(t.companyId).where(sql`${t.ownerKind} = 'company'`),
    uniqueIndex('call_schedules_number_unique').on(t.phoneNumberId),
    uniqueIndex('call_schedules_ring_group_unique').on(t.ringGroupId),
    check('call_schedules_owner_kind_check', sql`${t.ownerKind} in ('company','number','ring_group')`),
    check(
      'call_schedules_owner_check',
      sql`(${t.ownerKind} = 'number') = (${t.phoneNumberId} is not null) and (${t.ownerKind} = 'ring_group') = (${t.ringGroupId} is not null)`,
    ),
    check('call_schedules_calendar_check', sql`${t.holidayCalendar} is null or ${t.holidayCalendar} ~ '^[A-Z]{2}(-[A-Z0-9-]+)?$'`),
  ],
);

/** Opening intervals: weekday 0 is Monday (ISO weekday - 1); start included, end excluded. */
export const callScheduleHours = pgTable(
  'call_schedule_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => callSchedules.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    uniqueIndex('call_schedule_hours_start_unique').on(t.scheduleId, t.weekday, t.startMinute),
    check('call_schedule_hours_weekday_check', sql`${t.weekday} between 0 and 6`),
    check('call_schedule_hours_minutes_check', sql`${t.startMinute} between 0 and 1440 and ${t.endMinute} between 0 and 1440`),
    check('call_schedule_hours_order_check', sql`${t.startMinute} < ${t.endMinute}`),
  ],
);

/** Days the company is closed: local dates, both included (a single day has first = last). */
export const callScheduleClosures = pgTable(
  'call_schedule_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => callSchedules.id, { onDelete: 'cascade' }),
    firstDay: date('first_day').notNull(),
    lastDay: date('last_day').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('call_schedule_closures_schedule_idx').on(t.scheduleId, t.firstDay),
    check('call_schedule_closures_order_check', sql`${t.firstDay} <= ${t.lastDay}`),
    check('call_schedule_closures_label_check', sql`length(${t.label}) between 1 and 80`),
  ],
);

/** Holidays of the schedule's calendar the company works on (keys from lib/calls/holidays.ts). */
export const callScheduleDisabledHolidays = pgTable(
  'call_schedule_disabled_holidays',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => callSchedules.id, { onDelete: 'cascade' }),
    holidayKey: text('holiday_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheduleId, t.holidayKey] }),
    check('call_schedule_disabled_holidays_key_check', sql`length(${t.holidayKey}) between 1 and 80`),
  ],
);

/**
 * The enabled holidays of a schedule's calendar as local dates, for the SIP server (which cannot
 * run date-holidays): written by lib/calls/holiday-dates.ts with every calendar or holiday
 * change, last year to three years ahead (migration 0012, sip.call_route).
 */
export const callScheduleHolidayDates = pgTable(
  'call_schedule_holiday_dates',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => callSchedules.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    holidayKey: text('holiday_key').notNull(),
    name: text('name').notNull(),
    // Local minute the holiday starts at (a canton's half-day: 720); 0 for the whole day.
    fromMinute: smallint('from_minute').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scheduleId, t.day] }),
    check('call_schedule_holiday_dates_from_minute_check', sql`${t.fromMinute} between 0 and 1439`),
  ],
);

/**
 * What a state rings: exactly one of an extension (user or bridge), a ring group, an outside
 * number (E.164) or a user's voicemail. A target that is deleted takes its row along: the state
 * then has no target, which the card shows (never a silent fallback).
 */
export const callStateTargets = pgTable(
  'call_state_targets',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => callSchedules.id, { onDelete: 'cascade' }),
    state: text('state').$type<CallState>().notNull(),
    kind: text('kind').$type<CallTargetKind>().notNull(),
    extensionId: uuid('extension_id').references(() => extensions.id, { onDelete: 'cascade' }),
    e164: text('e164'),
    voicemailUserId: uuid('voicemail_user_id').references(() => users.id, { onDelete: 'cascade' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scheduleId, t.state] }),
    index('call_state_targets_extension_idx').on(t.extensionId),
    index('call_state_targets_voicemail_idx').on(t.voicemailUserId),
    check('call_state_targets_state_check', sql`${t.state} in ('open','closed','holiday')`),
    check('call_state_targets_kind_check', sql`${t.kind} in ('extension','ring_group','number','voicemail')`),
    check(
      'call_state_targets_one_target_check',
      sql`(${t.kind} in ('extension','ring_group')) = (${t.extensionId} is not null) and (${t.kind} = 'number') = (${t.e164} is not null) and (${t.kind} = 'voicemail') = (${t.voicemailUserId} is not null)`,
    ),
    check('call_state_targets_e164_check', sql`${t.e164} is null or ${t.e164} ~ '^[+][1-9][0-9]{6,14}$'`),
  ],
);

export type Company = typeof companies.$inferSelect;
export type User = typeof users.$inferSelect;
export type Site = typeof sites.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Extension = typeof extensions.$inferSelect;
export type RingGroupMember = typeof ringGroupMembers.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type PhoneNumber = typeof phoneNumbers.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type SetupProgressRow = typeof setupProgress.$inferSelect;
export type SipCarrier = typeof sipCarriers.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export type CallSchedule = typeof callSchedules.$inferSelect;
export type CallStateTarget = typeof callStateTargets.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Emergency duties per country (lib/emergency/, migration 0013). US (Kari's Law): who is told
// when someone dials an emergency code, and every such call, recorded by Kamailio through
// sip.record_emergency_call() (whose trigger queues the e-mails in the outbox). CA, GB, CH: the
// admin's acknowledgement of the VoIP emergency limitations notice, per version of its text.
// The functions and the trigger are in the migration (drizzle-kit does not generate them).
// ---------------------------------------------------------------------------------------------

export const emergencyRecipients = pgTable(
  'emergency_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('emergency_recipients_company_email_unique').on(t.companyId, t.email),
    check(
      'emergency_recipients_email_check',
      sql`${t.email} = lower(${t.email}) AND ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$' AND length(${t.email}) <= 254`,
    ),
  ],
);

export const emergencyCalls = pgTable(
  'emergency_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    callerUserId: uuid('caller_user_id').references(() => users.id, { onDelete: 'set null' }),
    // As at call time: the caller may be renamed, renumbered or removed later.
    callerName: text('caller_name').notNull(),
    callerUsername: text('caller_username').notNull(),
    callerExtension: text('caller_extension'),
    dialled: text('dialled').notNull(),
    callbackNumber: text('callback_number'),
    // The company's emergency address in one line (null: none on file).
    location: text('location'),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('emergency_calls_company_idx').on(t.companyId, t.calledAt),
    check('emergency_calls_dialled_check', sql`${t.dialled} ~ '^[0-9]{2,8}$'`),
    check('emergency_calls_callback_check', sql`${t.callbackNumber} IS NULL OR ${t.callbackNumber} ~ '^[+][1-9][0-9]{6,14}$'`),
  ],
);

export const emergencyNoticeAcks = pgTable(
  'emergency_notice_acks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    userName: text('user_name').notNull(),
    locale: text('locale').notNull(),
    version: text('version').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('emergency_notice_acks_company_version_unique').on(t.companyId, t.version),
    check('emergency_notice_acks_locale_check', sql`${t.locale} in ('fr','en')`),
    check('emergency_notice_acks_version_check', sql`${t.version} ~ '^[a-z]{2}-[0-9]{4}-[0-9]+$'`),
  ],
);

export type EmergencyCall = typeof emergencyCalls.$inferSelect;
export type EmergencyNoticeAck = typeof emergencyNoticeAcks.$inferSelect;
