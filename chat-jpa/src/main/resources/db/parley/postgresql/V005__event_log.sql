-- Parley schema version 5 for PostgreSQL (13 or later): the event log. Every live event is written here in the
-- transaction of the change that caused it. Its id is the writing transaction's id (pg_current_xact_id(), taken
-- before the row) times 65,536 plus its place in that transaction, so that a reader asking for the ids below
-- pg_snapshot_xmin(pg_current_snapshot()) * 65,536 reads only rows of finished transactions and no row committed
-- later can ever have a smaller id than one it has read.
CREATE TABLE ${prefix}chat_event (
    id         BIGINT                      NOT NULL,
    xact_id    XID8                        NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    chat_id    BIGINT                      NOT NULL,
    payload    TEXT                        NOT NULL,
    CONSTRAINT ${prefix}chat_event_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}chat_event_id_ck CHECK ((id >> 16) = CAST(CAST(xact_id AS TEXT) AS BIGINT))
);
