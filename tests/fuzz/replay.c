/*
 * Replays libFuzzer corpora without libFuzzer, so a plain compiler can run
 * them under "make check".  Calls LLVMFuzzerTestOneInput() on every regular
 * file, in name order, of each directory given as an argument and prints
 * one TAP line per directory with the number of files replayed.  A missing
 * or empty directory is a failed test.  A crash in the target ends the
 * program, and the last "# file" line names the input.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Reads the whole file at path; returns 0, or -1 with errno set. */
static int
read_file(const char *path, uint8_t **data, size_t *size)
{
	FILE	*f;
	uint8_t	*buf = NULL, *p;
	size_t	 len = 0, cap = 0, n;
	int	 saved;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		if (len == cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			if ((p = realloc(buf, cap)) == NULL)
				goto fail;
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		errno = EIO;
		goto fail;
	}
	fclose(f);
	*data = buf;
	*size = len;
	return 0;
fail:
	saved = errno;
	fclose(f);
	free(buf);
	errno = saved;
	return -1;
}

static int
skip_dot(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

/*
 * Replays every regular file in dir.  Returns the number replayed, or -1
 * with a reason in why.
 */
static int
replay_dir(const char *dir, char *why, size_t whysz)
{
	struct dirent	**names;
	struct stat	  sb;
	char		  path[4096];
	uint8_t		 *data;
	size_t		  size;
	int		  i, n, count = 0;

	if ((n = scandir(dir, &names, skip_dot, alphasort)) == -1) {
		snprintf(why, whysz, "cannot read the directory: %s",
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode)) {
			free(names[i]);
			continue;
		}
		if (read_file(path, &data, &size) == -1) {
			snprintf(why, whysz, "cannot read %.255s: %s",
			    names[i]->d_name, strerror(errno));
			free(names[i]);
			count = -1;
			continue;
		}
		free(names[i]);
		printf("# %s\n", path);
		fflush(stdout);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		if (count >= 0)
			count++;
	}
	free(names);
	if (count == 0)
		snprintf(why, whysz, "no files to replay");
	return count;
}

int
main(int argc, char *argv[])
{
	char	 why[512];
	int	 i, n, failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s corpus-directory ...\n", argv[0]);
		return 2;
	}
	printf("1..%d\n", argc - 1);
	for (i = 1; i < argc; i++) {
		n = replay_dir(argv[i], why, sizeof(why));
		if (n > 0)
			printf("ok %d - %s: %d files replayed\n", i, argv[i],
			    n);
		else {
			printf("not ok %d - %s: %s\n", i, argv[i], why);
			failed = 1;
		}
	}
	return failed;
}
