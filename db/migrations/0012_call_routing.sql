-- Custom SQL migration file, put your code below! --
-- Call handling at call time (issue 14 item 2): Kamailio reads a number's schedule and target
-- through sip.call_route() on every INVITE from a carrier (telephony/kamailio.cfg, route
-- CALL_ROUTE). Hand-written: drizzle-kit writes neither functions nor comments.
--
-- The holidays a schedule observes, as dates: Kamailio cannot run date-holidays, so the app
-- (lib/calls/holiday-dates.ts) writes them here in the same transaction as every change of the
-- schedule's calendar or holiday switches, for last year to three years ahead, and a refresh at
-- each start (scripts/migrate.ts) tops up schedules whose dates stop before the third year.
-- Only enabled holidays are here; one row per local date (the first of the day's holidays in
-- date-holidays' order, as lib/calls/holidays.ts holidayOn picks it), with the local minute it
-- starts at (the cantons' half-days: 720 from 12:00; 0 otherwise).
CREATE TABLE "call_schedule_holiday_dates" (
	"schedule_id" uuid NOT NULL,
	"day" date NOT NULL,
	"holiday_key" text NOT NULL,
	"name" text NOT NULL,
	"from_minute" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "call_schedule_holiday_dates_schedule_id_day_pk" PRIMARY KEY("schedule_id","day"),
	CONSTRAINT "call_schedule_holiday_dates_from_minute_check" CHECK ("call_schedule_holiday_dates"."from_minute" between 0 and 1439)
);
--> statement-breakpoint
ALTER TABLE "call_schedule_holiday_dates" ADD CONSTRAINT "call_schedule_holiday_dates_schedule_id_call_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."call_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What a call to an owned number reaches at an instant. THE RULES (the call-flow preview must
-- follow the same ones; tests/integration/calls/call-route.test.ts checks this function
-- against lib/calls/schedule.ts stateAt):
--
-- 1. The number: an owned row of phone_numbers with this E.164 (none: no row returned).
-- 2. The schedule, first that exists AND has its targets saved ("What rings"; a schedule with
--    hours only is not in effect yet):
--      a. the number's own override (owner_kind 'number');
--      b. the override of the ring group the number is mapped to (owner_kind 'ring_group'),
--         only when the number rings that group directly;
--      c. the company's schedule, which covers the main number and every number that rings a
--         ring group or nothing. A direct line (a number mapped to a user's extension, other
--         than the main number) or a bridge's dial-in number rings its extension at any hour:
--         the person or the meeting is who the caller dialled, not the company's reception.
--         Such a number follows business hours only through its own override (a).
--    None: no row returned, and the call rings the number's mapping as before call handling.
--    A target is final: a target ring group's own override is not evaluated again, and calls
--    between extensions (a phone dialling 500) never read schedules.
-- 3. The local time: the instant `at time zone` the company's zone (companies.time_zone). When
--    sites come (issue 14 item 4), the number's site's zone replaces it, in `num` below.
--    Wall-clock rules across daylight saving: a skipped local time never happens, a repeated
--    one happens twice (both occurrences read the same hours).
-- 4. The state, first match wins (lib/calls/schedule.ts):
--      holiday  the local date has an enabled holiday (call_schedule_holiday_dates) and the
--               local minute is at or after its from_minute (whole day: 0);
--      closed   the local date is within a closure (first_day..last_day, both included);
--      open     the local minute is in an interval of the local weekday (0 = Monday,
--               start_minute included, end_minute excluded);
--      closed   otherwise.
-- 5. The target of that state (call_state_targets): kind 'extension' (a user's or a conference
--    bridge's extension: `extension`), 'ring_group' (`extension`), 'number' (`e164`, an outside
--    number, reached through the carrier) or 'voicemail' (`voicemail_username`, that user's
--    voicemail on the media server); 'none' when the state has no target (its target was
--    deleted): a dead end, refused with 480.
--
-- Columns: state, kind, extension, e164, voicemail_username, schedule_owner ('number',
-- 'ring_group', 'company'), local_time (the wall-clock time the rules read, for logs).
-- `security definer`: Kamailio's role reads the app's tables only through this and the views.
CREATE FUNCTION "sip"."call_route"(called text, instant timestamptz)
RETURNS TABLE (state text, kind text, extension text, e164 text, voicemail_username text, schedule_owner text, local_time timestamp)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH num AS (
    SELECT p.id, p.company_id, p.extension_id, c.time_zone,
      (p.is_main OR x.id IS NULL OR x.type = 'ring_group') AS company_hours
    FROM public.phone_numbers p
    JOIN public.companies c ON c.id = p.company_id
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
$$;
