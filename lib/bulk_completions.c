#include "config.h"

#include "bulk_row.h"
#include "db.h"

int
bulk_completions_row(struct bulk_run *run)
{
	bulk_error(run, "", "not yet");
	return DB_OK;
}
