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
struct listing;

struct audit_row {
	long long	 id;
	char		 at[27];
	long long	 actor_id;
	char		 actor_login[401];
	long long	 impersonator_id;
	char		 impersonator_login[401];
	char		 action[65];
	char		 target_type[33];
	long long	 target_id;
	char		 details[2001];
};

/*
 * Lists one page of the audit log, newest first.  action filters by
 * action name when not "", target_type/target_id by target when set.
 * *out is freed by the caller.
 */
int	 audit_list(struct db *, const struct listing *, const char *action,
	    const char *target_type, long long target_id,
	    struct audit_row **out, size_t *n);

/* Appends "label: old -> new; " to changes when old and new differ, for
 * the details of an update. */
void	 audit_change(struct buf *changes, const char *label,
	    const char *old_value, const char *new_value);

/* Like audit_change for whole numbers. */
void	 audit_change_int(struct buf *changes, const char *label,
	    long long old_value, long long new_value);

#endif
