/*
 * Reading and checking form input, and the list-page controls.
 *
 * Every input_* function reads one field of the POSTed form, writes the
 * value as typed to Form.<name> (so a form shown again keeps it) and, when
 * it is invalid, writes a message to Form.Errors.<name> and counts the
 * error.  Field names are literals of the program: they become HDF names.
 * A handler reads all its fields, then saves only when input_ok() reports
 * no invalid field, so no partial write is ever made.
 */
#ifndef LAUREL_INPUT_H
#define LAUREL_INPUT_H

#include <stddef.h>

#include "listing.h"

struct ctx;

struct input {
	struct ctx	*ctx;
	int		 errors;
};

void		 input_init(struct input *, struct ctx *);

/* Returns 1 when no field was invalid. */
int		 input_ok(const struct input *);

/* Marks name invalid with a message (a full sentence). */
void		 input_error(struct input *, const char *name,
		    const char *message);

/*
 * Returns the text of name with spaces trimmed at both ends ("" when
 * absent).  Rejects an empty value when required, and more than
 * max_chars characters.  Line breaks are allowed only when multiline.
 */
const char	*input_text(struct input *, const char *name, const char *label,
		    int required, size_t max_chars, int multiline);

/*
 * Reads a whole number in [min, max].  Returns 1 and sets *out when the
 * field contains one, 0 when it is empty (an error when required), and -1
 * when it is invalid.
 */
int		 input_int(struct input *, const char *name, const char *label,
		    int required, long long min, long long max, long long *out);

/*
 * Reads a decimal with at most two places, such as "12.5", as hundredths
 * (1250), in [min, max] hundredths.  Returns like input_int.
 */
int		 input_hundredths(struct input *, const char *name,
		    const char *label, int required, long long min,
		    long long max, long long *out);

/* Returns 1 when the checkbox name was sent, else 0; sets Form.<name>. */
int		 input_checkbox(struct input *, const char *name);

/*
 * Returns the index in choices (a NULL-terminated list) of the value of
 * name; an absent value gives def, an unknown one an error and def.
 */
int		 input_choice(struct input *, const char *name, const char *label,
		    const char *const *choices, int def);

/*
 * Reads a date "YYYY-MM-DD" as a day number.  Returns like input_int;
 * impossible dates such as 2012-06-31 are invalid.
 */
int		 input_date(struct input *, const char *name, const char *label,
		    int required, int *out_day);

/*
 * Collects every value of a repeated field (checkbox lists, pickers) that
 * is a positive whole number, up to max; returns the count, or -1 with an
 * error when a value is not such a number.
 */
int		 input_ids(struct input *, const char *name, const char *label,
		    long long *out, size_t max);

/*
 * Reads the list controls from the query string: q, letter, sort, dir
 * and page.  sort_keys is a NULL-terminated list of the sort names the
 * page offers; the first is the default.
 */
void		 list_read(struct ctx *, const char *const *sort_keys,
		    struct listing *);

/*
 * Writes the list controls to List.*: List.q, List.letter, List.sort,
 * List.dir, List.page, List.HasPrev, List.HasNext, List.First/Last (row
 * numbers shown), List.Letters.N.L (A to Z), and the query strings the
 * template appends to its links, each starting with "&": List.Params
 * (search, letter and filters) and List.SearchParams (without the
 * letter).  extra is an already encoded "&name=value" list of the
 * page's own filters, or "".
 */
void		 list_view(struct ctx *, const struct listing *,
		    const char *const *sort_keys, int has_next, size_t shown,
		    const char *extra);

/* Appends "&name=value" to a buffer-backed query string, percent-encoding
 * the value; used to build the extra argument of list_view. */
struct buf;
void		 query_append(struct buf *, const char *name,
		    const char *value);

#endif
