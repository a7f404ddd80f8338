#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "clock.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "mail.h"
#include "mailmsg.h"
#include "outbox.h"
#include "str.h"
#include "worker.h"

/* Messages sent per call of mail_deliver_due. */
#define MAIL_BATCH		10

/* The maximum back-off between two attempts, in seconds. */
#define MAIL_RETRY_MAX		(6 * 3600)

/* Seconds allowed to connect, within Mail.TimeoutSeconds. */
#define MAIL_CONNECT_SECONDS	20

/* Characters of the relay's last reply kept for the error. */
#define REPLY_MAX		300

struct mailer {
	CURL	*curl;
	char	*password;	/* from Mail.PasswordFile, or NULL */
	char	 reply[REPLY_MAX + 1];	/* the relay's last error reply */
};

/* The message being uploaded to the relay. */
struct upload {
	const char	*data;
	size_t		 len;
	size_t		 off;
};

/* The outcome of one attempt. */
struct attempt {
	char	 error[1200];
	int	 permanent;	/* retrying cannot help */
	int	 relay_down;	/* the relay cannot be reached */
};

static size_t
read_upload(char *dst, size_t size, size_t nitems, void *arg)
{
	struct upload	*u = arg;
	size_t		 n = size * nitems;

	if (n > u->len - u->off)
		n = u->len - u->off;
	memcpy(dst, u->data + u->off, n);
	u->off += n;
	return n;
}

/*
 * Keeps the last 4xx or 5xx line the relay sent, so an error can quote
 * the reply text that libcurl's own message leaves out.  The reply to
 * the QUIT that libcurl sends after a failure comes later, so only error
 * replies count.  Only incoming protocol lines are looked at: outgoing
 * ones can carry the password.
 */
static int
keep_reply(CURL *curl, curl_infotype type, char *data, size_t size,
    void *arg)
{
	struct mailer	*m = arg;
	size_t		 i, n = 0;

	(void)curl;
	if (type != CURLINFO_HEADER_IN || size == 0 ||
	    (data[0] != '4' && data[0] != '5'))
		return 0;
	for (i = 0; i < size && n < REPLY_MAX; i++) {
		if (data[i] == '\r' || data[i] == '\n')
			break;
		m->reply[n++] = (data[i] < 0x20 || data[i] == 0x7f) ? ' ' :
		    data[i];
	}
	if (n > 0)
		m->reply[n] = '\0';
	return 0;
}

/* Reads the first line of Mail.PasswordFile.  Returns a malloc'd string
 * or NULL with a message on stderr. */
static char *
read_password(const char *path)
{
	FILE	*f;
	char	 line[512], *p;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "laurel-worker: %s: cannot open "
		    "Mail.PasswordFile: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fgets(line, sizeof(line), f) == NULL)
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	p = strdup(line);
	sodium_memzero(line, sizeof(line));
	return p;
}

int
mail_init(struct worker *w)
{
	const struct config	*cfg = w->cfg;
	struct mailer		*m;

	if (cfg->mail_relay[0] == '\0') {
		log_info("Mail.Relay is empty: mail stays queued");
		return 0;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL ||
	    (m->curl = curl_easy_init()) == NULL) {
		fprintf(stderr, "laurel-worker: cannot initialise libcurl\n");
		free(m);
		return -1;
	}
	if (cfg->mail_password_file[0] != '\0' &&
	    (m->password = read_password(cfg->mail_password_file)) == NULL) {
		curl_easy_cleanup(m->curl);
		free(m);
		return -1;
	}
	if (cfg->mail_user[0] != '\0' &&
	    strncmp(cfg->mail_relay, "smtp://", 7) == 0 &&
	    strcmp(cfg->mail_starttls, "required") != 0)
		log_warn("Mail.User is set and Mail.StartTLS is not required: "
		    "the password may reach the relay unencrypted");
	w->mailer = m;
	log_info("delivering mail through %s", cfg->mail_relay);
	return 0;
}

