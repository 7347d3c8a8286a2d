-- Outbound and emergency calls (telephony/kamailio.cfg, route OUTBOUND and SHORT_CODE).
--
-- The emergency and service short codes of each country, as the numbering rules reserve them
-- (lib/extensions/numbering.ts RESERVED_CODES; `x` is any digit). Kamailio reads them here on
-- every call; tests/integration/sip-short-codes.test.ts fails when the two lists differ.
CREATE TABLE "sip"."short_codes" (
  country text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[0-9][0-9x]{1,7}$'),
  PRIMARY KEY (country, code)
);--> statement-breakpoint
INSERT INTO "sip"."short_codes" (country, code) VALUES
  ('FR', '112'), ('FR', '15'), ('FR', '17'), ('FR', '18'), ('FR', '114'), ('FR', '115'), ('FR', '119'), ('FR', '116xxx'),
  ('US', '911'), ('US', '933'), ('US', '211'), ('US', '311'), ('US', '411'), ('US', '511'), ('US', '611'), ('US', '711'), ('US', '811'),
  ('CA', '911'), ('CA', '933'), ('CA', '211'), ('CA', '311'), ('CA', '411'), ('CA', '511'), ('CA', '611'), ('CA', '711'), ('CA', '811'),
  ('GB', '999'), ('GB', '112'),
  ('BE', '112'), ('BE', '100'), ('BE', '101'),
  ('CH', '112'), ('CH', '117'), ('CH', '118'), ('CH', '144');--> statement-breakpoint
-- The short code `dialled` is in `country`, or null.
CREATE FUNCTION "sip"."short_code"(country text, dialled text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT s.code FROM sip.short_codes s
  WHERE s.country = short_code.country AND dialled ~ ('^' || replace(s.code, 'x', '[0-9]') || '$')
  LIMIT 1
$$;--> statement-breakpoint
-- Who is calling out, and as which number. The caller ID is always a number the company owns:
-- the caller's own local number (the one mapped to their extension; the main number first when
-- it is theirs), else the company's main number; null when the company owns neither.
-- `location` identifies the emergency location (the company's address) for the carrier.
CREATE VIEW "sip"."callers" AS
  SELECT u.sip_username AS username, c.sip_domain AS domain, u.licence, c.country,
         coalesce(own.e164, main.e164) AS caller_id,
         'urn:x-switchboard:location:' || c.id::text AS location,
         u.id AS user_id, u.company_id
  FROM public.users u
  JOIN public.companies c ON c.id = u.company_id
  LEFT JOIN LATERAL (
    SELECT p.e164 FROM public.phone_numbers p
    JOIN public.extensions e ON e.id = p.extension_id AND e.type = 'user'
    WHERE e.user_id = u.id AND p.company_id = u.company_id AND p.status = 'owned' AND p.type = 'local'
    ORDER BY p.is_main DESC, p.e164
    LIMIT 1
  ) own ON true
  LEFT JOIN LATERAL (
    SELECT p.e164 FROM public.phone_numbers p
    WHERE p.company_id = c.id AND p.status = 'owned' AND p.is_main
    LIMIT 1
  ) main ON true;
--> statement-breakpoint
-- When a phone first registered (usrloc inserts a row per contact and updates it on every
-- refresh, without naming this column), in UTC like the rest of the table.
ALTER TABLE "sip"."location" ADD COLUMN registered_at TIMESTAMP WITHOUT TIME ZONE DEFAULT (now() AT TIME ZONE 'utc') NOT NULL;--> statement-breakpoint
-- Each user's registered phones, as the Team and Extensions cards and /me show them: contacts
-- that have not expired, the latest user agent, since when the oldest one is registered.
CREATE VIEW "sip"."registrations" AS
  SELECT u.id AS user_id, u.company_id, count(*)::int AS contacts,
         (array_agg(l.user_agent ORDER BY l.last_modified DESC))[1] AS user_agent,
         min(l.registered_at) AT TIME ZONE 'utc' AS since,
         max(l.expires) AT TIME ZONE 'utc' AS expires
  FROM sip.location l
  JOIN public.companies c ON c.sip_domain = l.domain
  JOIN public.users u ON u.company_id = c.id AND u.sip_username = l.username
  WHERE l.expires > (now() AT TIME ZONE 'utc')
  GROUP BY u.id, u.company_id;
