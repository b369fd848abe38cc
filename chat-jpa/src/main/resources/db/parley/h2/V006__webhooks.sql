-- Parley schema version 6 for h2: webhook endpoints, their deliveries (an outbox per event and endpoint) and
-- every attempt. ${prefix} is the table prefix (default parley_).

CREATE SEQUENCE ${prefix}webhook_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}webhook_endpoint (
    id                    BIGINT                      NOT NULL,
    url                   VARCHAR(2000)               NOT NULL,
    description           VARCHAR(500),
    events                VARCHAR(500)                NOT NULL,
    enabled               BOOLEAN                     NOT NULL,
    secret                VARCHAR(200)                NOT NULL,
    previous_secret       VARCHAR(200),
    previous_secret_until TIMESTAMP(6) WITH TIME ZONE,
    failing_since         TIMESTAMP(6) WITH TIME ZONE,
    disabled_reason       VARCHAR(500),
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}webhook_endpoint_pk PRIMARY KEY (id)
);

CREATE TABLE ${prefix}webhook_delivery (
    id               BIGINT                      NOT NULL,
    endpoint_id      BIGINT                      NOT NULL,
    message_id       VARCHAR(64)                 NOT NULL,
    event_type       VARCHAR(50)                 NOT NULL,
    payload          CHARACTER VARYING                        NOT NULL,
    status           VARCHAR(16)                 NOT NULL,
    attempts         INTEGER                     NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(200),
    claimed_until    TIMESTAMP(6) WITH TIME ZONE,
    last_status_code INTEGER,
    CONSTRAINT ${prefix}webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}webhook_delivery_endpoint_fk FOREIGN KEY (endpoint_id)
        REFERENCES ${prefix}webhook_endpoint (id),
    CONSTRAINT ${prefix}webhook_delivery_uk UNIQUE (endpoint_id, message_id),
    CONSTRAINT ${prefix}webhook_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
-- what a dispatcher claims next
CREATE INDEX ${prefix}webhook_delivery_due_idx ON ${prefix}webhook_delivery (status, next_attempt_at, id);

CREATE TABLE ${prefix}webhook_attempt (
    id              BIGINT                      NOT NULL,
    delivery_id     BIGINT                      NOT NULL,
    attempted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_code     INTEGER,
    duration_millis BIGINT                      NOT NULL,
    response        CHARACTER VARYING                        NOT NULL,
    CONSTRAINT ${prefix}webhook_attempt_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}webhook_attempt_delivery_fk FOREIGN KEY (delivery_id)
        REFERENCES ${prefix}webhook_delivery (id)
);
CREATE INDEX ${prefix}webhook_attempt_delivery_idx ON ${prefix}webhook_attempt (delivery_id, id);