void
mail_end(struct worker *w)
{
	struct mailer	*m = w->mailer;

	if (m == NULL)
		return;
	curl_easy_cleanup(m->curl);
	if (m->password != NULL)
		sodium_memzero(m->password, strlen(m->password));
	free(m->password);
	free(m);
	w->mailer = NULL;
}

/* Seconds before the attempt after attempt number attempts (1 or more):
 * Mail.RetrySeconds, doubled each time, at most MAIL_RETRY_MAX. */
static int
retry_delay(const struct config *cfg, int attempts)
{
	long long	 d = cfg->mail_retry_seconds;

	while (--attempts > 0 && d < MAIL_RETRY_MAX)
		d *= 2;
	return d > MAIL_RETRY_MAX ? MAIL_RETRY_MAX : (int)d;
}

/*
 * Builds message m as the relay receives it.  The Message-ID is the same
 * on every attempt, so a receiver can recognise the copy that a worker
 * stopping between sending and recording would send again.
 */
static int
build_message(const struct config *cfg, const struct outbox_message *m,
    struct buf *out)
{
	struct mailmsg	 msg;
	char		 id[300];
	usec_t		 created = 0;

	(void)clock_parse_sql(m->created_at, &created);
	snprintf(id, sizeof(id), "laurel.%lld.%lld@%s", m->id,
	    (long long)created, strchr(cfg->mail_from_address, '@') + 1);
	msg.from_name = cfg->mail_from_name;
	msg.from_address = cfg->mail_from_address;
	msg.to = m->recipient;
	msg.subject = m->subject;
	msg.body = m->body != NULL ? m->body : "";
	msg.message_id = id;
	msg.date = clock_now();
	return mailmsg_build(out, &msg);
}

static void
set_options(struct mailer *mr, const struct config *cfg, const char *from,
    struct curl_slist *rcpt, struct upload *u, char *errbuf)
{
	CURL	*c = mr->curl;

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, cfg->mail_relay);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
	curl_easy_setopt(c, CURLOPT_READDATA, u);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)u->len);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
	    (long)(cfg->mail_timeout_seconds < MAIL_CONNECT_SECONDS ?
	    cfg->mail_timeout_seconds : MAIL_CONNECT_SECONDS));
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)cfg->mail_timeout_seconds);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	/* libcurl calls the debug function only in verbose mode, and
	 * keep_reply writes nothing. */
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, keep_reply);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, mr);
	/* NOTE: the tests use a plain smtp:// sink, so STARTTLS, smtps://
	 * and certificate checks (libcurl's defaults) are not exercised. */
	if (strcmp(cfg->mail_starttls, "required") == 0)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	else if (strcmp(cfg->mail_starttls, "optional") == 0)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	if (cfg->mail_user[0] != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->mail_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD,
		    mr->password != NULL ? mr->password : "");
	}
}

/*
 * Describes a failed transfer: libcurl's message, the SMTP reply code and
 * the relay's last error reply.  A 5xx reply is permanent, except for the
 * authentication replies 530 and 535, which a corrected Mail.User or
 * password cures for every message.
 */
static void
describe_failure(struct mailer *mr, CURLcode res, const char *errbuf,
    struct attempt *a)
{
	long	 code = 0;

	curl_easy_getinfo(mr->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code > 0 && mr->reply[0] != '\0')
		snprintf(a->error, sizeof(a->error), "%s (SMTP reply %ld, "
		    "the relay said: %s)", errbuf[0] != '\0' ? errbuf :
		    curl_easy_strerror(res), code, mr->reply);
	else
		snprintf(a->error, sizeof(a->error), "%s", errbuf[0] != '\0' ?
		    errbuf : curl_easy_strerror(res));
	a->permanent = code >= 500 && code <= 599 && code != 530 &&
	    code != 535 && res != CURLE_LOGIN_DENIED;
	a->relay_down = res == CURLE_COULDNT_CONNECT ||
	    res == CURLE_COULDNT_RESOLVE_HOST ||
	    (res == CURLE_OPERATION_TIMEDOUT && code == 0);
}

/* Sends message m.  Returns 0 when the relay took it, else -1 with *a
 * filled. */
