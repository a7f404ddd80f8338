/*
 * Pid files held with an flock(2) lock for the life of the process, so a
 * second instance of a program cannot start on the same files and the
 * scripts can find the process to stop it.
 */
#ifndef LAUREL_PIDFILE_H
#define LAUREL_PIDFILE_H

/*
 * Opens or creates path, takes its lock without waiting and writes this
 * process's pid into it.  Returns the descriptor, which must stay open,
 * or -1 after printing "PROGRAM: reason" to stderr; when another process
 * holds the lock, the message ends with hint (e.g. "stop it first").
 */
int	 pidfile_lock(const char *program, const char *path, const char *hint);

#endif
