CREATE TABLE "call_schedule_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_schedule_closures_order_check" CHECK ("call_schedule_closures"."first_day" <= "call_schedule_closures"."last_day"),
	CONSTRAINT "call_schedule_closures_label_check" CHECK (length("call_schedule_closures"."label") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "call_schedule_disabled_holidays" (
	"schedule_id" uuid NOT NULL,
	"holiday_key" text NOT NULL,
	CONSTRAINT "call_schedule_disabled_holidays_schedule_id_holiday_key_pk" PRIMARY KEY("schedule_id","holiday_key"),
	CONSTRAINT "call_schedule_disabled_holidays_key_check" CHECK (length("call_schedule_disabled_holidays"."holiday_key") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "call_schedule_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "call_schedule_hours_weekday_check" CHECK ("call_schedule_hours"."weekday" between 0 and 6),
	CONSTRAINT "call_schedule_hours_minutes_check" CHECK ("call_schedule_hours"."start_minute" between 0 and 1440 and "call_schedule_hours"."end_minute" between 0 and 1440),
	CONSTRAINT "call_schedule_hours_order_check" CHECK ("call_schedule_hours"."start_minute" < "call_schedule_hours"."end_minute")
);
--> statement-breakpoint
CREATE TABLE "call_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"phone_number_id" uuid,
	"ring_group_id" uuid,
	"holiday_calendar" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_schedules_owner_kind_check" CHECK ("call_schedules"."owner_kind" in ('company','number','ring_group')),
	CONSTRAINT "call_schedules_owner_check" CHECK (("call_schedules"."owner_kind" = 'number') = ("call_schedules"."phone_number_id" is not null) and ("call_schedules"."owner_kind" = 'ring_group') = ("call_schedules"."ring_group_id" is not null)),
	CONSTRAINT "call_schedules_calendar_check" CHECK ("call_schedules"."holiday_calendar" is null or "call_schedules"."holiday_calendar" ~ '^[A-Z]{2}(-[A-Z0-9-]+)?$')
);
--> statement-breakpoint
CREATE TABLE "call_state_targets" (
	"schedule_id" uuid NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"extension_id" uuid,
	"e164" text,
	"voicemail_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_state_targets_schedule_id_state_pk" PRIMARY KEY("schedule_id","state"),
	CONSTRAINT "call_state_targets_state_check" CHECK ("call_state_targets"."state" in ('open','closed','holiday')),
	CONSTRAINT "call_state_targets_kind_check" CHECK ("call_state_targets"."kind" in ('extension','ring_group','number','voicemail')),
	CONSTRAINT "call_state_targets_one_target_check" CHECK (("call_state_targets"."kind" in ('extension','ring_group')) = ("call_state_targets"."extension_id" is not null) and ("call_state_targets"."kind" = 'number') = ("call_state_targets"."e164" is not null) and ("call_state_targets"."kind" = 'voicemail') = ("call_state_targets"."voicemail_user_id" is not null)),
	CONSTRAINT "call_state_targets_e164_check" CHECK ("call_state_targets"."e164" is null or "call_state_targets"."e164" ~ '^[+][1-9][0-9]{6,14}$')
);
--> statement-breakpoint
ALTER TABLE "setup_progress" DROP CONSTRAINT "setup_progress_card_check";--> statement-breakpoint
ALTER TABLE "call_schedule_closures" ADD CONSTRAINT "call_schedule_closures_schedule_id_call_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."call_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_schedule_disabled_holidays" ADD CONSTRAINT "call_schedule_disabled_holidays_schedule_id_call_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."call_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_schedule_hours" ADD CONSTRAINT "call_schedule_hours_schedule_id_call_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."call_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_schedules" ADD CONSTRAINT "call_schedules_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_schedules" ADD CONSTRAINT "call_schedules_phone_number_id_phone_numbers_id_fk" FOREIGN KEY ("phone_number_id") REFERENCES "public"."phone_numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_schedules" ADD CONSTRAINT "call_schedules_ring_group_id_extensions_id_fk" FOREIGN KEY ("ring_group_id") REFERENCES "public"."extensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_state_targets" ADD CONSTRAINT "call_state_targets_schedule_id_call_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."call_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_state_targets" ADD CONSTRAINT "call_state_targets_extension_id_extensions_id_fk" FOREIGN KEY ("extension_id") REFERENCES "public"."extensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_state_targets" ADD CONSTRAINT "call_state_targets_voicemail_user_id_users_id_fk" FOREIGN KEY ("voicemail_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_schedule_closures_schedule_idx" ON "call_schedule_closures" USING btree ("schedule_id","first_day");--> statement-breakpoint
CREATE UNIQUE INDEX "call_schedule_hours_start_unique" ON "call_schedule_hours" USING btree ("schedule_id","weekday","start_minute");--> statement-breakpoint
CREATE UNIQUE INDEX "call_schedules_company_unique" ON "call_schedules" USING btree ("company_id") WHERE "call_schedules"."owner_kind" = 'company';--> statement-breakpoint
CREATE UNIQUE INDEX "call_schedules_number_unique" ON "call_schedules" USING btree ("phone_number_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_schedules_ring_group_unique" ON "call_schedules" USING btree ("ring_group_id");--> statement-breakpoint
CREATE INDEX "call_state_targets_extension_idx" ON "call_state_targets" USING btree ("extension_id");--> statement-breakpoint
CREATE INDEX "call_state_targets_voicemail_idx" ON "call_state_targets" USING btree ("voicemail_user_id");--> statement-breakpoint
ALTER TABLE "setup_progress" ADD CONSTRAINT "setup_progress_card_check" CHECK ("setup_progress"."card" in ('company','team','licences','extensions','numbers','calls','review'));--> statement-breakpoint
-- A number's override schedule belongs to the company that owns the number: when the number goes
-- back to the inventory (or to another company), its schedule goes, so a later buyer, or the same
-- company buying it again, starts from the company's hours.
CREATE FUNCTION "phone_numbers_drop_call_schedule"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "call_schedules" WHERE "phone_number_id" = NEW."id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "phone_numbers_drop_call_schedule" AFTER UPDATE OF "company_id", "status" ON "phone_numbers"
  FOR EACH ROW WHEN (OLD."company_id" IS DISTINCT FROM NEW."company_id" OR NEW."status" <> 'owned')
  EXECUTE FUNCTION "phone_numbers_drop_call_schedule"();--> statement-breakpoint
-- Every row a schedule names is its company's, of the right kind: an owner number the company
-- owns, an owner ring group that is a ring group; a target extension that is no ring group, a
-- target ring group that is one, a voicemail of one of its users. The actions check it first
-- (with a message); this keeps any other writer (a script, the SIP server's views) honest.
CREATE FUNCTION "call_schedules_owner_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."phone_number_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "phone_numbers" WHERE "id" = NEW."phone_number_id" AND "company_id" = NEW."company_id" AND "status" = 'owned'
  ) THEN
    RAISE EXCEPTION 'call schedule owner number is not owned by the company' USING ERRCODE = '23514', CONSTRAINT = 'call_schedules_owner_company_check';
  END IF;
  IF NEW."ring_group_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "extensions" WHERE "id" = NEW."ring_group_id" AND "company_id" = NEW."company_id" AND "type" = 'ring_group'
  ) THEN
    RAISE EXCEPTION 'call schedule owner is not a ring group of the company' USING ERRCODE = '23514', CONSTRAINT = 'call_schedules_owner_company_check';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "call_schedules_owner_guard" BEFORE INSERT OR UPDATE ON "call_schedules"
  FOR EACH ROW EXECUTE FUNCTION "call_schedules_owner_guard"();--> statement-breakpoint
CREATE FUNCTION "call_state_targets_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner_company uuid;
BEGIN
  SELECT "company_id" INTO owner_company FROM "call_schedules" WHERE "id" = NEW."schedule_id";
  IF NEW."extension_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "extensions" WHERE "id" = NEW."extension_id" AND "company_id" = owner_company
      AND ("type" = 'ring_group') = (NEW."kind" = 'ring_group')
  ) THEN
    RAISE EXCEPTION 'call state target is not an extension of the company' USING ERRCODE = '23514', CONSTRAINT = 'call_state_targets_company_check';
  END IF;
  IF NEW."voicemail_user_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "users" WHERE "id" = NEW."voicemail_user_id" AND "company_id" = owner_company
  ) THEN
    RAISE EXCEPTION 'call state voicemail is not a user of the company' USING ERRCODE = '23514', CONSTRAINT = 'call_state_targets_company_check';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "call_state_targets_guard" BEFORE INSERT OR UPDATE ON "call_state_targets"
  FOR EACH ROW EXECUTE FUNCTION "call_state_targets_guard"();
