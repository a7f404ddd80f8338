/*
 * The mail outbox as administrators see it: the messages queued, sent
 * and failed, for checking that e-mail reaches learners.
 */
#ifndef LAUREL_OUTBOX_H
#define LAUREL_OUTBOX_H

#include <stddef.h>

struct db;
struct listing;

struct outbox_row {
	long long	 id;
	long long	 user_id;	/* 0 when the user was deleted */
	char		 recipient[254 * 4 + 1];
	char		 subject[500 * 4 + 1];
	char		 kind[41];
	char		 status[8];	/* queued, sent, failed */
	int		 attempts;
	char		 last_error[1000 * 4 + 1];
	char		 created_at[27];	/* UTC */
	char		 sent_at[27];		/* UTC, "" when not sent */
};

/* The statuses in the order the filter offers them; NULL-terminated. */
extern const char *const outbox_statuses[];

/*
 * Lists one page of messages, newest first.  status filters when not ""
 * (one of outbox_statuses); the listing's search text matches the start
 * of the recipient address.  *out is freed by the caller.
 */
int	 outbox_list(struct db *, const struct listing *, const char *status,
	    struct outbox_row **out, size_t *n);

#endif
