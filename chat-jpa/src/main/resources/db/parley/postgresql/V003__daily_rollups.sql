-- Parley schema version 3 for PostgreSQL: daily rollups of the chats in the report zone, next to the quarter hours.
-- ${prefix} is the table prefix (default parley_). The rollup table gets a granularity in its key: the rows of V002
-- (granularity 0, one per quarter hour and department) serve a report in any zone; rows of granularity 1 (one per
-- local date of the report zone, department and stripe) serve the report in that zone with as many rows as it has
-- days, however many chats there are. The store keeps both exact in the transaction of every chat change.

-- 0: bucket_start is the epoch second at which a quarter hour starts; 1: bucket_start is a local date of the report
-- zone as days since 1970-01-01
ALTER TABLE ${prefix}chat_rollup ADD COLUMN granularity SMALLINT NOT NULL DEFAULT 0;
-- the chat id modulo 8 for daily rows, so that messages in one day's chats do not all wait on one row's lock; 0 for
-- quarter hours
ALTER TABLE ${prefix}chat_rollup ADD COLUMN stripe SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ${prefix}chat_rollup DROP CONSTRAINT ${prefix}chat_rollup_pk;
ALTER TABLE ${prefix}chat_rollup ADD CONSTRAINT ${prefix}chat_rollup_pk
    PRIMARY KEY (granularity, bucket_start, department, stripe);

-- The zone (and a fingerprint of its time-zone rules) the daily rows were cut in. The zone is the store's setting,
-- known only at run time: the store builds the daily rows from the chat table at start-up when this row does not name
-- its zone, as after this migration, and rebuilds them when the zone or its rules changed.
CREATE TABLE ${prefix}chat_rollup_zone (
    id       INTEGER                  NOT NULL,
    zone     VARCHAR(100),
    rules    VARCHAR(16),
    built_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ${prefix}chat_rollup_zone_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}chat_rollup_zone_one_ck CHECK (id = 1)
);

INSERT INTO ${prefix}chat_rollup_zone (id, zone, rules, built_at) VALUES (1, NULL, NULL, NULL);
