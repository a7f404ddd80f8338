#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "mailmsg.h"
#include "str.h"

/* RFC 2047: an encoded word is at most 75 characters.  "=?UTF-8?B?" and
 * "?=" take 12, which leaves 60 base64 characters for 45 bytes. */
#define WORD_BYTES	45

/* RFC 2045: a quoted-printable line is at most 76 characters; RFC 2047
 * sets the same limit for a header line with encoded words. */
#define QP_LINE		76
#define HEADER_LINE	76

static int
is_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static int
domain_valid(const char *d)
{
	size_t	 label = 0;

	if (*d == '\0' || *d == '.' || *d == '-')
		return 0;
	for (; *d != '\0'; d++) {
		if (*d == '.') {
			if (label == 0 || d[-1] == '-')
				return 0;
			label = 0;
		} else if ((*d >= 'a' && *d <= 'z') ||
		    (*d >= 'A' && *d <= 'Z') || (*d >= '0' && *d <= '9') ||
		    *d == '-') {
			if (++label > 63)
				return 0;
		} else
			return 0;
	}
	return label > 0 && d[-1] != '-';
}

int
mailmsg_address_valid(const char *s)
{
	const char	*at = strrchr(s, '@');
	const char	*p;

	if (at == NULL || at == s || strlen(s) > MAILMSG_ADDRESS_MAX ||
	    at - s > 64)
		return 0;
	if (s[0] == '.' || at[-1] == '.')
		return 0;
	for (p = s; p < at; p++) {
		if (*p == '.' && p[1] == '.')
			return 0;
		if (*p != '.' && !is_atext((unsigned char)*p))
			return 0;
	}
	return domain_valid(at + 1);
}

int
mailmsg_parse_from(const char *s, char *name, size_t namesz, char *address,
    size_t addresssz)
{
	const char	*lt = strrchr(s, '<');
	size_t		 len;

	name[0] = '\0';
	if (lt == NULL) {
		if (str_copy(address, s, addresssz) >= addresssz)
			return -1;
		return mailmsg_address_valid(address) ? 0 : -1;
	}
	len = strlen(lt + 1);
	if (len < 2 || lt[len] != '>' || len > addresssz)
		return -1;
	memcpy(address, lt + 1, len - 1);
	address[len - 1] = '\0';
	if (!mailmsg_address_valid(address))
		return -1;

	/* The display name is the text before "<", without the spaces
	 * around it. */
	while (*s == ' ')
		s++;
	len = (size_t)(lt - s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len >= namesz)
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	return 0;
}

/* Returns 1 when s can be written into a header as it is: printable
 * ASCII that no reader takes for an encoded word. */
static int
plain_ascii(const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return 0;
	return strstr(s, "=?") == NULL;
}

/* Appends s with each control character, CR and LF included, replaced by
 * a space. */
static int
put_header_text(struct buf *out, const char *s)
{
	const unsigned char	*p;
	char			 c;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		c = (*p < 0x20 || *p == 0x7f) ? ' ' : (char)*p;
		if (buf_append(out, &c, 1) == -1)
			return -1;
	}
	return 0;
}

/* Returns the length of the longest prefix of s[0..len) of at most max
 * bytes that ends on a UTF-8 character boundary. */
static size_t
utf8_prefix(const unsigned char *s, size_t len, size_t max)
{
	size_t	 n;

	if (len <= max)
		return len;
	n = max;
	while (n > 0 && (s[n] & 0xc0) == 0x80)
		n--;
	return n > 0 ? n : max;
}

/*
 * Appends clean text s as RFC 2047 "B" encoded words, starting at column
 * *col and folding onto continuation lines between words, so no line
 * passes 76 characters.  *col receives the column after the last word.
 */
static int
put_encoded_words(struct buf *out, const char *s, size_t *col)
{
	char		 b64[sodium_base64_ENCODED_LEN(WORD_BYTES,
			    sodium_base64_VARIANT_ORIGINAL)];
	size_t		 len = strlen(s), off = 0, n, max;

	while (off < len) {
		/* Each 3 bytes take 4 base64 characters, and the word's
		 * frame takes 12. */
		max = *col + 12 + 4 < HEADER_LINE ?
		    (HEADER_LINE - *col - 12) / 4 * 3 : 0;
		if (max == 0 || (off > 0 && max < WORD_BYTES)) {
			if (buf_puts(out, "\r\n ") == -1)
				return -1;
			*col = 1;
			continue;
		}
		if (max > WORD_BYTES)
			max = WORD_BYTES;
		n = utf8_prefix((const unsigned char *)s + off, len - off,
		    max);
		sodium_bin2base64(b64, sizeof(b64),
		    (const unsigned char *)s + off, n,
		    sodium_base64_VARIANT_ORIGINAL);
		if (buf_printf(out, "=?UTF-8?B?%s?=", b64) == -1)
			return -1;
		*col += 12 + strlen(b64);
		off += n;
	}
	return 0;
}

