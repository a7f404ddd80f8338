/*
 * User groups: named sets of users, and the certification families a
 * group subscribes to.  A subscription lets the group's members enrol in
 * the newest version of the family, and with auto_enroll enrols them at
 * sign-in.
 */
#ifndef LAUREL_GROUP_H
#define LAUREL_GROUP_H

#include <stddef.h>

struct db;
struct listing;

#define GROUP_NAME_MAX		150	/* characters */
#define GROUP_DESC_MAX		1000
#define GROUP_CERT_NAME_MAX	200	/* certifications.name */

struct group {
	long long	 id;		/* 0 for a new group */
	char		 name[GROUP_NAME_MAX * 4 + 1];
	char		 description[GROUP_DESC_MAX * 4 + 1];
	long long	 members;
	long long	 subscriptions;	/* certification families */
	char		 updated_at[27];
};

/* A user as the members page shows one. */
struct group_user {
	long long	 id;
	char		 login[100 * 4 + 1];
	char		 email[254 * 4 + 1];
	char		 first_name[100 * 4 + 1];
	char		 last_name[100 * 4 + 1];
	int		 active;
};

/*
 * A certification family with the name and version number of its newest
 * version, either subscribed by a group or available to it.
 */
struct group_certification {
	long long	 family_id;
	long long	 certification_id;	/* newest version, 0 if none */
	char		 name[GROUP_CERT_NAME_MAX * 4 + 1];
	long long	 version;
	int		 active;
	int		 auto_enroll;		/* 0 for an available one */
};

/* Sort keys of group_list, in the order of its sort field. */
#define GROUP_SORT_KEYS	{ "name", "members", NULL }

/*
 * Lists one page of groups whose name starts with the search text and the
 * letter, sorted by name or by member count.  *out (freed by the caller)
 * receives up to l->limit rows.
 */
int	 group_list(struct db *, const struct listing *l, struct group **out,
	    size_t *n);

/* Returns DB_OK, 1 when there is no such group, or a db_status. */
int	 group_get(struct db *, long long id, struct group *);

/*
 * Inserts (id 0) or updates a group and records it in the audit log, in
 * one transaction.  Sets g->id of a new group.  Returns DB_DUPLICATE when
 * another group has the name, 1 when the group to update does not exist.
 */
int	 group_save(struct db *, struct group *g, long long actor_id,
	    long long impersonator_id);

/*
 * Lists one page (l->page, l->limit) of the group's members by last name,
 * first name and login; l->q is not used.  *out is freed by the caller.
 */
int	 group_members(struct db *, long long group_id,
	    const struct listing *l, struct group_user **out, size_t *n);

/*
 * Lists one page of the users who are not members of the group and whose
 * login, e-mail, first name or last name starts with l->q.  *out is freed
 * by the caller.
 */
int	 group_candidates(struct db *, long long group_id,
	    const struct listing *l, struct group_user **out, size_t *n);

/*
 * Adds the users to the group in one transaction and records the ids of
 * those added in the audit log.  Users who are already members, and ids
 * of no user, are skipped.  *added receives the number added.
 */
int	 group_members_add(struct db *, long long group_id,
	    const long long *user_ids, size_t n, long long actor_id,
	    long long impersonator_id, size_t *added);

/* Removes the users from the group like group_members_add adds them;
 * *removed receives the number removed. */
int	 group_members_remove(struct db *, long long group_id,
	    const long long *user_ids, size_t n, long long actor_id,
	    long long impersonator_id, size_t *removed);

/* Lists every subscription of the group by certification name.  *out is
 * freed by the caller. */
int	 group_subscriptions(struct db *, long long group_id,
	    struct group_certification **out, size_t *n);

/*
 * Lists one page of the certification families the group does not
 * subscribe to, active or not, whose newest version's name starts with
 * l->q and the letter.  *out is freed by the caller.
 */
int	 group_available(struct db *, long long group_id,
	    const struct listing *l, struct group_certification **out,
	    size_t *n);

/*
 * Subscribes the group to the families, with auto_enroll off, in one
 * transaction, and records the ids of the families added in the audit
 * log.  Existing subscriptions are left as they are and ids of no family
 * are skipped.  *added receives the number added.
 */
int	 group_subscribe(struct db *, long long group_id,
	    const long long *family_ids, size_t n, long long actor_id,
	    long long impersonator_id, size_t *added);

/*
 * The Save of the subscriptions section: the families whose rows were
 * shown, those of them with Auto Enroll checked, and those to remove.
 */
struct group_subscription_edit {
	const long long	*shown;
	size_t		 n_shown;
	const long long	*auto_enroll;
	size_t		 n_auto_enroll;
	const long long	*remove;
	size_t		 n_remove;
};

/*
 * Sets auto_enroll of each shown subscription that is not removed (on
 * when it is in auto_enroll, else off) and deletes the subscriptions in
 * remove, in one transaction with one audit row listing the family ids
 * changed.  *changed and *removed (either may be NULL) receive the
 * number of subscriptions whose auto_enroll changed and that were
 * removed.
 */
int	 group_subscriptions_save(struct db *, long long group_id,
	    const struct group_subscription_edit *, long long actor_id,
	    long long impersonator_id, size_t *changed, size_t *removed);

#endif
