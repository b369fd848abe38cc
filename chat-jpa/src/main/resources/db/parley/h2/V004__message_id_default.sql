-- Parley schema version 4 for H2: a message's id is the column's default, so the INSERT takes the next sequence
-- value itself and answers it instead of a separate sequence call first.
ALTER TABLE ${prefix}message ALTER COLUMN id SET DEFAULT NEXT VALUE FOR ${prefix}message_seq;
