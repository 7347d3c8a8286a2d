DROP INDEX "phone_numbers_search_idx";--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "national" text GENERATED ALWAYS AS (case when left(e164, 2) = '+1' then substr(e164, 3) else '0' || substr(e164, 4) end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "phone_numbers_area_idx" ON "phone_numbers" USING btree ("country","type","area_code","e164");--> statement-breakpoint
CREATE INDEX "phone_numbers_country_idx" ON "phone_numbers" USING btree ("country","type","e164");