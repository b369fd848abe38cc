-- Parley schema version 2 for PostgreSQL: per-15-minute, per-department rollups of the chats for the analytics report.
-- ${prefix} is the table prefix (default parley_). The store keeps each row equal to the sums over the chats it covers,
-- in the same transaction as every chat change, so a report reads rows per quarter hour instead of every chat.

CREATE TABLE ${prefix}chat_rollup (
    -- the epoch second at which the quarter hour of the chats' created_at starts (a multiple of 900)
    bucket_start        BIGINT      NOT NULL,
    department          VARCHAR(50) NOT NULL,
    total               BIGINT      NOT NULL,
    active              BIGINT      NOT NULL,
    resolved            BIGINT      NOT NULL,
    rated               BIGINT      NOT NULL,
    rating_sum          BIGINT      NOT NULL,
    rating_1            BIGINT      NOT NULL,
    rating_2            BIGINT      NOT NULL,
    rating_3            BIGINT      NOT NULL,
    rating_4            BIGINT      NOT NULL,
    rating_5            BIGINT      NOT NULL,
    responded           BIGINT      NOT NULL,
    response_time_sum   BIGINT      NOT NULL,
    timed_resolutions   BIGINT      NOT NULL,
    resolution_time_sum BIGINT      NOT NULL,
    message_sum         BIGINT      NOT NULL,
    CONSTRAINT ${prefix}chat_rollup_pk PRIMARY KEY (bucket_start, department)
);

-- the chats that exist already
INSERT INTO ${prefix}chat_rollup (bucket_start, department, total, active, resolved, rated, rating_sum,
        rating_1, rating_2, rating_3, rating_4, rating_5, responded, response_time_sum, timed_resolutions,
        resolution_time_sum, message_sum)
SELECT s - MOD(MOD(s, 900) + 900, 900), department, COUNT(*),
       SUM(CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END),
       SUM(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END),
       COUNT(rating), COALESCE(SUM(rating), 0),
       SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END),
       COUNT(response_time), COALESCE(SUM(response_time), 0),
       COUNT(resolution_time), COALESCE(SUM(resolution_time), 0),
       SUM(total_messages)
FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT) AS s, department, status, rating, response_time,
             resolution_time, total_messages
      FROM ${prefix}chat) c
GROUP BY s - MOD(MOD(s, 900) + 900, 900), department;

-- the best-rated chats of a window, without reading every chat
CREATE INDEX ${prefix}chat_rating_idx ON ${prefix}chat (rating, created_at, id) WHERE rating IS NOT NULL;
