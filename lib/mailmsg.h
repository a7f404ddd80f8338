/*
 * Internet messages (RFC 5322) for the mail outbox: a plain-text UTF-8
 * message with its headers, ready for an SMTP DATA command.  Header
 * values that are not plain ASCII are written as RFC 2047 encoded words
 * and the body as quoted-printable (RFC 2045).  So every line is ASCII,
 * ends in CRLF and is at most 76 characters long.  The exception is a
 * long ASCII subject or display name, which stays under the limit of 998
 * because a subject has at most 500 characters.  Control characters, CR and LF included,
 * in a subject or display name become spaces, so no value can add a
 * header.
 */
#ifndef LAUREL_MAILMSG_H
#define LAUREL_MAILMSG_H

#include <stddef.h>

#include "clock.h"

struct buf;

#define MAILMSG_ADDRESS_MAX	254	/* bytes, RFC 5321 path limit */

struct mailmsg {
	const char	*from_name;	/* display name, may be "" */
	const char	*from_address;
	const char	*to;		/* one address */
	const char	*subject;	/* UTF-8 */
	const char	*body;		/* UTF-8, any line ends */
	const char	*message_id;	/* without the angle brackets */
	usec_t		 date;
};

/*
 * Returns 1 when s is an address Laurel can send to or from: an ASCII
 * local-part@domain of at most MAILMSG_ADDRESS_MAX bytes, with no space,
 * control character, quote, bracket or comment.  Returns 0 otherwise,
 * including for internationalised addresses, which need SMTPUTF8.
 */
int	 mailmsg_address_valid(const char *s);

/*
 * Splits a From setting, "address" or "Display Name <address>", into its
 * parts.  Returns 0, or -1 when the address is invalid or a part does not
 * fit.
 */
int	 mailmsg_parse_from(const char *s, char *name, size_t namesz,
	    char *address, size_t addresssz);

/* Appends the whole message, headers and body, to out.  Returns 0, or -1
 * when an address fails mailmsg_address_valid or memory runs out. */
int	 mailmsg_build(struct buf *out, const struct mailmsg *);

#endif
