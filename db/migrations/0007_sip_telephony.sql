CREATE SCHEMA "sip";
--> statement-breakpoint
CREATE TABLE "sip"."carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" "inet" NOT NULL,
	"port" integer,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_port_check" CHECK ("sip"."carriers"."port" is null or "sip"."carriers"."port" between 1 and 65535),
	CONSTRAINT "carriers_country_check" CHECK ("sip"."carriers"."country" is null or "sip"."carriers"."country" in ('FR','US','CA','GB','BE','CH'))
);
--> statement-breakpoint
CREATE TABLE "sip_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"ha1" text NOT NULL,
	"ha1b" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip"."round_robin" (
	"ring_group_id" uuid PRIMARY KEY NOT NULL,
	"last_user_id" uuid,
	"last_position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip"."settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"domain_suffix" text NOT NULL,
	CONSTRAINT "settings_single_row_check" CHECK ("sip"."settings"."id"),
	CONSTRAINT "settings_domain_suffix_check" CHECK ("sip"."settings"."domain_suffix" ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?([.][a-z0-9]([a-z0-9-]*[a-z0-9])?)+$')
);
--> statement-breakpoint
-- Nullable until the backfill below, then NOT NULL; the companies_sip_domain trigger fills it.
ALTER TABLE "companies" ADD COLUMN "sip_domain" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sip_username" text DEFAULT ('u' || left(replace(gen_random_uuid()::text, '-', ''), 12)) NOT NULL;--> statement-breakpoint
ALTER TABLE "sip_credentials" ADD CONSTRAINT "sip_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."round_robin" ADD CONSTRAINT "round_robin_ring_group_id_extensions_id_fk" FOREIGN KEY ("ring_group_id") REFERENCES "public"."extensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."round_robin" ADD CONSTRAINT "round_robin_last_user_id_users_id_fk" FOREIGN KEY ("last_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_sip_domain_unique" ON "companies" USING btree ("sip_domain");--> statement-breakpoint
CREATE UNIQUE INDEX "users_sip_username_unique" ON "users" USING btree ("sip_username");
--> statement-breakpoint
-- Hand-written below (drizzle-kit does not generate functions, triggers or views); everything the
-- SIP server reads lives in the "sip" schema. See telephony/README.md.
-- The default suffix is a reserved test name: set the deployment's own once, before sign-ups
-- (update sip.settings set domain_suffix = 'sip.example.com'); existing domains never change.
INSERT INTO "sip"."settings" ("domain_suffix") VALUES ('sip.switchboard.test');--> statement-breakpoint
-- "Café Dupont & Fils" -> "cafe-dupont-fils": a DNS label of at most 40 characters.
CREATE FUNCTION "sip"."slug"(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(nullif(trim(both '-' from left(trim(both '-' from regexp_replace(lower(translate(
    replace(replace(replace(replace(replace(name, 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ß', 'ss'),
    'ÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŽŹŻàáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż',
    'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzzaaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz')),
    '[^a-z0-9]+', '-', 'g')), 40)), ''), 'company')
$$;--> statement-breakpoint
-- The next free domain for a company name: <slug>.<suffix>, then <slug>-2.<suffix>, ...
-- Assignments are serialised until commit, so two sign-ups of "Acme" at the same moment get
-- acme and acme-2 instead of one of them failing on companies_sip_domain_unique.
CREATE FUNCTION "sip"."new_domain"(company_name text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  base text := sip.slug(company_name);
  suffix text;
  candidate text;
  n integer := 1;
BEGIN
  SELECT s.domain_suffix INTO suffix FROM sip.settings s;
  IF suffix IS NULL THEN
    RAISE EXCEPTION 'sip.settings has no domain_suffix';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('sip.new_domain'));
  candidate := base || '.' || suffix;
  WHILE EXISTS (SELECT 1 FROM public.companies c WHERE c.sip_domain = candidate) LOOP
    n := n + 1;
    candidate := base || '-' || n || '.' || suffix;
  END LOOP;
  RETURN candidate;
END
$$;--> statement-breakpoint
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT id, name FROM public.companies ORDER BY created_at, id LOOP
    UPDATE public.companies SET sip_domain = sip.new_domain(c.name) WHERE id = c.id;
  END LOOP;
END
$$;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "sip_domain" SET NOT NULL;--> statement-breakpoint
-- Every insert that leaves sip_domain out (sign-up, imports, tests) gets one derived from the name.
CREATE FUNCTION "sip"."companies_sip_domain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sip_domain IS NULL THEN
    NEW.sip_domain := sip.new_domain(NEW.name);
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "companies_sip_domain" BEFORE INSERT ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "sip"."companies_sip_domain"();--> statement-breakpoint
-- Kamailio's own tables for usrloc db_mode 3 (/usr/share/kamailio/postgres/standard-create.sql
-- and usrloc-create.sql of Kamailio 5.6), in the sip schema. Kamailio names them "sip.location",
-- so their version rows carry the qualified names. "expires" is stored without a time zone:
-- every Kamailio on this database runs with TZ=UTC (telephony/run.mjs sets it).
CREATE TABLE "sip"."version" (
    id SERIAL PRIMARY KEY NOT NULL,
    table_name VARCHAR(32) NOT NULL,
    table_version INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT version_table_name_idx UNIQUE (table_name)
);--> statement-breakpoint
INSERT INTO "sip"."version" (table_name, table_version) VALUES
  ('version', 1), ('sip.location', 9), ('sip.location_attrs', 1), ('sip.subscriber', 7);--> statement-breakpoint
CREATE TABLE "sip"."location" (
    id SERIAL PRIMARY KEY NOT NULL,
    ruid VARCHAR(64) DEFAULT '' NOT NULL,
    username VARCHAR(64) DEFAULT '' NOT NULL,
    domain VARCHAR(64) DEFAULT NULL,
    contact VARCHAR(512) DEFAULT '' NOT NULL,
    received VARCHAR(128) DEFAULT NULL,
    path VARCHAR(512) DEFAULT NULL,
    expires TIMESTAMP WITHOUT TIME ZONE DEFAULT '2030-05-28 21:32:15' NOT NULL,
    q REAL DEFAULT 1.0 NOT NULL,
    callid VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL,
    cseq INTEGER DEFAULT 1 NOT NULL,
    last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL,
    flags INTEGER DEFAULT 0 NOT NULL,
    cflags INTEGER DEFAULT 0 NOT NULL,
    user_agent VARCHAR(255) DEFAULT '' NOT NULL,
    socket VARCHAR(64) DEFAULT NULL,
    methods INTEGER DEFAULT NULL,
    instance VARCHAR(255) DEFAULT NULL,
    reg_id INTEGER DEFAULT 0 NOT NULL,
    server_id INTEGER DEFAULT 0 NOT NULL,
    connection_id INTEGER DEFAULT 0 NOT NULL,
    keepalive INTEGER DEFAULT 0 NOT NULL,
    partition INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT location_ruid_idx UNIQUE (ruid)
);--> statement-breakpoint
CREATE INDEX location_account_contact_idx ON "sip"."location" (username, domain, contact);--> statement-breakpoint
CREATE INDEX location_expires_idx ON "sip"."location" (expires);--> statement-breakpoint
CREATE INDEX location_tcpcon_idx ON "sip"."location" (connection_id);--> statement-breakpoint
CREATE INDEX location_connection_idx ON "sip"."location" (server_id, connection_id);--> statement-breakpoint
CREATE TABLE "sip"."location_attrs" (
    id SERIAL PRIMARY KEY NOT NULL,
    ruid VARCHAR(64) DEFAULT '' NOT NULL,
    username VARCHAR(64) DEFAULT '' NOT NULL,
    domain VARCHAR(64) DEFAULT NULL,
    aname VARCHAR(64) DEFAULT '' NOT NULL,
    atype INTEGER DEFAULT 0 NOT NULL,
    avalue VARCHAR(512) DEFAULT '' NOT NULL,
    last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL
);--> statement-breakpoint
CREATE INDEX location_attrs_account_record_idx ON "sip"."location_attrs" (username, domain, ruid);--> statement-breakpoint
CREATE INDEX location_attrs_last_modified_idx ON "sip"."location_attrs" (last_modified);--> statement-breakpoint
-- The views Kamailio reads on every request: a committed change is live on the next one.
-- Company domains (is this From/To/R-URI domain one of ours?).
CREATE VIEW "sip"."domains" AS
  SELECT c.sip_domain AS domain, c.country, c.id AS company_id
  FROM public.companies c;--> statement-breakpoint
-- auth_db's subscriber table: only users who have a SIP password.
CREATE VIEW "sip"."subscriber" AS
  SELECT u.sip_username AS username, c.sip_domain AS domain, cr.ha1, cr.ha1b,
         u.id AS user_id, u.company_id
  FROM public.users u
  JOIN public.companies c ON c.id = u.company_id
  JOIN public.sip_credentials cr ON cr.user_id = u.id;--> statement-breakpoint
-- Every extension by company domain and number. `username` is the SIP username of a user
-- extension; a ring group's no-answer target is another extension (no_answer_number, of
-- no_answer_type) or a member's voicemail (no_answer_username).
CREATE VIEW "sip"."extensions" AS
  SELECT c.sip_domain AS domain, e.number, e.type, u.sip_username AS username,
         e.strategy, e.no_answer_kind,
         t.type AS no_answer_type, t.number AS no_answer_number,
         vu.sip_username AS no_answer_username,
         e.id AS extension_id, e.company_id
  FROM public.extensions e
  JOIN public.companies c ON c.id = e.company_id
  LEFT JOIN public.users u ON u.id = e.user_id
  LEFT JOIN public.extensions t ON t.id = e.no_answer_extension_id AND t.company_id = e.company_id
  LEFT JOIN public.users vu ON vu.id = e.no_answer_user_id AND vu.company_id = e.company_id;--> statement-breakpoint
-- Ring-group members in ring order, each with their ring time.
CREATE VIEW "sip"."ring_group_members" AS
  SELECT c.sip_domain AS domain, g.number AS group_number, m.position, u.sip_username AS username,
         m.ring_seconds, ue.number AS member_number, m.user_id, g.id AS ring_group_id
  FROM public.ring_group_members m
  JOIN public.extensions g ON g.id = m.ring_group_id AND g.type = 'ring_group'
  JOIN public.companies c ON c.id = g.company_id
  JOIN public.users u ON u.id = m.user_id AND u.company_id = g.company_id
  LEFT JOIN public.extensions ue ON ue.user_id = u.id AND ue.type = 'user';--> statement-breakpoint
-- Owned numbers (E.164) and the extension each rings; `extension` is null while unassigned.
CREATE VIEW "sip"."numbers" AS
  SELECT p.e164, p.national, p.country, c.sip_domain AS domain, e.number AS extension, e.type,
         p.is_main, p.company_id
  FROM public.phone_numbers p
  JOIN public.companies c ON c.id = p.company_id
  LEFT JOIN public.extensions e ON e.id = p.extension_id AND e.company_id = p.company_id
  WHERE p.status = 'owned';--> statement-breakpoint
-- What a carrier may send as the called number, as the E.164 numbers it can mean, best first:
-- +E.164, 00 international, national with the trunk 0 (FR, GB, BE, CH) or NANP 10/11 digits
-- (US, CA), E.164 without its +. `country` (the carrier's) narrows the national forms.
CREATE FUNCTION "sip"."e164_candidates"(dialled text, country text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN d ~ '^\+[1-9][0-9]{6,14}$' THEN ARRAY[d]
    WHEN d ~ '^00[1-9][0-9]{6,14}$' THEN ARRAY['+' || substr(d, 3)]
    WHEN d ~ '^0[1-9][0-9]{5,12}$' THEN ARRAY(
      SELECT '+' || v.cc || substr(d, 2)
      FROM (VALUES (1, 'FR', '33'), (2, 'GB', '44'), (3, 'BE', '32'), (4, 'CH', '41')) AS v(o, c, cc)
      WHERE country IS NULL OR v.c = country
      ORDER BY v.o)
    WHEN d ~ '^1?[2-9][0-9]{9}$' AND (country IS NULL OR country IN ('US', 'CA'))
      THEN ARRAY['+1' || right(d, 10), '+' || d]
    WHEN d ~ '^[1-9][0-9]{6,14}$' THEN ARRAY['+' || d]
    ELSE ARRAY[]::text[]
  END
  FROM (SELECT regexp_replace(split_part(coalesce(dialled, ''), ';', 1), '[-. ()]', '', 'g') AS d) AS x
$$;--> statement-breakpoint
-- Is this source a carrier? The sip.carriers rows, then the instance's SIP_CARRIERS list
-- (telephony/run.mjs passes it as "address/bits|port|country,..."; empty port: any).
CREATE FUNCTION "sip"."trusted_carrier"(source_ip text, source_port integer, extra text)
RETURNS TABLE (name text, country text) LANGUAGE sql STABLE AS $$
  SELECT t.name, t.country FROM (
    SELECT 1 AS o, c.name, c.country FROM sip.carriers c
    WHERE source_ip::inet <<= c.address AND (c.port IS NULL OR c.port = source_port)
    UNION ALL
    SELECT 2, 'SIP_CARRIERS', nullif(split_part(e, '|', 3), '')
    FROM unnest(string_to_array(coalesce(extra, ''), ',')) AS e
    WHERE e <> '' AND source_ip::inet <<= split_part(e, '|', 1)::inet
      AND (split_part(e, '|', 2) = '' OR split_part(e, '|', 2)::integer = source_port)
  ) AS t
  ORDER BY t.o
  LIMIT 1
$$;--> statement-breakpoint
-- Round robin: the position of the member a call to this group starts with (the one after who
-- started last time, wrapping), recorded in one locked step so concurrent calls, on any
-- Kamailio, each move it on. Null when the group has no member.
CREATE FUNCTION "sip"."round_robin_next"(group_domain text, group_number text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  g uuid;
  last_pos integer;
  last_user uuid;
  current_pos integer;
  next_pos integer;
  next_user uuid;
BEGIN
  SELECT e.id INTO g FROM public.extensions e JOIN public.companies c ON c.id = e.company_id
  WHERE c.sip_domain = group_domain AND e.number = group_number AND e.type = 'ring_group';
  IF g IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO sip.round_robin (ring_group_id, last_position) VALUES (g, -1) ON CONFLICT DO NOTHING;
  SELECT r.last_position, r.last_user_id INTO last_pos, last_user
  FROM sip.round_robin r WHERE r.ring_group_id = g FOR UPDATE;
  -- Where the last starter is now (the list may have been reordered), else where they were.
  SELECT m.position INTO current_pos FROM public.ring_group_members m
  WHERE m.ring_group_id = g AND m.user_id = last_user;
  current_pos := coalesce(current_pos, last_pos);
  SELECT m.position, m.user_id INTO next_pos, next_user FROM public.ring_group_members m
  WHERE m.ring_group_id = g
  ORDER BY (m.position > current_pos) DESC, m.position
  LIMIT 1;
  IF next_pos IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE sip.round_robin SET last_position = next_pos, last_user_id = next_user, updated_at = now()
  WHERE ring_group_id = g;
  RETURN next_pos;
END
$$;
