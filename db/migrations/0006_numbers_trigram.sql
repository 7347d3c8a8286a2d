-- "Digits contained" searches; PGlite loads pg_trgm in db/driver.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "phone_numbers_national_trgm_idx" ON "phone_numbers" USING gin ("national" gin_trgm_ops);