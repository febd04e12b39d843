/* SPDX-License-Identifier: MIT */
/*
 * store/migrate.c: the schema migrations embedded in the binary
 * (schema/<dialect>/NNNN_name.sql, turned into arrays by tools/mkembed).
 * The version is the file's number; they are applied in order, each in
 * its own transaction, by store_open().
 */
#include "base/base.h"

#include "base/str.h"
#include "embed.h"
#include "store/store_int.h"

size_t
migrations_get(const char *dialect, struct migration *out, size_t max)
{
	char prefix[64];
	size_t n = 0;

	snprintf(prefix, sizeof(prefix), "src/store/schema/%s/", dialect);
	for (size_t i = 0; i < embeds_n && n < max; i++) {
		const char *base;
		int64_t v;

		if (!str_has_prefix(embeds[i].name, prefix))
			continue;
		base = embeds[i].name + strlen(prefix);
		if (strlen(base) < 6 || base[4] != '_' ||
		    str_to_i64n(base, 4, 1, 9999, &v) != ERR_OK)
			BUG("migration file name must be NNNN_name.sql");
		out[n].version = (int)v;
		out[n].name = base;
		out[n].sql = (const char *)embeds[i].data;
		if (n > 0 && out[n - 1].version + 1 != out[n].version)
			BUG("migrations must be numbered without gaps");
		n++;
	}
	return n;
}
