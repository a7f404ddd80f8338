/*
 * Online courses.  Without a database: grading (one correct option,
 * several correct options, partial and extra choices, score rounding and
 * the passing boundary), the question rules, the cutting of content text
 * into links, and the PDF check of course documents.  Against the test
 * database: question changes, the attempt limit, submission with its
 * course result, and "Mark as complete".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assessment.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "content.h"
#include "db.h"
#include "files.h"
#include "tap.h"

static struct db	*db;
static struct config	*cfg;
static char		 tag[16];
static int		 serial;

/* ------------------------------------------------------------ fixtures */

/* Sets up q with labels "A", "B", … and the correct options given as a
 * string such as "10" (A correct, B not). */
static void
make_question(struct assessment_question *q, const char *correct,
    int multiple)
{
	int	 i;

	memset(q, 0, sizeof(*q));
	q->multiple = multiple;
	q->noptions = (int)strlen(correct);
	snprintf(q->prompt, sizeof(q->prompt), "Question %d", ++serial);
	for (i = 0; i < q->noptions; i++) {
		snprintf(q->options[i].label, sizeof(q->options[i].label),
		    "%c", 'A' + i);
		q->options[i].correct = correct[i] == '1';
	}
}

static long long
insert(const char *what, int rc)
{
	if (rc != DB_OK) {
		printf("Bail out! cannot insert %s: %s\n", what, db_error(db));
		exit(1);
	}
	return (long long)db_insert_id(db);
}

static long long
make_user(void)
{
	char	 login[64], email[80];

	snprintf(login, sizeof(login), "a%d-%s", ++serial, tag);
	snprintf(email, sizeof(email), "%s@example.org", login);
	return insert("user", db_exec(db, "INSERT INTO users (login, email, "
	    "first_name, last_name, role, created_at, updated_at) VALUES "
	    "(?, ?, 'Zoë', 'Ångström', 'learner', NOW(6), NOW(6))", "ss",
	    login, email));
}

static long long
make_course(const char *kind, int passing_score)
{
	char	 code[40];

	snprintf(code, sizeof(code), "A%d-%s", ++serial, tag);
	return insert("course", db_exec(db, "INSERT INTO courses (code, name, "
	    "description, passing_score, kind, created_at, updated_at) "
	    "VALUES (?, ?, '', ?, ?, NOW(6), NOW(6))", "ssis", code, code,
	    passing_score, kind));
}

static void
register_user(long long user, long long course)
{
	insert("registration", db_exec(db, "INSERT INTO course_registrations "
	    "(user_id, course_id, method, registered_at) VALUES "
	    "(?, ?, 'admin', NOW(6))", "ll", user, course));
}

/* Returns "status score" of the user's registration, such as
 * "failed 50.00". */
static const char *
registration(long long user, long long course)
{
	static char	 out[64];
	struct db_res	*res;

	strcpy(out, "?");
	if (db_query(db, &res, "SELECT CONCAT_WS(' ', status, "
	    "COALESCE(score, '-')) FROM course_registrations "
	    "WHERE user_id = ? AND course_id = ?", "ll", user, course) ==
	    DB_OK) {
		if (db_next(res) == 1)
			snprintf(out, sizeof(out), "%s", db_str(res, 0));
		db_res_free(res);
	}
	return out;
}

static long long
count_answers(long long attempt_id)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM assessment_answers "
	    "WHERE attempt_id = ?", "l", attempt_id) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

/* ------------------------------------------------------------ grading */

static void
test_one_correct(void)
{
	struct assessment_question	 q;

	make_question(&q, "0100", 0);
	is_int(assessment_question_correct(&q, 1u << 1), 1,
	    "one correct: the correct option scores");
	is_int(assessment_question_correct(&q, 1u << 0), 0,
	    "one correct: a wrong option does not");
	is_int(assessment_question_correct(&q, 1u << 1 | 1u << 2), 0,
	    "one correct: the correct option with another does not");
	is_int(assessment_question_correct(&q, 0), 0,
	    "one correct: no answer does not");
	is_int(assessment_question_correct(&q, 1u << 1 | 1u << 7), 0,
	    "one correct: a bit past the options does not");
}

