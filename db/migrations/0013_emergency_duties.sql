-- Custom SQL migration file, put your code below! --
-- Issue 14, emergency duties per country (lib/emergency/, telephony/kamailio.cfg route SHORT_CODE).
--
-- US (Kari's Law): who is told when someone dials an emergency code.
CREATE TABLE "emergency_recipients" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL REFERENCES "public"."companies"("id") ON DELETE cascade,
  "email" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "emergency_recipients_email_check"
    CHECK ("email" = lower("email") AND "email" ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$' AND length("email") <= 254)
);--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_recipients_company_email_unique" ON "emergency_recipients" USING btree ("company_id", "email");--> statement-breakpoint
-- Every emergency call placed through Kamailio, every country. What the e-mail says is kept as
-- it was at call time (the caller may be renumbered or removed, the address may change).
CREATE TABLE "emergency_calls" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL REFERENCES "public"."companies"("id") ON DELETE cascade,
  "caller_user_id" uuid REFERENCES "public"."users"("id") ON DELETE set null,
  "caller_name" text NOT NULL,
  "caller_username" text NOT NULL,
  "caller_extension" text,
  "dialled" text NOT NULL,
  "callback_number" text,
  -- The company's emergency address in one line; null when none was on file.
  "location" text,
  "called_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "emergency_calls_dialled_check" CHECK ("dialled" ~ '^[0-9]{2,8}$'),
  CONSTRAINT "emergency_calls_callback_check" CHECK ("callback_number" IS NULL OR "callback_number" ~ '^[+][1-9][0-9]{6,14}$')
);--> statement-breakpoint
CREATE INDEX "emergency_calls_company_idx" ON "emergency_calls" USING btree ("company_id", "called_at");--> statement-breakpoint
-- CA, GB, CH: the admin's acknowledgement of the VoIP emergency limitations notice, per version
-- of its text (lib/emergency/notice.ts). `user_name` keeps who it was if the user is removed.
CREATE TABLE "emergency_notice_acks" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL REFERENCES "public"."companies"("id") ON DELETE cascade,
  "user_id" uuid REFERENCES "public"."users"("id") ON DELETE set null,
  "user_name" text NOT NULL,
  "locale" text NOT NULL,
  "version" text NOT NULL,
  "acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "emergency_notice_acks_locale_check" CHECK ("locale" in ('fr','en')),
  CONSTRAINT "emergency_notice_acks_version_check" CHECK ("version" ~ '^[a-z]{2}-[0-9]{4}-[0-9]+$')
);--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_notice_acks_company_version_unique" ON "emergency_notice_acks" USING btree ("company_id", "version");--> statement-breakpoint
-- The company's emergency address in one line, as the notification e-mail gives it:
-- "1 Main Street, New York, NY 10001, US"; FR, BE, CH: "10 rue de Rivoli, 75001 Paris, FR".
CREATE FUNCTION "public"."emergency_location"(c public.companies) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN nullif(trim(c.emergency_street), '') IS NULL THEN NULL
    WHEN c.emergency_country IN ('FR', 'BE', 'CH') THEN concat_ws(', ', c.emergency_street,
      nullif(concat_ws(' ', c.emergency_postal_code, c.emergency_city), ''), nullif(c.emergency_region, ''), c.emergency_country)
    ELSE concat_ws(', ', c.emergency_street, c.emergency_city,
      nullif(concat_ws(' ', nullif(c.emergency_region, ''), c.emergency_postal_code), ''), c.emergency_country)
  END
$$;--> statement-breakpoint
-- The notification e-mail, rendered here because the row is written by Kamailio, not by the
-- app: the outbox stores rendered subjects and bodies (lib/mail), which the worker sends as they
-- are. In the company's language (the recipients are addresses, not users), the time in the
-- company's time zone. One message per recipient, in the same statement as the call's row.
CREATE FUNCTION "public"."emergency_calls_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c public.companies;
  fr boolean;
  local_time text;
  who text;
  subject text;
  body text;
BEGIN
  SELECT * INTO c FROM public.companies WHERE id = NEW.company_id;
  fr := c.locale = 'fr';
  local_time := to_char(NEW.called_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI:SS') || ' (' || c.time_zone || ')';
  who := NEW.caller_name || CASE WHEN NEW.caller_extension IS NULL THEN ''
    WHEN fr THEN ', poste ' || NEW.caller_extension ELSE ', extension ' || NEW.caller_extension END;
  IF fr THEN
    subject := 'Appel d’urgence au ' || NEW.dialled || ' : ' || who;
    body := concat_ws(E'\n',
      'Un appel d’urgence vient d’être passé depuis le système téléphonique de ' || c.name || '.',
      '',
      'Numéro composé : ' || NEW.dialled,
      'Appelant : ' || who,
      'Numéro de rappel : ' || coalesce(NEW.callback_number, 'aucun (l’entreprise n’a pas de numéro)'),
      'Emplacement : ' || coalesce(NEW.location, 'aucune adresse d’urgence enregistrée'),
      'Heure : ' || local_time,
      '',
      'Vous recevez ce message parce que votre adresse est un destinataire des alertes d’appel d’urgence de ' || c.name || ' (fiche Entreprise).',
      '— Switchboard, pour ' || c.name);
  ELSE
    subject := 'Emergency call to ' || NEW.dialled || ': ' || who;
    body := concat_ws(E'\n',
      'An emergency call has just been placed from the phone system of ' || c.name || '.',
      '',
      'Number dialled: ' || NEW.dialled,
      'Caller: ' || who,
      'Callback number: ' || coalesce(NEW.callback_number, 'none (the company has no number)'),
      'Location: ' || coalesce(NEW.location, 'no emergency address on file'),
      'Time: ' || local_time,
      '',
      'You get this message because your address is an emergency call notification recipient of ' || c.name || ' (Company card).',
      '— Switchboard, for ' || c.name);
  END IF;
  INSERT INTO public.outbox (company_id, kind, dedupe_key, to_email, subject, body_text, next_attempt_at, created_at)
  SELECT NEW.company_id, 'emergency_call', 'emergency-call:' || NEW.id || ':' || r.email, r.email, subject, body,
         NEW.called_at, NEW.called_at
  FROM public.emergency_recipients r
  WHERE r.company_id = NEW.company_id
  ORDER BY r.email;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "emergency_calls_notify" AFTER INSERT ON "emergency_calls"
  FOR EACH ROW EXECUTE FUNCTION "public"."emergency_calls_notify"();--> statement-breakpoint
-- What Kamailio calls after it has relayed an emergency call (route SHORT_CODE): the caller, by
-- SIP username and domain, the code and the callback number it sent to the carrier. Only codes
-- flagged emergency in the caller's country are recorded (null otherwise). `security definer`:
-- Kamailio's role needs no rights on the app's tables, only to execute this.
CREATE FUNCTION "sip"."record_emergency_call"(caller_domain text, caller_username text, dialled text, callback text)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u record;
  new_id uuid;
BEGIN
  SELECT us.id, us.company_id, us.sip_username, us.first_name || ' ' || us.last_name AS name, c.country,
         public.emergency_location(c) AS location,
         (SELECT e.number FROM public.extensions e WHERE e.user_id = us.id AND e.type = 'user' LIMIT 1) AS extension
    INTO u
  FROM public.users us JOIN public.companies c ON c.id = us.company_id
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
