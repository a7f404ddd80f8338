/*
 * Delivery of the mail outbox over SMTP with libcurl.  Each call sends
 * a bounded batch of due messages, so jobs still run while a large
 * outbox drains.  A message the relay does not take is tried again after
 * an exponential back-off; a 5xx rejection or the last of Mail.MaxAttempts
 * fails it for good.  Nothing is sent while Mail.Relay is empty.
 */
#ifndef LAUREL_MAIL_H
#define LAUREL_MAIL_H

struct worker;

/*
 * Prepares delivery: reads Mail.PasswordFile and creates the libcurl
 * handle, which keeps the connection to the relay open between messages.
 * curl_global_init must have run.  Returns 0, or -1 with a message on
 * stderr.
 */
int	 mail_init(struct worker *);

/* Sends up to a batch of due messages and records each outcome. */
void	 mail_deliver_due(struct worker *);

/* Closes the connection and frees what mail_init made. */
void	 mail_end(struct worker *);

#endif
