/* User types and languages: the short lists that other records refer to. */
#ifndef LAUREL_SETTINGS_H
#define LAUREL_SETTINGS_H

#include <stddef.h>

struct db;
struct listing;

#define USER_TYPE_NAME_MAX	100
#define USER_TYPE_DESC_MAX	1000

struct user_type {
	long long	 id;
	char		 name[USER_TYPE_NAME_MAX * 4 + 1];
	char		 description[USER_TYPE_DESC_MAX * 4 + 1];
	long long	 users;		/* users of this type */
};

#define USER_TYPE_SORT_KEYS	{ "name", "users", NULL }

/* Lists one page of user types; *out is freed by the caller. */
int	 user_type_list(struct db *, const struct listing *,
	    struct user_type **out, size_t *n);

/* Lists every user type by name, for choosing, with users left 0; *out is
 * freed by the caller. */
int	 user_type_all(struct db *, struct user_type **out, size_t *n);

/* Returns DB_OK, 1 when there is none, or a db_status. */
int	 user_type_get(struct db *, long long id, struct user_type *);

/* Inserts (id 0) or updates, audited in one transaction; DB_DUPLICATE
 * when the name is taken, 1 when the type to update does not exist. */
int	 user_type_save(struct db *, struct user_type *, long long actor_id,
	    long long impersonator_id);

#define LANGUAGE_DEFAULT	"en"

struct language {
	char		 code[17];	/* a BCP 47 tag such as "fr" or "pt-BR" */
	char		 name[100 * 4 + 1];
	long long	 uses;		/* users, courses and certifications */
};

/* Lists every language, English first; *out is freed by the caller. */
int	 language_all(struct db *, struct language **out, size_t *n);

/* Returns NULL when code is a well-formed tag (2-3 letters, then
 * optional "-" subtags of 2-8 letters or digits), else a message. */
const char *language_code_invalid(const char *code);

/* Adds a language, audited; DB_DUPLICATE when the code exists. */
int	 language_add(struct db *, const struct language *,
	    long long actor_id, long long impersonator_id);

/*
 * Removes a language, audited.  Returns 1 when it is the default (which
 * cannot be removed), 2 when users, courses or certifications still use
 * it, 3 when there is no such language, else a db_status.
 */
int	 language_remove(struct db *, const char *code, long long actor_id,
	    long long impersonator_id);

#endif
