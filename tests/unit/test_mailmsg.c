/* Internet messages for the mail outbox: addresses, headers and body. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "clock.h"
#include "conf.h"
#include "mailmsg.h"
#include "str.h"
#include "tap.h"

static void
test_addresses(void)
{
	char	 local[80];

	ok(mailmsg_address_valid("ann@example.org"), "plain address valid");
	ok(mailmsg_address_valid("a.b+tag@mail.example.org"),
	    "dots and plus valid");
	ok(mailmsg_address_valid("root@localhost"), "one-label domain valid");
	ok(!mailmsg_address_valid("ann@example.org\r\nBcc: x@example.org"),
	    "CR LF rejected");
	ok(!mailmsg_address_valid("ann smith@example.org"), "space rejected");
	ok(!mailmsg_address_valid("<ann@example.org>"), "brackets rejected");
	ok(!mailmsg_address_valid("ann@example.org>"), "bracket rejected");
	ok(!mailmsg_address_valid("jürgen@example.org"),
	    "non-ASCII local part rejected");
	ok(!mailmsg_address_valid("a..b@example.org"), "double dot rejected");
	ok(!mailmsg_address_valid("ann@-example.org"), "leading hyphen rejected");
	ok(!mailmsg_address_valid("ann@"), "empty domain rejected");
	ok(!mailmsg_address_valid("@example.org"), "empty local part rejected");
	memset(local, 'a', 65);
	strcpy(local + 65, "@example.org");
	ok(!mailmsg_address_valid(local), "65-byte local part rejected");
}

static void
test_from(void)
{
	char	 name[100], address[300];

	ok(mailmsg_parse_from("Laurel Academy <laurel@example.org>", name,
	    sizeof(name), address, sizeof(address)) == 0, "name and address");
	is_str(name, "Laurel Academy", "display name split off");
	is_str(address, "laurel@example.org", "address split off");
	ok(mailmsg_parse_from("laurel@example.org", name, sizeof(name),
	    address, sizeof(address)) == 0, "address alone");
	is_str(name, "", "no display name");
	ok(mailmsg_parse_from("Laurel <not an address>", name, sizeof(name),
	    address, sizeof(address)) == -1, "invalid address rejected");
	ok(mailmsg_parse_from("Laurel <laurel@example.org", name, sizeof(name),
	    address, sizeof(address)) == -1, "missing '>' rejected");
}

/* Builds a message and returns it as a malloc'd string. */
static char *
build(const char *name, const char *subject, const char *body)
{
	struct mailmsg	 m;
	struct buf	 out = { 0 };
	usec_t		 t;

	clock_parse_iso("2026-03-01T12:00:00Z", &t);
	m.from_name = name;
	m.from_address = "laurel@example.org";
	m.to = "ann@example.org";
	m.subject = subject;
	m.body = body;
	m.message_id = "laurel.1.2@example.org";
	m.date = t;
	if (mailmsg_build(&out, &m) == -1) {
		buf_free(&out);
		return NULL;
	}
	return out.data;
}

/* Decodes the "=?UTF-8?B?...?=" words of a header into out. */
static void
decode_words(const char *header, struct buf *out)
{
	const char	*p = header, *end;
	unsigned char	 bin[100];
	size_t		 n;

	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		p += 10;
		if ((end = strstr(p, "?=")) == NULL)
			return;
		if (sodium_base642bin(bin, sizeof(bin), p, (size_t)(end - p),
		    NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) == 0)
			buf_append(out, bin, n);
		p = end + 2;
	}
}

/* Returns 1 when every line ends in CRLF and is at most max bytes. */
static int
lines_ok(const char *msg, size_t max)
{
	const char	*p = msg, *nl;

	while (*p != '\0') {
		if ((nl = strchr(p, '\n')) == NULL || nl == p || nl[-1] != '\r')
			return 0;
		if ((size_t)(nl - 1 - p) > max)
			return 0;
		p = nl + 1;
	}
	return 1;
}

