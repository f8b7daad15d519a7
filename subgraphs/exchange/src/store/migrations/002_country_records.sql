-- Each country's vacancy count is kept in country_sync.records (raised as pages are written),
-- so every statistics question reads its sources' totals without counting the whole store.
-- Stores made before this migration get their count once, here.

UPDATE country_sync SET records = (SELECT count(*) FROM vacancy v WHERE v.country = country_sync.country);
