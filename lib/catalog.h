/* Catalogs: the sections of the training offer that certifications are
 * listed under. */
#ifndef LAUREL_CATALOG_H
#define LAUREL_CATALOG_H

#include <stddef.h>

struct db;
struct listing;

#define CATALOG_NAME_MAX	150	/* characters */
#define CATALOG_DESC_MAX	1000

struct catalog {
	long long	 id;		/* 0 for a new catalog */
	char		 name[CATALOG_NAME_MAX * 4 + 1];
	char		 description[CATALOG_DESC_MAX * 4 + 1];
	int		 active;
	long long	 certifications;	/* certifications listed in it */
	char		 updated_at[27];
};

/* Sort keys of catalog_list, in the order of its sort field. */
#define CATALOG_SORT_KEYS	{ "name", "updated", NULL }

/*
 * Lists one page of catalogs whose name starts with the search text and
 * the letter.  *out (freed by the caller) receives up to l->limit rows.
 */
int	 catalog_list(struct db *, const struct listing *l,
	    struct catalog **out, size_t *n);

/* Returns DB_OK, 1 when there is no such catalog, or a db_status. */
int	 catalog_get(struct db *, long long id, struct catalog *);

/* Lists every active catalog by name, for choosing one; *out is freed by
 * the caller. */
int	 catalog_all(struct db *, struct catalog **out, size_t *n);

/*
 * Inserts (id 0) or updates a catalog and records it in the audit log, in
 * one transaction.  Sets c->id of a new catalog.  Returns DB_DUPLICATE
 * when another catalog has the name, 1 when the catalog to update does
 * not exist.
 */
int	 catalog_save(struct db *, struct catalog *c, long long actor_id,
	    long long impersonator_id);

#endif
