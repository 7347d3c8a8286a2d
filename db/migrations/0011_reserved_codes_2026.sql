-- Issue 14: the reserved short codes the numbering rules missed (FR 116117, 191, 196, 197;
-- US/CA 988; GB 101, 105, 111, 116xxx; every BE and CH short number starting with 1), and
-- which codes are emergencies. Kamailio marks only those `Priority: emergency`; the others are
-- service codes, still sent to the carrier with the location. The list mirrors RESERVED_CODES
-- in lib/extensions/numbering.ts (tests/integration/sip-short-codes.test.ts fails when they
-- differ). `x` stands for any digit and only ends a code: `116xxx` is 116000-116999.
ALTER TABLE "sip"."short_codes" ADD COLUMN emergency boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sip"."short_codes" DROP CONSTRAINT short_codes_code_check;--> statement-breakpoint
ALTER TABLE "sip"."short_codes" ADD CONSTRAINT short_codes_code_check CHECK (code ~ '^[0-9]+x*$' AND length(code) BETWEEN 2 AND 8);--> statement-breakpoint
DELETE FROM "sip"."short_codes";--> statement-breakpoint
INSERT INTO "sip"."short_codes" (country, code, emergency) VALUES
  ('FR', '15', true), ('FR', '17', true), ('FR', '18', true), ('FR', '112', true), ('FR', '114', true), ('FR', '115', true),
  ('FR', '116000', true), ('FR', '116117', true), ('FR', '119', true), ('FR', '191', true), ('FR', '196', true), ('FR', '197', true),
  ('FR', '116xxx', false),
  ('US', '911', true), ('US', '933', true), ('US', '988', false), ('US', '211', false), ('US', '311', false), ('US', '411', false),
  ('US', '511', false), ('US', '611', false), ('US', '711', false), ('US', '811', false),
  ('CA', '911', true), ('CA', '933', true), ('CA', '988', false), ('CA', '211', false), ('CA', '311', false), ('CA', '411', false),
  ('CA', '511', false), ('CA', '611', false), ('CA', '711', false), ('CA', '811', false),
  ('GB', '999', true), ('GB', '112', true), ('GB', '101', false), ('GB', '105', false), ('GB', '111', false), ('GB', '116xxx', false),
  ('BE', '100', true), ('BE', '101', true), ('BE', '112', true), ('BE', '1xx', false), ('BE', '1xxx', false), ('BE', '116xxx', false),
  ('CH', '112', true), ('CH', '117', true), ('CH', '118', true), ('CH', '144', true), ('CH', '145', true), ('CH', '1414', true),
  ('CH', '1xx', false), ('CH', '1xxx', false), ('CH', '116xxx', false);--> statement-breakpoint
-- The short code `dialled` is in `country`, or null. Ranges overlap single codes (BE 1xx and
-- 101, FR 116xxx and 116000): the emergency one wins, then the one with more fixed digits.
CREATE OR REPLACE FUNCTION "sip"."short_code"(country text, dialled text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT s.code FROM sip.short_codes s
  WHERE s.country = short_code.country AND dialled ~ ('^' || replace(s.code, 'x', '[0-9]') || '$')
  ORDER BY s.emergency DESC, length(rtrim(s.code, 'x')) DESC
  LIMIT 1
$$;--> statement-breakpoint
-- Whether `dialled` is an emergency call in `country` (911, 933, 112...): null when it is no
-- short code at all.
CREATE FUNCTION "sip"."short_code_emergency"(country text, dialled text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT s.emergency FROM sip.short_codes s
  WHERE s.country = short_code_emergency.country AND s.code = sip.short_code(short_code_emergency.country, dialled)
$$;
