#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "records_db.h"

const char *
records_excerpt(const char *s, char out[RECORDS_EXCERPT_MAX + 4])
{
	size_t	 len = strlen(s);

	if (len <= RECORDS_EXCERPT_MAX)
		return s;
	len = RECORDS_EXCERPT_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	memcpy(out, s, len);
	memcpy(out + len, "...", 4);
	return out;
}

int
records_collect(struct db_res *res, size_t size, void (*fill)(void *,
    struct db_res *), void **out, size_t *n)
{
	char	*rows;
	size_t	 i = 0;
	int	 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, size);
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill(rows + size * i++, res);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
records_first_row(struct db_res *res, void *row, void (*fill)(void *,
    struct db_res *))
{
	int	 rc;

	if ((rc = db_next(res)) == 1)
		fill(row, res);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}
