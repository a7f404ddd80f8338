-- The Certification Expiration Report selects the completed and expired
-- enrolments of one certification family whose expires-on date lies in
-- a range, then sorts them by columns of users and certifications.
-- This key gives the row count and the sort every column they read from
-- enrollments, so they read no table row.  With enrollments_family
-- (family_id, status) alone, they read the row of every enrolment of
-- the family.
ALTER TABLE enrollments
	ADD KEY enrollments_family_expires
	    (family_id, status, expires_on, user_id, certification_id);
