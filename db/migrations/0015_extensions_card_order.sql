-- Issue 15: the Extensions card lists 25 extensions a page in number order (shortest first); with
-- this index a page without a search is read off it instead of sorting the whole company.
CREATE INDEX "extensions_company_order_idx" ON "extensions" USING btree ("company_id",length("number"),"number","id");