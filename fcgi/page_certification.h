/* Helpers shared by the certification pages (page_certification*.c). */
#ifndef LAUREL_PAGE_CERTIFICATION_H
#define LAUREL_PAGE_CERTIFICATION_H

struct certification;
struct ctx;

/* Loads the version named by the route's {id} into c.  Returns 0, or the
 * response status for the failure (404 or 503). */
int	 cert_page_load(struct ctx *, struct certification *c);

/* Sets up the 409 page for a change to an older version c; returns 409. */
int	 cert_page_read_only(struct ctx *, const struct certification *c);

/* Writes Cert.Id, Cert.Name, Cert.Version, Cert.NewestVersion,
 * Cert.NewestId, Cert.Availability and Cert.ReadOnly for the page's
 * heading and links. */
void	 cert_page_heading(struct ctx *, const struct certification *c);

#endif
