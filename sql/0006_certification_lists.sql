-- The list of certifications shows the newest version of each family.
-- is_newest is 1 on the highest version of its family: a new row gets 1,
-- and cert_new_version (lib/certification.c) sets it to 0 on the older
-- version in the transaction that inserts the newer one.  The two list
-- indexes contain every column the list filters on, after the sort key and
-- the id that breaks ties, so a page of ids is read from an index alone.
ALTER TABLE certifications
	ADD COLUMN is_newest TINYINT(1) NOT NULL DEFAULT 1 AFTER version,
	ADD KEY certifications_list_name (is_newest, name, id, catalog_id,
	    availability, active, family_id),
	ADD KEY certifications_list_updated (is_newest, updated_at, id,
	    catalog_id, availability, active, family_id, name);

-- A row that every save of certification prerequisites updates first, in
-- the same transaction.  Concurrent saves therefore conflict (a lock wait
-- on one server, a certification failure and a re-run on a Galera
-- cluster), so the cycle check of the later one reads the earlier one's
-- prerequisites.  The row is created by the first save.
CREATE TABLE certification_prerequisite_saves (
	id		TINYINT UNSIGNED NOT NULL,
	saves		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
