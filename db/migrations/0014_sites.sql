-- Custom SQL migration file, put your code below! --
-- Sites (issue 14 item 4): a company has one or more sites, each an address and a time zone;
-- every user works at one (plus an optional floor/room: the dispatchable location). The first
-- site is the Company card's emergency address and time zone. companies.emergency_* and
-- companies.time_zone stay as its mirror, so every reader of the company's address and zone
-- (the Review, direct numbers' area, dates shown in the company's zone) keeps working; the
-- triggers below keep both equal whichever side is written, in the writer's transaction.
-- Hand-written: drizzle-kit writes neither triggers nor functions.
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_first" boolean DEFAULT false NOT NULL,
	"street" text,
	"city" text,
	"postal_code" text,
	"region" text,
	"country" text,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_name_check" CHECK (length(trim("sites"."name")) between 1 and 80),
	CONSTRAINT "sites_country_check" CHECK ("sites"."country" is null or "sites"."country" in ('FR','US','CA','GB','BE','CH')),
	CONSTRAINT "sites_address_check" CHECK ("sites"."is_first" or (nullif(trim("sites"."street"), '') is not null and "sites"."city" is not null and "sites"."postal_code" is not null and "sites"."country" is not null))
);
--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sites_company_name_unique" ON "sites" USING btree ("company_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sites_company_first_unique" ON "sites" USING btree ("company_id") WHERE "sites"."is_first";--> statement-breakpoint
CREATE UNIQUE INDEX "sites_id_company_unique" ON "sites" USING btree ("id","company_id");--> statement-breakpoint
-- The first site of every existing company, from its emergency address and time zone.
INSERT INTO "sites" ("company_id", "name", "is_first", "street", "city", "postal_code", "region", "country", "time_zone")
SELECT c.id, CASE WHEN c.locale = 'fr' THEN 'Siège' ELSE 'Head office' END, true,
       c.emergency_street, c.emergency_city, c.emergency_postal_code, c.emergency_region, c.emergency_country, c.time_zone