static void
test_several_correct(void)
{
	struct assessment_question	 q;

	make_question(&q, "1011", 1);
	is_int(assessment_question_correct(&q, 1u << 0 | 1u << 2 | 1u << 3),
	    1, "several correct: exactly the three correct options score");
	is_int(assessment_question_correct(&q, 1u << 0 | 1u << 2), 0,
	    "several correct: two of the three do not");
	is_int(assessment_question_correct(&q, 0xf), 0,
	    "several correct: every option does not");
	is_int(assessment_question_correct(&q, 1u << 1), 0,
	    "several correct: the wrong one alone does not");
}

static void
test_scores(void)
{
	struct assessment_question	 qs[3];
	struct assessment_grade		 g;
	unsigned int			 chosen[3];

	make_question(&qs[0], "10", 0);
	make_question(&qs[1], "01", 0);
	make_question(&qs[2], "110", 1);
	chosen[0] = 1u << 0;
	chosen[1] = 1u << 1;
	chosen[2] = 1u << 0;
	assessment_grade(qs, 3, chosen, 66, &g);
	is_int(g.questions, 3, "grade: three questions");
	is_int(g.correct, 2, "grade: two answered exactly");
	is_int(g.score_hundredths, 6666, "grade: 2 of 3 is 66.66%%, rounded "
	    "down");
	is_int(g.passed, 1, "grade: 66.66%% passes at 66%%");
	assessment_grade(qs, 3, chosen, 67, &g);
	is_int(g.passed, 0, "grade: 66.66%% fails at 67%%");

	chosen[2] = 1u << 0 | 1u << 1;
	assessment_grade(qs, 3, chosen, 100, &g);
	is_int(g.score_hundredths, 10000, "grade: all correct is 100%%");
	is_int(g.passed, 1, "grade: 100%% passes at 100%%");

	chosen[0] = chosen[1] = chosen[2] = 0;
	assessment_grade(qs, 3, chosen, 0, &g);
	is_int(g.score_hundredths, 0, "grade: nothing correct is 0%%");
	is_int(g.passed, 1, "grade: 0%% passes at a passing score of 0");

	make_question(&qs[0], "1", 0);
	make_question(&qs[1], "01", 0);
	chosen[0] = 1;
	chosen[1] = 1;
	assessment_grade(qs, 2, chosen, 50, &g);
	is_int(g.score_hundredths, 5000, "grade: 1 of 2 is 50%%");
	is_int(g.passed, 1, "grade: exactly the passing score passes");
	assessment_grade(qs, 0, chosen, 0, &g);
	is_int(g.score_hundredths, 0, "grade: no questions score 0");
	is_int(g.passed, 0, "grade: no questions never pass");
}

static void
test_question_rules(void)
{
	struct assessment_question	 q;

	make_question(&q, "1", 0);
	is_int(assessment_question_check(&q), ASSESSMENT_TOO_FEW_OPTIONS,
	    "rules: one option is too few");
	make_question(&q, "000", 0);
	is_int(assessment_question_check(&q), ASSESSMENT_NO_CORRECT,
	    "rules: no correct option");
	make_question(&q, "110", 0);
	is_int(assessment_question_check(&q), ASSESSMENT_SEVERAL_CORRECT,
	    "rules: several correct needs several answers allowed");
	make_question(&q, "110", 1);
	is_int(assessment_question_check(&q), ASSESSMENT_VALID,
	    "rules: several correct with several answers allowed");
	make_question(&q, "01", 0);
	is_int(assessment_question_check(&q), ASSESSMENT_VALID,
	    "rules: two options, one correct");
}

/* ------------------------------------------------------------ links */

