-- Parley schema version 10: internal notes. A message of type NOTE is written by an admin and only admins see it.
ALTER TABLE ${prefix}message DROP CONSTRAINT ${prefix}message_type_ck;
ALTER TABLE ${prefix}message ADD CONSTRAINT ${prefix}message_type_ck
    CHECK (message_type IN ('TEXT', 'IMAGE', 'FILE', 'NOTE'));
