/*
 * The content of a course that learners open: plain text in which web
 * addresses become links when shown, and an optional PDF document.  Also
 * the learner's side of it: the registration a course page needs, the
 * record of the first opening, and "Mark as complete" for courses
 * without an assessment.
 */
#ifndef LAUREL_CONTENT_H
#define LAUREL_CONTENT_H

#include <stddef.h>

struct config;
struct db;
struct stored_file;

#define CONTENT_TEXT_MAX	50000	/* characters */

struct course_content {
	long long	 course_id;
	char		 body[CONTENT_TEXT_MAX * 4 + 1];
	long long	 document_id;		/* files.id, 0 when none */
	char		 document_name[256 * 4];	/* as uploaded */
	long long	 document_bytes;
};

/* Loads a course's content; a course whose content was never saved gets
 * an empty one.  Returns DB_OK or a db_status. */
int	 content_get(struct db *, long long course_id, struct course_content *);

/*
 * Saves c->body and the document in one transaction with its audit row:
 * document (copied by file_store_copy, or NULL) replaces the current one,
 * and remove_document drops it.  A replaced or dropped document's row is
 * deleted too; its storage name is written to old_storage (or "" when
 * none) for file_remove_copy after COMMIT.  Returns 1 when the course
 * does not exist.
 */
int	 content_save(struct db *, struct course_content *c,
	    struct stored_file *document, int remove_document,
	    long long actor_id, long long impersonator_id, char *old_storage,
	    size_t old_storage_size);

/*
 * Returns 1 when user_id has a live (not cancelled) registration in the
 * course whose content is the document file_id, 0 when not, or a
 * negative db_status.
 */
int	 content_document_readable(struct db *, long long file_id,
	    long long user_id);

/* A learner's registration in a course, with what the course page shows
 * of the course. */
struct course_progress {
	long long	 course_id;
	char		 code[50 * 4 + 1];
	char		 name[200 * 4 + 1];
	int		 online;		/* kind 'online', not 'ilt' */
	int		 passing_score;		/* percent */
	char		 status[16];	/* registered, in_progress, ... */
	int		 has_score;
	long long	 score_hundredths;
	char		 completed_on[11];	/* "" when not completed */
	int		 opened;		/* content opened at least once */
};

/*
 * Loads the user's registration in the course.  Returns DB_OK, 1 when the
 * user has none or it is cancelled, or a db_status.
 */
int	 content_progress(struct db *, long long user_id, long long course_id,
	    struct course_progress *);

/*
 * Records the user's first opening of the course's content and, when the
 * registration is still "registered", marks it in progress through
 * completion_record_in_txn, in one transaction.  Later openings change
 * nothing.  Returns DB_OK or a db_status.
 */
int	 content_open(struct db *, const struct config *, long long user_id,
	    long long course_id, long long impersonator_id);

/* Results of content_complete besides DB_OK and the db_status values. */
enum content_complete_refusal {
	CONTENT_NOT_REGISTERED = 1,
	CONTENT_NOT_OPENED,
	CONTENT_HAS_ASSESSMENT,
	CONTENT_NOT_ONLINE,		/* instructor-led: an admin records it */
	CONTENT_ALREADY_COMPLETED
};

/*
 * Records the course as completed by the learner ("Mark as complete"),
 * through completion_record_in_txn: allowed only for a live registration
 * in an online course without assessment questions, once the content was
 * opened.  Returns DB_OK, an enum content_complete_refusal, or a
 * db_status.
 */
int	 content_complete(struct db *, const struct config *, long long user_id,
	    long long course_id, long long impersonator_id);

/* Kinds of the parts content_split cuts a text into. */
enum content_part_kind {
	CONTENT_TEXT,
	CONTENT_LINK,		/* an http or https address */
	CONTENT_LINE_BREAK,
	CONTENT_PARAGRAPH	/* a blank line: ends one paragraph */
};

struct content_part {
	enum content_part_kind	 kind;
	size_t			 start, len;	/* bytes of the text */
};

/*
 * Cuts text into runs of plain text, web addresses, line breaks and
 * paragraph ends, for a page to show with links and no HTML from the
 * text.  An address starts with "http://" or "https://" (any case) after
 * a character that is not a letter or digit, and runs to the next space,
 * control character, '<', '>' or '"'; trailing full stops, commas and
 * similar punctuation, and a ')' or ']' without its opening bracket in
 * the address, stay text.  Runs of line breaks with only spaces between
 * them count as one paragraph end.  *out (freed by the caller) receives
 * the parts; returns 0, or -1 when memory runs out.
 */
int	 content_split(const char *text, struct content_part **out, size_t *n);

#endif
