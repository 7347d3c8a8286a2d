CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"card" text,
	"action" text NOT NULL,
	"target" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"time_zone" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"extension_length" smallint DEFAULT 3 NOT NULL,
	"office_seats" integer DEFAULT 5 NOT NULL,
	"emergency_street" text,
	"emergency_city" text,
	"emergency_postal_code" text,
	"emergency_region" text,
	"emergency_country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_country_check" CHECK ("companies"."country" in ('FR','US','CA','GB','BE','CH')),
	CONSTRAINT "companies_locale_check" CHECK ("companies"."locale" in ('fr','en')),
	CONSTRAINT "companies_extension_length_check" CHECK ("companies"."extension_length" in (3, 4)),
	CONSTRAINT "companies_office_seats_check" CHECK ("companies"."office_seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extensions_type_check" CHECK ("extensions"."type" in ('user','ring_group','conference')),
	CONSTRAINT "extensions_user_type_check" CHECK (("extensions"."type" = 'user') = ("extensions"."user_id" is not null)),
	CONSTRAINT "extensions_number_digits_check" CHECK ("extensions"."number" ~ '^[1-9][0-9]{2,3}$')
);
--> statement-breakpoint
CREATE TABLE "setup_progress" (
	"company_id" uuid NOT NULL,
	"card" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setup_progress_company_id_card_pk" PRIMARY KEY("company_id","card"),
	CONSTRAINT "setup_progress_card_check" CHECK ("setup_progress"."card" in ('company','team','licences','extensions','numbers','review')),
	CONSTRAINT "setup_progress_status_check" CHECK ("setup_progress"."status" in ('not_started','in_progress','verified'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"role" text DEFAULT 'member' NOT NULL,
	"licence" text DEFAULT 'free' NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','member')),
	CONSTRAINT "users_licence_check" CHECK ("users"."licence" in ('free','office')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setup_progress" ADD CONSTRAINT "setup_progress_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setup_progress" ADD CONSTRAINT "setup_progress_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_company_at_idx" ON "audit_log" USING btree ("company_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "extensions_company_number_unique" ON "extensions" USING btree ("company_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "extensions_user_unique" ON "extensions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_company_idx" ON "users" USING btree ("company_id");