-- Parley schema version 9: automatic assignment. A department's mode is MANUAL, ROUND_ROBIN or LEAST_BUSY; an
-- admin's row holds their own capacity (null: the default) and when they were last assigned a chat. A drain locks
-- the department row, then the rows of the admins it may choose, in id order.
ALTER TABLE ${prefix}department ADD COLUMN assignment_mode VARCHAR(16) DEFAULT 'MANUAL' NOT NULL;
ALTER TABLE ${prefix}department ADD CONSTRAINT ${prefix}department_assignment_mode_ck
    CHECK (assignment_mode IN ('MANUAL', 'ROUND_ROBIN', 'LEAST_BUSY'));
CREATE TABLE ${prefix}agent (
    admin_id         VARCHAR(200)                NOT NULL,
    capacity         INTEGER,
    last_assigned_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ${prefix}agent_pk PRIMARY KEY (admin_id),
    CONSTRAINT ${prefix}agent_capacity_ck CHECK (capacity IS NULL OR capacity >= 0)
);
-- the queue: a department's chats by assignee and arrival (H2 has no partial index)
CREATE INDEX ${prefix}chat_queue_idx ON ${prefix}chat (department, assigned_to, created_at, id);
