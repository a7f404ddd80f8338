-- A course description holds up to 20,000 characters.  In utf8mb4 that is
-- up to 80,000 bytes, more than the 65,535 bytes of a TEXT column.
ALTER TABLE courses MODIFY description MEDIUMTEXT NOT NULL;
