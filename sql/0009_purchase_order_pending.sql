-- At most one purchase order per learner and certification family waits
-- for a decision.  pending_request is 1 on a pending row and NULL on a
-- decided one.  A UNIQUE key admits any number of NULLs, so the key
-- covers exactly the pending rows.  A second submission while one waits
-- therefore fails with a duplicate key, on one server and on a Galera
-- cluster alike.
ALTER TABLE purchase_orders
	ADD COLUMN pending_request TINYINT(1)
	    AS (IF(status = 'pending', 1, NULL)) PERSISTENT,
	ADD UNIQUE KEY purchase_orders_pending
	    (user_id, family_id, pending_request);
