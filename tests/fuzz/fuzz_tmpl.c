/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_tmpl.c: the template parser and renderer.  The first
 * byte chooses trusted or not; the rest is the template source.  Whatever
 * the bytes, parsing must not crash; an accepted template is linted and
 * rendered against a fixed view (with a partial that includes itself) and
 * must stay within the output cap and leave the buffer as it was on error.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/buf.h"
#include "doc/tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char view_src[] =
    "{\"name\":\"Erika <Muster> & \\\"Co\\\"\",\"crlf\":\"a\\r\\nb\","
    "\"n\":7,\"r\":1.5,\"t\":true,\"f\":false,\"z\":null,\"e\":\"\","
    "\"org\":{\"name\":\"Beispiel GmbH\",\"dpo\":{\"email\":"
    "\"dpo@example.invalid\"}},\"items\":[{\"t\":\"one\",\"items\":"
    "[1,2]},{\"t\":\"two\"},\"three\",4,[5],{}],\"none\":[]}";

static struct tmpl *self_partial;

static const struct tmpl *
partial(void *arg, const char *name)
{
	(void)arg;
	if (strcmp(name, "self") == 0)
		return self_partial;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static json_t *view;
	struct tmpl *t = NULL;
	struct buf b;
	char why[512];
	enum err rc;

	if (view == NULL)
		view = json_loads(view_src, JSON_PRESERVE_ORDER, NULL);
	if (len == 0)
		return 0;
	rc = tmpl_parse(
	    (const char *)data + 1, len - 1, data[0] & 1, &t, why, sizeof(why));
	if (rc != ERR_OK) {
		assert(t == NULL);
		assert(strlen(why) < sizeof(why));
		return 0;
	}
	self_partial = t;
	(void)tmpl_check_vars(t, view, why, sizeof(why));
	assert(strlen(why) < sizeof(why));
	buf_init(&b, 1 << 20);
	buf_puts(&b, "x");
	rc = tmpl_render(t, view, partial, NULL, &b);
	assert(b.len <= b.max);
	if (rc != ERR_OK)
		assert(b.len == 1 && strcmp(b.p, "x") == 0);
	else
		assert(strlen(b.p) <= b.len);
	buf_release(&b);
	tmpl_free(t);
	self_partial = NULL;
	return 0;
}
