/*
 * The OULAD import's model of the data set, shared by the files of the
 * import: oulad_read.c fills it from the CSV files, oulad_rules.c works
 * out dates, results, scores and enrolments, and oulad_write.c writes it.
 * Not for use by other modules.
 */
#ifndef LAUREL_OULAD_MODEL_H
#define LAUREL_OULAD_MODEL_H

#include <stddef.h>

#include "clock.h"
#include "oulad.h"

#define OULAD_NO_DAY		INT32_MIN	/* a day_t that is not set */
#define OULAD_MODULE_MAX	20	/* characters of a module code */
#define OULAD_REGION_MAX	140	/* "Region: " + this fits 150 */
#define OULAD_CERTS		3
#define OULAD_CERT_COURSES	4

enum oulad_result { OULAD_PASS, OULAD_DISTINCTION, OULAD_FAIL,
    OULAD_WITHDRAWN };

/* A row of courses.csv: a presentation of a module, which becomes a
 * class of the module's course. */
struct oulad_presentation {
	char		 module[OULAD_MODULE_MAX + 1];
	char		 code[6];		/* "2013J" */
	char		 class_code[OULAD_MODULE_MAX + 7];
	int		 module_index;		/* into oulad_model.modules */
	day_t		 starts_on, ends_on;
};

/* A row of studentInfo.csv with its row of studentRegistration.csv. */
struct oulad_registration {
	long long	 student_id;
	int		 presentation;		/* index */
	int		 region;		/* index */
	enum oulad_result result;
	int		 info_line, registration_line;
	int		 has_registration_row;
	day_t		 registered_on;
	long long	 unregistration;	/* relative day, when set */
	int		 has_unregistration;
	long long	 score_sum;		/* hundredths of a point */
	long long	 score_count;

	/* Worked out by oulad_rules.c. */
	const char	*status;		/* course_registrations.status */
	day_t		 completed_on;		/* passed or failed on */
	day_t		 cancelled_on;
	int		 has_score;
	long long	 score;			/* whole points */
	int		 in_history;	/* not the learner's current one */
};

/* A learner's enrolment in one of the certifications. */
struct oulad_enrolment {
	long long	 student_id;
	int		 cert;			/* index into oulad_certs */
	const char	*status;		/* enrollments.status */
	day_t		 enrolled_on;
	day_t		 completed_on;		/* OULAD_NO_DAY when not */
	day_t		 expires_on;		/* OULAD_NO_DAY when none */
};

/* A certification that the import creates. */
struct oulad_cert {
	const char	*name;
	const char	*description;
	const char	*import_key;
	const char	*courses[OULAD_CERT_COURSES];	/* module codes */
	int		 required[OULAD_CERT_COURSES];	/* 0: elective */
	int		 ncourses;
	int		 required_electives;
	int		 expire_days;		/* 0: perpetual */
	int		 prerequisite;		/* a cert index, or -1 */
};

extern const struct oulad_cert oulad_certs[OULAD_CERTS];

struct oulad_model {
	const char			*dir;
	day_t				 base_date;
	char				*err;
	size_t				 errsz;
	oulad_progress_fn		 progress;
	void				*progress_arg;

	char				(*modules)[OULAD_MODULE_MAX + 1];
	size_t				 nmodules;		/* sorted */
	struct oulad_presentation	*presentations;
	size_t				 npresentations;
	char				(*regions)[OULAD_REGION_MAX + 1];
	size_t				 nregions;		/* sorted */
	long long			*students;
	size_t				 nstudents;		/* sorted */
	struct oulad_registration	*registrations;
	size_t				 nregistrations;
	struct oulad_enrolment		*enrolments;
	size_t				 nenrolments;
};

/* Reads and checks the files in m->dir.  Returns 0, or OULAD_INVALID
 * with the message in m->err, or -1 when memory runs out. */
int	 oulad_read(struct oulad_model *);

/* Works out every registration's result and the enrolments.  Returns 0 or
 * -1 when memory runs out. */
int	 oulad_apply_rules(struct oulad_model *, day_t today);

/* Writes the model in one transaction. */
int	 oulad_write(struct db *, struct oulad_model *,
	    struct oulad_summary *);

void	 oulad_model_free(struct oulad_model *);

#endif
