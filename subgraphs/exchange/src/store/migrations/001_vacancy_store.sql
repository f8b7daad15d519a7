-- The exchange's regional memory: one row per vacancy ever seen, one row per change seen,
-- one row per country's harvest. Times are timestamptz (instants); posted_month keeps the local
-- month of posting as the national system wrote it (statistics group by it).

CREATE TABLE vacancy (
  id             text PRIMARY KEY,              -- global id: ID:…, MY:…, TH:…
  country        text NOT NULL,                 -- ISO 3166-1 alpha-2
  typename       text NOT NULL,                 -- e.g. IndonesiaVacancy (for references)
  title          text NOT NULL,
  national_system text NOT NULL,                -- KBJI-2014 | MASCO-2020 | TH-DOE-ISCO88 …
  national_code  text,
  isco_code      text,                          -- ISCO-08 unit group; null when unmapped
  region_code    text,                          -- ISO 3166-2
  posted_at      timestamptz NOT NULL,
  posted_month   text NOT NULL,                 -- YYYY-MM, local month of posting
  updated_at     timestamptz NOT NULL,
  state          text NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'WITHDRAWN')),
  closed_at      timestamptz,                   -- filled or withdrawn
  valid_through  timestamptz,                   -- expiry: past it a posting is not open
  positions      integer NOT NULL CHECK (positions >= 0),
  duplicate_of   text,
  wage_min       double precision,
  wage_max       double precision,
  wage_period    text,
  currency       text NOT NULL,
  monthly_wage   double precision,              -- in currency, as the country converted it
  employment_type text,
  first_seen     timestamptz NOT NULL,
  last_seen      timestamptz NOT NULL,
  record_key     double precision NOT NULL      -- cell key method: fixed per vacancy, in [0, 1)
);

-- Statistics read by country and posting date (stock and flow), then group.
CREATE INDEX vacancy_country_posted ON vacancy (country, posted_at);
CREATE INDEX vacancy_isco ON vacancy (isco_code text_pattern_ops);
CREATE INDEX vacancy_region ON vacancy (region_code);

CREATE TABLE vacancy_change (
  seq        bigserial PRIMARY KEY,
  vacancy_id text NOT NULL,
  typename   text NOT NULL,
  country    text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('ADDED', 'UPDATED', 'CLOSED', 'WITHDRAWN')),
  at         timestamptz NOT NULL,              -- the country's updatedAt for this change
  seen_at    timestamptz NOT NULL
);
-- The change feed walks (at, seq).
CREATE INDEX vacancy_change_at ON vacancy_change (at, seq);

CREATE TABLE country_sync (
  country         text PRIMARY KEY,
  subgraph        text NOT NULL,
  state           text NOT NULL CHECK (state IN ('NEVER', 'SYNCING', 'OK', 'FAILED')),
  keyset_updated_at text,                       -- the last change harvested (exclusive keyset)
  keyset_id       text,
  as_of           timestamptz,                  -- the country's data is complete up to here
  full_sync_done  boolean NOT NULL DEFAULT false,
  last_started_at timestamptz,
  last_success_at timestamptz,
  last_error      text,
  failures        integer NOT NULL DEFAULT 0,
  last_changes    integer NOT NULL DEFAULT 0,
  records         integer NOT NULL DEFAULT 0
);
