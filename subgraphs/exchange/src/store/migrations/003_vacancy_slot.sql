-- Each vacancy's slot: a small integer given at its first insert and never changed, the index of
-- its row in the exchange's column image of the store (store/columns.ts). The upsert passes a
-- known vacancy's slot back, so updates draw no numbers and the slots stay dense.

CREATE SEQUENCE vacancy_slot_seq AS integer;
ALTER TABLE vacancy ADD COLUMN slot integer;
UPDATE vacancy SET slot = nextval('vacancy_slot_seq');
ALTER TABLE vacancy ALTER COLUMN slot SET DEFAULT nextval('vacancy_slot_seq');
ALTER TABLE vacancy ALTER COLUMN slot SET NOT NULL;
ALTER SEQUENCE vacancy_slot_seq OWNED BY vacancy.slot;
CREATE UNIQUE INDEX vacancy_slot ON vacancy (slot);