/* Writes the parts of text as "T[…] L[…] B P" for comparison. */
static const char *
parts(const char *text)
{
	static char		 out[1024];
	static const char	*kinds = "TLBP";
	struct content_part	*p;
	size_t			 n, i, len = 0;

	out[0] = '\0';
	if (content_split(text, &p, &n) == -1)
		return "(no memory)";
	for (i = 0; i < n && len < sizeof(out) - 1; i++) {
		if (p[i].kind == CONTENT_TEXT || p[i].kind == CONTENT_LINK)
			len += (size_t)snprintf(out + len, sizeof(out) - len,
			    "%s%c[%.*s]", i ? " " : "", kinds[p[i].kind],
			    (int)p[i].len, text + p[i].start);
		else
			len += (size_t)snprintf(out + len, sizeof(out) - len,
			    "%s%c", i ? " " : "", kinds[p[i].kind]);
	}
	free(p);
	return out;
}

static void
test_links(void)
{
	is_str(parts("Read https://example.org/a?b=1&c=2. Then go on."),
	    "T[Read ] L[https://example.org/a?b=1&c=2] T[. Then go on.]",
	    "links: an address at the end of a sentence");
	is_str(parts("HTTP://EXAMPLE.ORG"), "L[HTTP://EXAMPLE.ORG]",
	    "links: the scheme in capitals");
	is_str(parts("javascript:alert(1) and ftp://x.org"),
	    "T[javascript:alert(1) and ftp://x.org]",
	    "links: only http and https");
	is_str(parts("(see http://x.org/wiki/A_(b))"),
	    "T[(see ] L[http://x.org/wiki/A_(b)] T[)]",
	    "links: brackets opened in the address stay in it");
	is_str(parts("<a href=\"http://x.org\">x</a>"),
	    "T[<a href=\"] L[http://x.org] T[\">x</a>]",
	    "links: an address ends at a quote");
	is_str(parts("nohttp://x.org"), "T[nohttp://x.org]",
	    "links: not inside a word");
	is_str(parts("http:// alone"), "T[http:// alone]",
	    "links: a scheme without a host");
	is_str(parts("one\ntwo\r\nthree"), "T[one] B T[two] B T[three]",
	    "lines: a break per line end");
	is_str(parts("one\n\n \n\ttwo"), "T[one] P T[\ttwo]",
	    "lines: blank lines end a paragraph");
	is_str(parts(""), "", "lines: no text, no parts");
}

/* ------------------------------------------------------------ PDF */

/* Writes len bytes to a new temporary file and checks it as a course
 * document; returns the check's result and its message in err. */
static int
check_document(const void *data, size_t len, char *err, size_t errsz)
{
	struct stored_file	 f;
	char			 path[] = "/tmp/test_assessment.XXXXXX";
	int			 fd, rc;

	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, data, len) != (ssize_t)len) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
	close(fd);
	err[0] = '\0';
	rc = file_check_upload(path, FILE_COURSE_DOCUMENT, &f, err, errsz);
	unlink(path);
	if (rc == 0 && strcmp(f.content_type, "application/pdf") != 0)
		return -2;
	return rc;
}