FROM "companies" c;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "floor_room" text;--> statement-breakpoint
UPDATE "users" u SET "site_id" = s.id FROM "sites" s WHERE s.company_id = u.company_id AND s.is_first;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "site_id" SET DEFAULT null;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "site_id" SET NOT NULL;--> statement-breakpoint
-- (site_id, company_id): a user's site is always one of the user's company. No action (checked
-- at the end of the statement), so deleting a company deletes its users and sites together;
-- removing a site that still has users is refused (the Sites action moves them first).
ALTER TABLE "users" ADD CONSTRAINT "users_site_company_fk" FOREIGN KEY ("site_id","company_id") REFERENCES "public"."sites"("id","company_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_site_idx" ON "users" USING btree ("site_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_floor_room_check" CHECK ("users"."floor_room" is null or length("users"."floor_room") between 1 and 80);--> statement-breakpoint
-- A new company gets its first site at once (sign-up, tests, scripts: every insert).
CREATE FUNCTION "public"."companies_first_site"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.sites (company_id, name, is_first, street, city, postal_code, region, country, time_zone)
  VALUES (NEW.id, CASE WHEN NEW.locale = 'fr' THEN 'Siège' ELSE 'Head office' END, true, NEW.emergency_street,
          NEW.emergency_city, NEW.emergency_postal_code, NEW.emergency_region, NEW.emergency_country, NEW.time_zone);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "companies_first_site" AFTER INSERT ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "public"."companies_first_site"();--> statement-breakpoint
-- The company's address or zone written: the first site follows. Only when they differ, so the
-- mirror trigger on sites below finds nothing to change and the pair stops there.
CREATE FUNCTION "public"."companies_sync_first_site"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.sites s SET street = NEW.emergency_street, city = NEW.emergency_city, postal_code = NEW.emergency_postal_code,
         region = NEW.emergency_region, country = NEW.emergency_country, time_zone = NEW.time_zone
  WHERE s.company_id = NEW.id AND s.is_first
    AND (s.street, s.city, s.postal_code, s.region, s.country, s.time_zone) IS DISTINCT FROM
        (NEW.emergency_street, NEW.emergency_city, NEW.emergency_postal_code, NEW.emergency_region, NEW.emergency_country, NEW.time_zone);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "companies_sync_first_site"
  AFTER UPDATE OF "emergency_street", "emergency_city", "emergency_postal_code", "emergency_region", "emergency_country", "time_zone" ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "public"."companies_sync_first_site"();--> statement-breakpoint
CREATE FUNCTION "public"."sites_sync_company"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.companies c SET emergency_street = NEW.street, emergency_city = NEW.city, emergency_postal_code = NEW.postal_code,
         emergency_region = NEW.region, emergency_country = NEW.country, time_zone = NEW.time_zone
  WHERE c.id = NEW.company_id
    AND (c.emergency_street, c.emergency_city, c.emergency_postal_code, c.emergency_region, c.emergency_country, c.time_zone) IS DISTINCT FROM
        (NEW.street, NEW.city, NEW.postal_code, NEW.region, NEW.country, NEW.time_zone);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "sites_sync_company" AFTER INSERT OR UPDATE ON "sites"
  FOR EACH ROW WHEN (NEW.is_first) EXECUTE FUNCTION "public"."sites_sync_company"();--> statement-breakpoint
-- A user inserted without a site works at the company's first site (sign-up, import, Add user
-- when the company has one site, test factories).
CREATE FUNCTION "public"."users_site_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.site_id IS NULL THEN
    SELECT s.id INTO NEW.site_id FROM public.sites s WHERE s.company_id = NEW.company_id AND s.is_first;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_site_default" BEFORE INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "public"."users_site_default"();--> statement-breakpoint
-- THE rule of which site's time zone a number's calls are handled in (lib/sites/time-zone.ts
-- states it for the app, and the call-flow preview loads it through this function): a number
-- mapped to a user's extension, other than the main number, is that user's line: their site's
-- zone. Every other number (the main number, ring groups, bridges, unmapped) is the company's:
-- the first site's zone.
CREATE FUNCTION "public"."number_time_zone"(number_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT s.time_zone FROM public.phone_numbers p
       JOIN public.extensions x ON x.id = p.extension_id AND x.type = 'user'
       JOIN public.users u ON u.id = x.user_id
       JOIN public.sites s ON s.id = u.site_id
     WHERE p.id = number_id AND NOT p.is_main),
    (SELECT s.time_zone FROM public.phone_numbers p JOIN public.sites s ON s.company_id = p.company_id AND s.is_first
     WHERE p.id = number_id))
