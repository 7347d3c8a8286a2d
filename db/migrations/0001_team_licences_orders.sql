CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"model" text NOT NULL,
	"mac" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_mac_check" CHECK ("devices"."mac" ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$')
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_minor" integer NOT NULL,
	"reference" text,
	CONSTRAINT "order_lines_kind_check" CHECK ("order_lines"."kind" in ('office_seats','number')),
	CONSTRAINT "order_lines_quantity_check" CHECK ("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"currency" text NOT NULL,
	"total_minor" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('pending','completed'))
);
--> statement-breakpoint
CREATE TABLE "price_list" (
	"country" text NOT NULL,
	"item" text NOT NULL,
	"currency" text NOT NULL,
	"monthly_minor" integer NOT NULL,
	CONSTRAINT "price_list_country_item_pk" PRIMARY KEY("country","item"),
	CONSTRAINT "price_list_item_check" CHECK ("price_list"."item" in ('office_licence','local_number','toll_free_number')),
	CONSTRAINT "price_list_amount_check" CHECK ("price_list"."monthly_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_mac_unique" ON "devices" USING btree ("mac");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_user_unique" ON "devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "devices_company_idx" ON "devices" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_company_key_unique" ON "orders" USING btree ("company_id","idempotency_key");--> statement-breakpoint
-- Defaults from SPEC.md: Office 19.95, extra local number 9.95, toll-free 9.95, in the country's currency.
INSERT INTO "price_list" ("country", "item", "currency", "monthly_minor") VALUES
  ('FR','office_licence','EUR',1995), ('FR','local_number','EUR',995), ('FR','toll_free_number','EUR',995),
  ('BE','office_licence','EUR',1995), ('BE','local_number','EUR',995), ('BE','toll_free_number','EUR',995),
  ('US','office_licence','USD',1995), ('US','local_number','USD',995), ('US','toll_free_number','USD',995),
  ('CA','office_licence','CAD',1995), ('CA','local_number','CAD',995), ('CA','toll_free_number','CAD',995),
  ('GB','office_licence','GBP',1995), ('GB','local_number','GBP',995), ('GB','toll_free_number','GBP',995),
  ('CH','office_licence','CHF',1995), ('CH','local_number','CHF',995), ('CH','toll_free_number','CHF',995);
