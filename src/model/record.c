/* SPDX-License-Identifier: MIT */
/* model/record.c: name tables of the record enums. */
#include "base/base.h"

#include "model/record.h"

#define X(e, s) s,
const char *const incident_status_names[INCIDENT__MAX] = { INCIDENT_STATUS_LIST(
    X) };
const char *const obl_status_names[OBL__MAX] = { OBL_STATUS_LIST(X) };
const char *const phase_names[PHASE__MAX] = { PHASE_LIST(X) };
const char *const obl_kind_names[KIND__MAX] = { OBL_KIND_LIST(X) };
const char *const topic_names[TOPIC__MAX] = { TOPIC_LIST(X) };
#undef X

int
name_lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++) {
		if (s != NULL && strcmp(names[i], s) == 0)
			return i;
	}
	return -1;
}
