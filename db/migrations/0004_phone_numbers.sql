CREATE TABLE "phone_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"e164" text NOT NULL,
	"country" text NOT NULL,
	"type" text NOT NULL,
	"area_code" text NOT NULL,
	"region_name" text NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"company_id" uuid,
	"held_until" timestamp with time zone,
	"extension_id" uuid,
	"is_main" boolean DEFAULT false NOT NULL,
	"order_id" uuid,
	"acquired_at" timestamp with time zone,
	CONSTRAINT "phone_numbers_type_check" CHECK ("phone_numbers"."type" in ('local','toll_free')),
	CONSTRAINT "phone_numbers_status_check" CHECK ("phone_numbers"."status" in ('available','held','owned')),
	CONSTRAINT "phone_numbers_holder_check" CHECK (("phone_numbers"."status" = 'available') = ("phone_numbers"."company_id" is null) and ("phone_numbers"."status" <> 'held' or "phone_numbers"."held_until" is not null)),
	CONSTRAINT "phone_numbers_main_owned_check" CHECK (not "phone_numbers"."is_main" or "phone_numbers"."status" = 'owned'),
	CONSTRAINT "phone_numbers_mapped_owned_check" CHECK ("phone_numbers"."extension_id" is null or "phone_numbers"."status" = 'owned')
);
--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_extension_id_extensions_id_fk" FOREIGN KEY ("extension_id") REFERENCES "public"."extensions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "phone_numbers_e164_unique" ON "phone_numbers" USING btree ("e164");--> statement-breakpoint
CREATE INDEX "phone_numbers_search_idx" ON "phone_numbers" USING btree ("country","type","area_code","status");--> statement-breakpoint
CREATE INDEX "phone_numbers_company_idx" ON "phone_numbers" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "phone_numbers_extension_idx" ON "phone_numbers" USING btree ("extension_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_numbers_one_main_unique" ON "phone_numbers" USING btree ("company_id") WHERE "phone_numbers"."is_main";