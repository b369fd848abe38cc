-- Parley schema version 5 for H2: the event log. Every live event is written here in the transaction of the
-- change that caused it. Ids come from the one counter row, whose row lock the writing transaction holds until it
-- ends: ids are handed out in commit order and without gaps, so a reader can simply read the ids above the last
-- one it saw. (H2 serves one node. The cost is that transactions writing events follow one another.)
CREATE TABLE ${prefix}chat_event (
    id         BIGINT                      NOT NULL,
    xact_id    BIGINT                      NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    chat_id    BIGINT                      NOT NULL,
    payload    CHARACTER VARYING(1000000)  NOT NULL,
    CONSTRAINT ${prefix}chat_event_pk PRIMARY KEY (id)
);

CREATE TABLE ${prefix}chat_event_counter (
    id      INTEGER NOT NULL,
    last_id BIGINT  NOT NULL,
    CONSTRAINT ${prefix}chat_event_counter_pk PRIMARY KEY (id)
);

INSERT INTO ${prefix}chat_event_counter (id, last_id) VALUES (1, 0);
