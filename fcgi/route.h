/* The route table and the request cycle around each handler. */
#ifndef LAUREL_ROUTE_H
#define LAUREL_ROUTE_H

#include "pages.h"

/*
 * Handles one request: finds the route, loads the session, checks the
 * role and the CSRF token, runs the handler and fills ctx->resp.
 * Returns the final status for the log.
 */
int	 route_dispatch(struct ctx *);

#endif
