-- Parley schema version 11: a visitor is emailed only when they asked for it (email_replies); emails to one visitor
-- address are counted in the outbox by dedup key and time; signed-out admin tokens are refused on every node until
-- they would have expired anyway.
ALTER TABLE ${prefix}chat ADD COLUMN email_replies BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX ${prefix}outbox_key_created_idx ON ${prefix}outbox (dedup_key, created_at);

CREATE TABLE ${prefix}revoked_token (
    token_id   VARCHAR(64)                 NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}revoked_token_pk PRIMARY KEY (token_id)
);

CREATE INDEX ${prefix}revoked_token_expires_idx ON ${prefix}revoked_token (expires_at);
