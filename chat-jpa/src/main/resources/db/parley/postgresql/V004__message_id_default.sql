-- Parley schema version 4 for PostgreSQL: a message's id is the column's default, so the INSERT takes the next
-- sequence value itself and answers it (INSERT … RETURNING id) instead of a separate nextval round trip first.
-- The sequence still hands out one value per call, so ids follow insertion order within a chat.
ALTER TABLE ${prefix}message ALTER COLUMN id SET DEFAULT nextval('${prefix}message_seq');
