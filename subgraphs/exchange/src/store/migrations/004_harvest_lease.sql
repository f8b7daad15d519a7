-- Each country's harvest lease: exchange replicas sharing this store take turns per country, so
-- no two syncs write the same pages at once (store/lease.ts). The lease is free when lease_owner
-- is null or lease_until has passed, so a crashed holder's lease runs out by itself.

ALTER TABLE country_sync ADD COLUMN lease_owner text;
ALTER TABLE country_sync ADD COLUMN lease_until timestamptz;
