-- Parley schema version 1 for H2: chats, messages, departments, knowledge base, presence, outbox, files.
-- ${prefix} is the table prefix (default parley_). Keys come from sequences so that JDBC batching works.

CREATE SEQUENCE ${prefix}chat_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}chat (
    id                        BIGINT                      NOT NULL,
    session_id                VARCHAR(64)                 NOT NULL,
    visitor_name              VARCHAR(100)                NOT NULL,
    visitor_email             VARCHAR(254),
    visitor_phone             VARCHAR(30),
    department                VARCHAR(50)                 NOT NULL,
    assigned_to               VARCHAR(200),
    status                    VARCHAR(16)                 NOT NULL,
    created_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_response_at         TIMESTAMP(6) WITH TIME ZONE,
    resolved_at               TIMESTAMP(6) WITH TIME ZONE,
    response_time             BIGINT,
    resolution_time           BIGINT,
    rating                    INTEGER,
    rating_comment            VARCHAR(1000),
    offline_message           BOOLEAN                     NOT NULL,
    offline_notification_sent BOOLEAN                     NOT NULL,
    email_notification_sent   BOOLEAN                     NOT NULL,
    total_messages            BIGINT                      NOT NULL,
    visitor_messages          BIGINT                      NOT NULL,
    admin_messages            BIGINT                      NOT NULL,
    response_count            BIGINT                      NOT NULL,
    total_response_time       BIGINT                      NOT NULL,
    longest_response_time     BIGINT,
    shortest_response_time    BIGINT,
    awaiting_reply_since      TIMESTAMP(6) WITH TIME ZONE,
    first_message_at          TIMESTAMP(6) WITH TIME ZONE,
    last_message_at           TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ${prefix}chat_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}chat_session_uk UNIQUE (session_id),
    CONSTRAINT ${prefix}chat_status_ck CHECK (status IN ('ACTIVE', 'WAITING', 'RESOLVED', 'CLOSED')),
    CONSTRAINT ${prefix}chat_rating_ck CHECK (rating BETWEEN 1 AND 5)
);
-- analytics windows
CREATE INDEX ${prefix}chat_created_idx ON ${prefix}chat (created_at);
-- the admin listing, newest change first
CREATE INDEX ${prefix}chat_updated_idx ON ${prefix}chat (updated_at DESC, id DESC);
-- waiting chats of a department
CREATE INDEX ${prefix}chat_status_idx ON ${prefix}chat (status, department, created_at);
CREATE INDEX ${prefix}chat_department_idx ON ${prefix}chat (department);
CREATE INDEX ${prefix}chat_assigned_idx ON ${prefix}chat (assigned_to);

-- One value per call: messages of a chat are inserted under the chat's row lock, so ids follow insertion order.
CREATE SEQUENCE ${prefix}message_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ${prefix}message (
    id           BIGINT                      NOT NULL,
    chat_id      BIGINT                      NOT NULL,
    sender       VARCHAR(16)                 NOT NULL,
    sender_id    VARCHAR(200),
    message      CHARACTER VARYING           NOT NULL,
    message_type VARCHAR(16)                 NOT NULL,
    file_url     VARCHAR(2048),
    file_name    VARCHAR(255),
    file_size    BIGINT,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ${prefix}message_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}message_chat_fk FOREIGN KEY (chat_id) REFERENCES ${prefix}chat (id) ON DELETE CASCADE,
    CONSTRAINT ${prefix}message_sender_ck CHECK (sender IN ('VISITOR', 'ADMIN', 'SYSTEM')),
    CONSTRAINT ${prefix}message_type_ck CHECK (message_type IN ('TEXT', 'IMAGE', 'FILE'))
);
-- a chat's messages in order, and its latest message (listing without N+1)
CREATE INDEX ${prefix}message_chat_idx ON ${prefix}message (chat_id, id);

CREATE SEQUENCE ${prefix}department_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}department (
    id          BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    slug        VARCHAR(50)  NOT NULL,
    description VARCHAR(500),
    email       VARCHAR(254),
    active      BOOLEAN      NOT NULL,
    sort_order  INTEGER      NOT NULL,
    -- names are unique ignoring case (H2 has no index on expressions)
    name_key    VARCHAR(100) GENERATED ALWAYS AS (LOWER(name)),
    CONSTRAINT ${prefix}department_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}department_slug_uk UNIQUE (slug),
    CONSTRAINT ${prefix}department_name_uk UNIQUE (name_key)
);

CREATE SEQUENCE ${prefix}kb_article_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}kb_article (
    id            BIGINT                      NOT NULL,
    title         VARCHAR(200)                NOT NULL,
    slug          VARCHAR(50)                 NOT NULL,
    content       CHARACTER VARYING           NOT NULL,
    category      VARCHAR(100),
    keywords      VARCHAR(500),
    published     BOOLEAN                     NOT NULL,
    sort_order    INTEGER                     NOT NULL,
    view_count    BIGINT                      NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}kb_article_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}kb_article_slug_uk UNIQUE (slug)
);
CREATE INDEX ${prefix}kb_article_published_idx ON ${prefix}kb_article (published, sort_order, id);

CREATE TABLE ${prefix}presence (
    user_id      VARCHAR(200)                NOT NULL,
    online       BOOLEAN                     NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    socket_id    VARCHAR(200),
    department   VARCHAR(50),
    CONSTRAINT ${prefix}presence_pk PRIMARY KEY (user_id)
);
CREATE INDEX ${prefix}presence_seen_idx ON ${prefix}presence (online, last_seen_at);

CREATE SEQUENCE ${prefix}outbox_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}outbox (
    id              BIGINT                      NOT NULL,
    kind            VARCHAR(50)                 NOT NULL,
    dedup_key       VARCHAR(200),
    payload         CHARACTER VARYING           NOT NULL,
    status          VARCHAR(16)                 NOT NULL,
    attempts        INTEGER                     NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(200),
    claimed_until   TIMESTAMP(6) WITH TIME ZONE,
    last_error      CHARACTER VARYING,
    CONSTRAINT ${prefix}outbox_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}outbox_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
-- what a dispatcher claims next
CREATE INDEX ${prefix}outbox_due_idx ON ${prefix}outbox (status, next_attempt_at, id);
-- the open offline batch of a chat
CREATE INDEX ${prefix}outbox_dedup_idx ON ${prefix}outbox (dedup_key);
-- counts and lists per status
CREATE INDEX ${prefix}outbox_status_idx ON ${prefix}outbox (status, id);

CREATE SEQUENCE ${prefix}uploaded_file_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ${prefix}uploaded_file (
    id         BIGINT                      NOT NULL,
    chat_id    BIGINT                      NOT NULL,
    url        VARCHAR(2048)               NOT NULL,
    public_id  VARCHAR(500)                NOT NULL,
    file_name  VARCHAR(255)                NOT NULL,
    file_size  BIGINT                      NOT NULL,
    file_type  VARCHAR(100)                NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}uploaded_file_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}uploaded_file_chat_fk FOREIGN KEY (chat_id) REFERENCES ${prefix}chat (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}uploaded_file_chat_idx ON ${prefix}uploaded_file (chat_id, url);
