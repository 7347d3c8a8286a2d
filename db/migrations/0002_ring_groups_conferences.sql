CREATE TABLE "ring_group_members" (
	"ring_group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"ring_seconds" integer DEFAULT 20 NOT NULL,
	CONSTRAINT "ring_group_members_ring_group_id_user_id_pk" PRIMARY KEY("ring_group_id","user_id"),
	CONSTRAINT "ring_group_members_ring_seconds_check" CHECK ("ring_group_members"."ring_seconds" between 5 and 300)
);
--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "strategy" text;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "no_answer_kind" text;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "no_answer_user_id" uuid;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "no_answer_extension_id" uuid;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "host_pin_hash" text;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "participant_pin_hash" text;--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "max_participants" integer;--> statement-breakpoint
ALTER TABLE "ring_group_members" ADD CONSTRAINT "ring_group_members_ring_group_id_extensions_id_fk" FOREIGN KEY ("ring_group_id") REFERENCES "public"."extensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ring_group_members" ADD CONSTRAINT "ring_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ring_group_members_user_idx" ON "ring_group_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_no_answer_user_id_users_id_fk" FOREIGN KEY ("no_answer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_no_answer_extension_id_extensions_id_fk" FOREIGN KEY ("no_answer_extension_id") REFERENCES "public"."extensions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_strategy_check" CHECK ("extensions"."strategy" is null or "extensions"."strategy" in ('simultaneous','sequential','round_robin'));--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_no_answer_kind_check" CHECK ("extensions"."no_answer_kind" is null or "extensions"."no_answer_kind" in ('voicemail','extension'));--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_no_answer_self_check" CHECK ("extensions"."no_answer_extension_id" is null or "extensions"."no_answer_extension_id" <> "extensions"."id");--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_max_participants_check" CHECK ("extensions"."max_participants" is null or "extensions"."max_participants" between 2 and 100);