static void
test_pdf(void)
{
	static const char	 pdf[] = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"
				    "trailer\n<< >>\n%%EOF\n";
	static const char	 text[] = "This is a text file named notes.pdf\n";
	char			 err[256], *big;
	size_t			 len = 4000;

	is_int(check_document(pdf, sizeof(pdf) - 1, err, sizeof(err)), 0,
	    "pdf: a small PDF is accepted as application/pdf");
	is_int(check_document(text, sizeof(text) - 1, err, sizeof(err)), 1,
	    "pdf: a text file is rejected");
	is_str(err, "The file is not a PDF document. Save or export it as PDF "
	    "and upload it again.", "pdf: the message names the type");
	is_int(check_document(pdf, 30, err, sizeof(err)), 1,
	    "pdf: a cut-off PDF is rejected");
	ok(strstr(err, "incomplete or damaged") != NULL,
	    "pdf: the message says it is incomplete");
	is_int(check_document(pdf, 0, err, sizeof(err)), 1,
	    "pdf: an empty file is rejected");
	is_str(err, "The file is empty. Choose a PDF document.",
	    "pdf: the empty message asks for a PDF");

	/* %%EOF further than 1024 bytes from the end is not found. */
	if ((big = malloc(len)) == NULL)
		exit(1);
	memset(big, ' ', len);
	memcpy(big, pdf, sizeof(pdf) - 1);
	is_int(check_document(big, len, err, sizeof(err)), 1,
	    "pdf: the end marker must be in the last 1024 bytes");
	memcpy(big + len - 1024, "%%EOF", 5);
	is_int(check_document(big, len, err, sizeof(err)), 0,
	    "pdf: an end marker 1024 bytes from the end is found");
	free(big);
}

/* ------------------------------------------------------------ database */

static void
test_question_changes(void)
{
	struct assessment_question	 q, got, *all;
	long long			 course = make_course("online", 70);
	long long			 kept, first;
	size_t				 n;

	make_question(&q, "010", 0);
	q.course_id = course;
	is_int(assessment_question_save(db, &q, 0, 0), DB_OK,
	    "question added");
	first = q.id;
	kept = q.options[1].id;
	make_question(&q, "01", 0);
	q.course_id = course;
	is_int(assessment_question_save(db, &q, 0, 0), DB_OK,
	    "second question added");

	assessment_question_get(db, first, &got);
	is_int(got.number, 1, "first question is number 1");
	/* Keep B under a new label, drop A and C, add D as a new option. */
	got.noptions = 2;
	got.options[0] = got.options[1];
	snprintf(got.options[0].label, sizeof(got.options[0].label), "B2");
	got.options[1].id = 0;
	got.options[1].correct = 0;
	snprintf(got.options[1].label, sizeof(got.options[1].label), "D");
	is_int(assessment_question_save(db, &got, 0, 0), DB_OK,
	    "question edited");
	assessment_question_get(db, first, &got);
	is_int(got.noptions, 2, "edited question has two options");
	is_int(got.options[0].id, kept, "the kept option keeps its id");
	is_str(got.options[0].label, "B2", "the kept option has its new label");
	is_str(got.options[1].label, "D", "the new option follows");

	got.options[1].correct = 1;
	is_int(assessment_question_save(db, &got, 0, 0), ASSESSMENT_INVALID,
	    "two correct options without several answers are rejected");

	is_int(assessment_question_move(db, first, 0, 0, 0), DB_OK,
	    "first question moved down");
	assessment_questions(db, course, &all, &n);
	is_int((long long)n, 2, "two questions listed");
	is_int(all[1].id, first, "the moved question is second");
	is_int(all[1].number, 2, "and numbered 2");
	free(all);
	is_int(assessment_question_move(db, first, 0, 0, 0), DB_OK,
	    "moving the last question down changes nothing");
	is_int(assessment_question_delete(db, first, 0, 0), DB_OK,
	    "question deleted");
	is_int(assessment_question_get(db, first, &got), 1,
	    "deleted question is gone");
	is_int(assessment_question_delete(db, first, 0, 0), ASSESSMENT_MISSING,
	    "deleting it again finds nothing");
}

/* Submits the attempt with the given grade for the user. */
static int
submit(long long attempt_id, int correct, int questions, int passing,
    const long long *ids, size_t nids)
{
	struct assessment_attempt	 a;
	struct assessment_grade		 g;
	int				 completed;

	if (assessment_attempt_get(db, attempt_id, &a) != DB_OK)
		return -100;
	memset(&g, 0, sizeof(g));
	g.questions = questions;
	g.correct = correct;
	g.score_hundredths = (long long)correct * 10000 / questions;
	g.passed = g.score_hundredths >= passing * 100;
	return assessment_submit(db, cfg, &a, &g, ids, nids, 0, &completed);
}

