/*
 * Logging: one line per event on stderr, in the form
 *   2026-03-01T12:00:00.123Z INFO laurel-fcgi[1234] req=9f2c... message
 * Control characters and bytes >= 0x7f in messages are written as \xNN so
 * user data cannot forge a line.  Never pass a password, token or cookie.
 */
#ifndef LAUREL_LOG_H
#define LAUREL_LOG_H

enum log_level {
	LOG_DEBUG,
	LOG_INFO,
	LOG_WARN,
	LOG_ERROR
};

/* Sets the program name written on every line. */
void	 log_init(const char *program);

/* Sets the request id written on every line until cleared with NULL. */
void	 log_set_request(const char *id);

void	 log_msg(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)

#endif
