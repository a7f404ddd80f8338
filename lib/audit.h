/* The audit log: who changed what, and when. */
#ifndef LAUREL_AUDIT_H
#define LAUREL_AUDIT_H

struct db;

/*
 * Appends a row; runs in the caller's transaction, so the row exists
 * exactly when the change it records does.  actor_id and impersonator_id
 * are 0 when there is none; details is free text (may be "").
 */
int	 audit_record(struct db *, long long actor_id,
	    long long impersonator_id, const char *action,
	    const char *target_type, long long target_id,
	    const char *details);

#endif