$$;--> statement-breakpoint
-- A site's address in one line, with the floor/room after the street (the dispatchable
-- location): "1 Main Street, Floor 3, New York, NY 10001, US"; FR, BE, CH: "10 rue de Rivoli,
-- 2e étage, 75001 Paris, FR". The same shape as emergency_location (migration 0013).
CREATE FUNCTION "public"."site_location"(s public.sites, floor_room text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN nullif(trim(s.street), '') IS NULL THEN NULL
    WHEN s.country IN ('FR', 'BE', 'CH') THEN concat_ws(', ', s.street, nullif(trim(floor_room), ''),
      nullif(concat_ws(' ', s.postal_code, s.city), ''), nullif(s.region, ''), s.country)
    ELSE concat_ws(', ', s.street, nullif(trim(floor_room), ''), s.city,
      nullif(concat_ws(' ', nullif(s.region, ''), s.postal_code), ''), s.country)
  END
$$;--> statement-breakpoint
-- sip.call_route (migration 0012), with rule 3 now the number's site's zone (number_time_zone).
CREATE OR REPLACE FUNCTION "sip"."call_route"(called text, instant timestamptz)
RETURNS TABLE (state text, kind text, extension text, e164 text, voicemail_username text, schedule_owner text, local_time timestamp)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH num AS (
    SELECT p.id, p.company_id, p.extension_id, public.number_time_zone(p.id) AS time_zone,
      (p.is_main OR x.id IS NULL OR x.type = 'ring_group') AS company_hours
    FROM public.phone_numbers p
    LEFT JOIN public.extensions x ON x.id = p.extension_id
    WHERE p.e164 = called AND p.status = 'owned'
  ),
  sched AS (
    SELECT s.id, s.owner_kind, (instant AT TIME ZONE num.time_zone) AS lt
    FROM num
    JOIN public.call_schedules s ON s.company_id = num.company_id
    WHERE ((s.owner_kind = 'number' AND s.phone_number_id = num.id)
        OR (s.owner_kind = 'ring_group' AND s.ring_group_id = num.extension_id)
        OR (s.owner_kind = 'company' AND num.company_hours))
      AND EXISTS (SELECT 1 FROM public.call_state_targets t WHERE t.schedule_id = s.id)
    ORDER BY CASE s.owner_kind WHEN 'number' THEN 1 WHEN 'ring_group' THEN 2 ELSE 3 END
    LIMIT 1
  ),
  st AS (
    SELECT sched.id, sched.owner_kind, sched.lt,
      CASE
        WHEN EXISTS (
          SELECT 1 FROM public.call_schedule_holiday_dates h
          WHERE h.schedule_id = sched.id AND h.day = sched.lt::date
            AND extract(hour FROM sched.lt)::int * 60 + extract(minute FROM sched.lt)::int >= h.from_minute
        ) THEN 'holiday'
        WHEN EXISTS (
          SELECT 1 FROM public.call_schedule_closures c
          WHERE c.schedule_id = sched.id AND sched.lt::date BETWEEN c.first_day AND c.last_day
        ) THEN 'closed'
        WHEN EXISTS (
          SELECT 1 FROM public.call_schedule_hours i
          WHERE i.schedule_id = sched.id AND i.weekday = extract(isodow FROM sched.lt)::int - 1
            AND extract(hour FROM sched.lt)::int * 60 + extract(minute FROM sched.lt)::int >= i.start_minute
            AND extract(hour FROM sched.lt)::int * 60 + extract(minute FROM sched.lt)::int < i.end_minute
        ) THEN 'open'
        ELSE 'closed'
      END AS state
    FROM sched
  )
  SELECT st.state, coalesce(t.kind, 'none'), e.number, t.e164, u.sip_username, st.owner_kind, st.lt
  FROM st
  LEFT JOIN public.call_state_targets t ON t.schedule_id = st.id AND t.state = st.state
  LEFT JOIN public.extensions e ON e.id = t.extension_id
  LEFT JOIN public.users u ON u.id = t.voicemail_user_id
$$;--> statement-breakpoint
-- sip.record_emergency_call (migration 0013): the location is now the caller's site with their
-- floor/room, no longer the company's address.
CREATE OR REPLACE FUNCTION "sip"."record_emergency_call"(caller_domain text, caller_username text, dialled text, callback text)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u record;
  new_id uuid;
BEGIN
  SELECT us.id, us.company_id, us.sip_username, us.first_name || ' ' || us.last_name AS name, c.country,
         public.site_location(si, us.floor_room) AS location,
         (SELECT e.number FROM public.extensions e WHERE e.user_id = us.id AND e.type = 'user' LIMIT 1) AS extension
    INTO u
  FROM public.users us JOIN public.companies c ON c.id = us.company_id
  JOIN public.sites si ON si.id = us.site_id
  WHERE c.sip_domain = caller_domain AND us.sip_username = caller_username;
  IF u.id IS NULL OR NOT coalesce(sip.short_code_emergency(u.country, dialled), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO public.emergency_calls (company_id, caller_user_id, caller_name, caller_username, caller_extension,
                                      dialled, callback_number, location)
  VALUES (u.company_id, u.id, u.name, u.sip_username, u.extension, dialled,
          CASE WHEN callback ~ '^[+][1-9][0-9]{6,14}$' THEN callback END, u.location)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
