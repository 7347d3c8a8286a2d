CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "auth_throttle_attempts_check" CHECK ("auth_throttle"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_seen_check" CHECK ("sessions"."last_seen_at" >= "sessions"."created_at")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
-- A user whose role or password changes signs in again everywhere (lib/auth/sessions.ts): the
-- rule holds for every path that changes them (Team card, activation, scripts).
CREATE FUNCTION "users_end_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sessions" WHERE "user_id" = NEW."id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "users_end_sessions" AFTER UPDATE OF "role", "password_hash" ON "users"
  FOR EACH ROW WHEN (OLD."role" IS DISTINCT FROM NEW."role" OR OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION "users_end_sessions"();--> statement-breakpoint
-- An activation link belongs to the address it was sent to: a corrected e-mail kills the
-- outstanding ones (lib/mail/address-change.ts then queues a fresh welcome to the new address).
CREATE FUNCTION "users_expire_activation_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "activation_tokens" SET "used_at" = now() WHERE "user_id" = NEW."id" AND "used_at" IS NULL;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "users_expire_activation_links" AFTER UPDATE OF "email" ON "users"
  FOR EACH ROW WHEN (OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "users_expire_activation_links"();