static int
send_message(struct mailer *mr, const struct config *cfg,
    const struct outbox_message *m, struct attempt *a)
{
	struct buf		 data = { 0 };
	struct curl_slist	*rcpt = NULL;
	struct upload		 u;
	char			 from[MAILMSG_ADDRESS_MAX + 3];
	char			 to[sizeof(m->recipient) + 2];
	char			 errbuf[CURL_ERROR_SIZE] = "";
	CURLcode		 res;

	memset(a, 0, sizeof(*a));
	if (!mailmsg_address_valid(m->recipient)) {
		snprintf(a->error, sizeof(a->error), "The recipient address "
		    "is not valid, so the message was not sent. Correct the "
		    "user's e-mail address.");
		a->permanent = 1;
		return -1;
	}
	if (build_message(cfg, m, &data) == -1) {
		snprintf(a->error, sizeof(a->error), "Out of memory while "
		    "building the message.");
		buf_free(&data);
		return -1;
	}

	snprintf(from, sizeof(from), "<%s>", cfg->mail_from_address);
	snprintf(to, sizeof(to), "<%s>", m->recipient);
	if ((rcpt = curl_slist_append(NULL, to)) == NULL) {
		snprintf(a->error, sizeof(a->error), "Out of memory.");
		buf_free(&data);
		return -1;
	}
	u.data = data.data;
	u.len = data.len;
	u.off = 0;
	mr->reply[0] = '\0';
	set_options(mr, cfg, from, rcpt, &u, errbuf);
	res = curl_easy_perform(mr->curl);
	if (res != CURLE_OK)
		describe_failure(mr, res, errbuf, a);
	curl_slist_free_all(rcpt);
	buf_free(&data);
	return res == CURLE_OK ? 0 : -1;
}

/* Records the outcome of one attempt and logs it.  Returns 1 when the
 * batch should stop because the relay cannot be reached. */
static int
record(struct worker *w, const struct outbox_message *m, int sent,
    const struct attempt *a)
{
	const struct config	*cfg = w->cfg;
	int			 rc, delay = retry_delay(cfg, m->attempts);

	if (sent) {
		rc = outbox_sent(w->db, m->id, w->owner);
		log_info("mail %lld attempt %d: sent", m->id, m->attempts);
	} else {
		rc = outbox_attempt_failed(w->db, m->id, w->owner, a->error,
		    delay, a->permanent, cfg->mail_max_attempts);
		if (a->permanent || m->attempts >= cfg->mail_max_attempts)
			log_warn("mail %lld attempt %d: failed for good: %s",
			    m->id, m->attempts, a->error);
		else
			log_warn("mail %lld attempt %d: failed, next attempt "
			    "in %d s: %s", m->id, m->attempts, delay, a->error);
	}
	if (rc == 1)
		log_warn("mail %lld: lease lost before the outcome was "
		    "recorded", m->id);
	else if (rc != DB_OK)
		log_error("mail %lld: failed to record the outcome: %s", m->id,
		    db_error(w->db));
	return !sent && a->relay_down;
}

void
mail_deliver_due(struct worker *w)
{
	const struct config	*cfg = w->cfg;
	struct outbox_message	 m = { 0 };
	struct attempt		 a;
	int			 i, rc, sent;

	if (w->mailer == NULL)
		return;
	for (i = 0; i < MAIL_BATCH && !*w->stop; i++) {
		/* The lease outlasts the longest attempt, so no other
		 * worker takes the message over while it is being sent. */
		rc = outbox_claim(w->db, w->owner, cfg->mail_timeout_seconds +
		    w->lease_seconds, cfg->mail_max_attempts, &m);
		if (rc == 1)
			break;
		if (rc != DB_OK) {
			log_error("failed to claim a message: %s",
			    db_error(w->db));
			break;
		}
		sent = send_message(w->mailer, cfg, &m, &a) == 0;
		/* The other due messages would wait for the same relay. */
		if (record(w, &m, sent, &a))
			break;
	}
	outbox_message_free(&m);
}