static void
test_headers(void)
{
	const char	*subject = "Zertifikat erhalten: Übung für "
	    "Fortgeschrittene – Sicherheit am Arbeitsplatz ✓ 日本語のテキスト";
	struct buf	 decoded = { 0 };
	char		*msg, *start, *end;

	msg = build("Laurel \"Academy\"", "Certificate ready", "Hello");
	ok(msg != NULL, "message built");
	ok(msg != NULL && strstr(msg, "Date: Sun, 01 Mar 2026 12:00:00 "
	    "+0000\r\n") != NULL, "Date in RFC 5322 form");
	ok(msg != NULL && strstr(msg, "From: \"Laurel \\\"Academy\\\"\" "
	    "<laurel@example.org>\r\n") != NULL, "From with quoted name");
	ok(msg != NULL && strstr(msg, "\r\nTo: ann@example.org\r\n") != NULL,
	    "To header");
	ok(msg != NULL && strstr(msg, "\r\nSubject: Certificate ready\r\n") !=
	    NULL, "ASCII subject as it is");
	ok(msg != NULL && strstr(msg, "\r\nMessage-ID: "
	    "<laurel.1.2@example.org>\r\n") != NULL, "Message-ID");
	ok(msg != NULL && strstr(msg, "\r\nMIME-Version: 1.0\r\nContent-Type: "
	    "text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
	    "quoted-printable\r\n\r\n") != NULL, "MIME headers");
	free(msg);

	msg = build("Académie", subject, "");
	ok(msg != NULL && lines_ok(msg, 76), "encoded lines at most 76");
	ok(msg != NULL && strstr(msg, "From: =?UTF-8?B?") != NULL,
	    "non-ASCII name encoded");
	start = msg != NULL ? strstr(msg, "\r\nSubject: ") : NULL;
	end = start != NULL ? strstr(start + 2, "\r\nMessage-ID") : NULL;
	ok(start != NULL && end != NULL, "Subject header found");
	if (start != NULL && end != NULL) {
		*end = '\0';
		decode_words(start, &decoded);
	}
	is_str(decoded.data != NULL ? decoded.data : "", subject,
	    "non-ASCII subject decodes byte for byte");
	buf_free(&decoded);
	free(msg);

	msg = build("", "Hi\r\nBcc: eve@example.org", "");
	ok(msg != NULL && strstr(msg, "\nBcc:") == NULL,
	    "CR LF in subject adds no header");
	ok(msg != NULL && strstr(msg, "Subject: Hi  Bcc: eve@example.org\r\n")
	    != NULL, "CR LF in subject become spaces");
	ok(msg != NULL && strstr(msg, "From: laurel@example.org\r\n") != NULL,
	    "From without a name");
	free(msg);

	msg = build("", "Cost =?UTF-8?B?eA==?= here", "");
	ok(msg != NULL && strstr(msg, "Subject: =?UTF-8?B?") != NULL,
	    "subject that looks encoded is encoded");
	free(msg);
}

static void
test_body(void)
{
	char	 body[300], *msg, *b;

	msg = build("", "s", "Grüße\n.\n..x\r\nend \nA=B\tC");
	b = msg != NULL ? strstr(msg, "\r\n\r\n") : NULL;
	is_str(b != NULL ? b + 4 : "", "Gr=C3=BC=C3=9Fe\r\n.\r\n..x\r\n"
	    "end=20\r\nA=3DB\tC\r\n", "quoted-printable body");
	free(msg);

	memset(body, 'a', 200);
	body[200] = '\0';
	msg = build("", "s", body);
	ok(msg != NULL && lines_ok(msg, 76), "long line broken at 76");
	is_int(msg != NULL ? (intmax_t)strlen(strstr(msg, "\r\n\r\n")) : 0,
	    4 + 200 + 2 * 3 + 2, "two soft line breaks in 200 characters");
	b = msg != NULL ? strstr(msg, "\r\n\r\n") : NULL;
	ok(b != NULL && strncmp(b + 4 + 75, "=\r\n", 3) == 0,
	    "soft line break after 75 characters");
	free(msg);
}

/* Loads a configuration file with text; returns 1 when it loads and
 * copies the error into err when it does not. */
static int
loads(const char *text, char *err, size_t errsz)
{
	char		 path[] = "/tmp/laurel-mailconf-XXXXXX";
	struct config	*cfg;
	int		 fd;

	err[0] = '\0';
	if ((fd = mkstemp(path)) == -1)
		return 0;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	cfg = config_load(path, err, errsz);
	unlink(path);
	config_free(cfg);
	return cfg != NULL;
}

static void
test_config(void)
{
	char	 err[512];

	ok(loads("Mail.Relay =\n", err, sizeof(err)), "no relay loads");
	ok(loads("Mail.Relay = smtp://127.0.0.1:25\n"
	    "Mail.From = Laurel <laurel@example.org>\n", err, sizeof(err)),
	    "relay with From loads");
	ok(!loads("Mail.Relay = smtp://127.0.0.1:25\n", err, sizeof(err)),
	    "relay without From rejected");
	ok(strstr(err, "Mail.From is required") != NULL,
	    "missing From explained");
	ok(!loads("Mail.Relay = http://127.0.0.1\nMail.From = a@example.org\n",
	    err, sizeof(err)), "http relay rejected");
	ok(!loads("Mail.Relay = smtp://u:secret@127.0.0.1\n"
	    "Mail.From = a@example.org\n", err, sizeof(err)),
	    "password in relay URL rejected");
	ok(strstr(err, "secret") == NULL, "error leaves the password out");
	ok(!loads("Mail.From = Laurel <laurel>\n", err, sizeof(err)),
	    "invalid From rejected");
	ok(!loads("Mail.Relay = smtps://127.0.0.1\nMail.From = a@example.org\n"
	    "Mail.StartTLS = maybe\n", err, sizeof(err)),
	    "unknown StartTLS rejected");
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_addresses();
	test_from();
	test_headers();
	test_body();
	test_config();
	return tap_done();
}
