/*
 * The mail outbox: the messages queued, sent and failed, as
 * administrators see them, and their delivery by laurel-worker.  A
 * worker claims a due message with a lease in one short transaction,
 * sends it outside any transaction and records the outcome in another,
 * so several workers on several hosts share the outbox.
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
	char		 next_attempt_at[27];	/* UTC, "" for at once */
	int		 sending;	/* a worker holds a lease on it now */
	char		 last_error[1000 * 4 + 1];
	char		 created_at[27];	/* UTC */
	char		 sent_at[27];		/* UTC, "" when not sent */
};

#define OUTBOX_ERROR_MAX	1000	/* characters of last_error */

/* A message claimed for sending. */
struct outbox_message {
	long long	 id;
	int		 attempts;	/* including this one */
	char		 recipient[254 * 4 + 1];
	char		 subject[500 * 4 + 1];
	char		*body;		/* malloc'd; outbox_message_free */
	char		 created_at[27];	/* UTC */
};

/* Results of outbox_retry besides DB_OK and the db_status values. */
#define OUTBOX_NOT_FOUND	1
#define OUTBOX_NOT_FAILED	2

/* The statuses in the order the filter offers them; NULL-terminated. */
extern const char *const outbox_statuses[];

/*
 * Lists one page of messages, newest first.  status filters when not ""
 * (one of outbox_statuses); the listing's search text matches the start
 * of the recipient address.  *out is freed by the caller.
 */
int	 outbox_list(struct db *, const struct listing *, const char *status,
	    struct outbox_row **out, size_t *n);

/*
 * Claims the message that has been due longest, for lease_seconds, as
 * owner, and counts the attempt.  A message that has used max_attempts
 * (its worker stopped during the last one, or the setting was lowered)
 * is failed instead and the next one is looked at.  Returns DB_OK with
 * *m filled, 1 when no message is due, or a db_status.
 */
int	 outbox_claim(struct db *, const char *owner, int lease_seconds,
	    int max_attempts, struct outbox_message *m);

void	 outbox_message_free(struct outbox_message *);

/* Records that message id was sent.  Returns DB_OK, 1 when the lease
 * is no longer owner's, or a db_status. */
int	 outbox_sent(struct db *, long long id, const char *owner);

/*
 * Records a failed attempt with its error (cut to OUTBOX_ERROR_MAX
 * characters).  The message is due again after retry_seconds, or fails
 * for good when permanent is set or it has used max_attempts.  Returns
 * DB_OK, 1 when the lease is no longer owner's, or a db_status.
 */
int	 outbox_attempt_failed(struct db *, long long id, const char *owner,
	    const char *error, int retry_seconds, int permanent,
	    int max_attempts);

/*
 * Queues failed message id again, due at once and with its attempts
 * counted from 0, and writes an audit row for actor_id that keeps the
 * earlier count and error.  Returns DB_OK, OUTBOX_NOT_FOUND,
 * OUTBOX_NOT_FAILED when the message is not failed, or a db_status.
 */
int	 outbox_retry(struct db *, long long id, long long actor_id,
	    long long impersonator_id);

#endif