/* Appends s as it is when it is plain ASCII, else as encoded words.
 * Control characters become spaces first. */
static int
put_header_value(struct buf *out, const char *s, size_t *col)
{
	struct buf	 clean = { 0 };
	int		 rc;

	if (put_header_text(&clean, s) == -1)
		return -1;
	if (clean.len == 0)
		rc = 0;
	else if (plain_ascii(clean.data)) {
		rc = buf_puts(out, clean.data);
		*col += clean.len;
	} else
		rc = put_encoded_words(out, clean.data, col);
	buf_free(&clean);
	return rc;
}

static int
put_subject(struct buf *out, const char *subject)
{
	size_t	 col = 9;

	if (buf_puts(out, "Subject: ") == -1 ||
	    put_header_value(out, subject, &col) == -1)
		return -1;
	return buf_puts(out, "\r\n");
}

/* Appends an address with its display name, as a quoted string when the
 * name is ASCII and as encoded words when it is not. */
static int
put_mailbox(struct buf *out, const char *name, const char *address)
{
	struct buf	 clean = { 0 };
	const char	*p;
	size_t		 col = 6;
	int		 rc = 0;

	if (put_header_text(&clean, name) == -1)
		return -1;
	if (clean.len == 0)
		rc = buf_puts(out, address);
	else if (plain_ascii(clean.data)) {
		rc = buf_puts(out, "\"");
		for (p = clean.data; rc == 0 && *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				rc = buf_puts(out, "\\");
			if (rc == 0)
				rc = buf_append(out, p, 1);
		}
		if (rc == 0)
			rc = buf_printf(out, "\" <%s>", address);
	} else if ((rc = put_encoded_words(out, clean.data, &col)) == 0) {
		if (col + 3 + strlen(address) > HEADER_LINE)
			rc = buf_printf(out, "\r\n <%s>", address);
		else
			rc = buf_printf(out, " <%s>", address);
	}
	buf_free(&clean);
	return rc;
}

/* Appends "Date: " with t in the RFC 5322 form, in UTC. */
static int
put_date(struct buf *out, usec_t t)
{
	static const char *const days[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec"
	};
	time_t		 secs = (time_t)(t / USEC_PER_SEC);
	struct tm	 tm;

	if (gmtime_r(&secs, &tm) == NULL)
		return -1;
	return buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Appends one quoted-printable character, with a soft line break first
 * when it would not fit on the current line. */
static int
qp_put(struct buf *out, size_t *col, const char *text, size_t len)
{
	if (*col + len > QP_LINE - 1) {
		if (buf_puts(out, "=\r\n") == -1)
			return -1;
		*col = 0;
	}
	*col += len;
	return buf_append(out, text, len);
}

/*
 * Appends body as quoted-printable text with CRLF line ends.  A space or
 * tab at the end of a line is encoded, since transports may drop it.
 * Lines that start with "." go out as they are: libcurl doubles the dot
 * on the wire (SMTP dot-stuffing) and the server removes it again.
 */
static int
put_body_qp(struct buf *out, const char *body)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p = (const unsigned char *)body;
	char			 enc[3];
	size_t			 col = 0;
	int			 eol, rc;

	for (; *p != '\0'; p++) {
		if (*p == '\r' || *p == '\n') {
			if (*p == '\r' && p[1] == '\n')
				p++;
			if (buf_puts(out, "\r\n") == -1)
				return -1;
			col = 0;
			continue;
		}
		eol = p[1] == '\0' || p[1] == '\r' || p[1] == '\n';
		if ((*p >= 33 && *p <= 126 && *p != '=') ||
		    ((*p == ' ' || *p == '\t') && !eol))
			rc = qp_put(out, &col, (const char *)p, 1);
		else {
			enc[0] = '=';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			rc = qp_put(out, &col, enc, 3);
		}
		if (rc == -1)
			return -1;
	}
	return col > 0 ? buf_puts(out, "\r\n") : 0;
}

int
mailmsg_build(struct buf *out, const struct mailmsg *m)
{
	if (!mailmsg_address_valid(m->to) ||
	    !mailmsg_address_valid(m->from_address))
		return -1;
	if (put_date(out, m->date) == -1)
		return -1;
	if (buf_puts(out, "From: ") == -1 ||
	    put_mailbox(out, m->from_name, m->from_address) == -1 ||
	    buf_printf(out, "\r\nTo: %s\r\n", m->to) == -1)
		return -1;
	if (put_subject(out, m->subject) == -1)
		return -1;
	if (buf_printf(out, "Message-ID: <%s>\r\n", m->message_id) == -1)
		return -1;
	/* RFC 3834: automatic replies are not sent to this message. */
	if (buf_puts(out, "Auto-Submitted: auto-generated\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n") == -1)
		return -1;
	return put_body_qp(out, m->body);
}
