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

struct buf;

/* Appends "label: old -> new; " to changes when old and new differ, for
 * the details of an update. */
void	 audit_change(struct buf *changes, const char *label,
	    const char *old_value, const char *new_value);

/* Like audit_change for whole numbers. */
void	 audit_change_int(struct buf *changes, const char *label,
	    long long old_value, long long new_value);

#endif