static void
test_attempts(void)
{
	struct assessment_question	 q;
	long long			 user = make_user();
	long long			 course = make_course("online", 70);
	long long			 a1, again, a2, a3;
	struct assessment_attempt	 a;

	make_question(&q, "10", 0);
	q.course_id = course;
	assessment_question_save(db, &q, 0, 0);
	register_user(user, course);
	is_int(assessment_settings_save(db, course, 2, 0, 0), DB_OK,
	    "attempt limit set to 2");

	is_int(assessment_start(db, user, course, &a1), DB_OK,
	    "first attempt started");
	is_int(assessment_start(db, user, course, &again), DB_OK,
	    "starting again while it is open");
	is_int(again, a1, "returns the open attempt");
	is_int(submit(a1, 0, 1, 70, &q.options[1].id, 1), DB_OK,
	    "failed attempt submitted");
	is_int(count_answers(a1), 1, "its chosen option is stored");
	is_str(registration(user, course), "failed 0.00",
	    "registration failed with score 0");
	is_int(submit(a1, 1, 1, 70, NULL, 0), ASSESSMENT_SUBMITTED,
	    "an attempt is submitted once");
	is_str(registration(user, course), "failed 0.00",
	    "the second submission changed nothing");
	assessment_attempt_get(db, a1, &a);
	is_int(a.score_hundredths, 0, "attempt keeps its score");

	is_int(assessment_start(db, user, course, &a2), DB_OK,
	    "second attempt started");
	assessment_attempt_get(db, a2, &a);
	is_int(a.number, 2, "it is number 2");
	is_int(submit(a2, 1, 1, 70, &q.options[0].id, 1), DB_OK,
	    "passing attempt submitted");
	is_str(registration(user, course), "completed 100.00",
	    "registration completed with score 100");
	is_int(assessment_start(db, user, course, &a3), ASSESSMENT_LIMIT_REACHED,
	    "a third attempt is beyond the limit");
	is_int(a3, 0, "and no attempt id is returned");
}

static void
test_mark_complete(void)
{
	long long	 user = make_user();
	long long	 online = make_course("online", 70);
	long long	 ilt = make_course("ilt", 70);
	long long	 other = make_course("online", 70);

	register_user(user, online);
	register_user(user, ilt);
	is_int(content_complete(db, cfg, user, online, 0), CONTENT_NOT_OPENED,
	    "complete: refused before the content was opened");
	is_str(registration(user, online), "registered -",
	    "complete: registration unchanged");
	is_int(content_open(db, cfg, user, online, 0), DB_OK,
	    "complete: content opened");
	is_str(registration(user, online), "in_progress -",
	    "complete: opening marks it in progress");
	is_int(content_complete(db, cfg, user, online, 0), DB_OK,
	    "complete: allowed after opening");
	is_str(registration(user, online), "completed -",
	    "complete: registration completed without a score");
	is_int(content_complete(db, cfg, user, online, 0),
	    CONTENT_ALREADY_COMPLETED, "complete: only once");
	is_int(content_open(db, cfg, user, online, 0), DB_OK,
	    "complete: opening again");
	is_str(registration(user, online), "completed -",
	    "complete: leaves it completed");

	content_open(db, cfg, user, ilt, 0);
	is_int(content_complete(db, cfg, user, ilt, 0), CONTENT_NOT_ONLINE,
	    "complete: not for an instructor-led course");
	is_int(content_complete(db, cfg, user, other, 0),
	    CONTENT_NOT_REGISTERED, "complete: not without a registration");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256];

	test_one_correct();
	test_several_correct();
	test_scores();
	test_question_rules();
	test_links();

	if (path == NULL || (cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set or invalid\n");
		return 1;
	}
	test_pdf();
	auth_init();
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(tag, 8);
	test_question_changes();
	test_attempts();
	test_mark_complete();
	db_close(db);
	config_free(cfg);
	return tap_done();
}
