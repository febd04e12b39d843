/* SPDX-License-Identifier: MIT */
/*
 * http/static.c: the embedded assets (src/www/), served with an ETag
 * that is their content hash, and the OpenAPI document.
 */
#include "base/base.h"

#include "base/hash.h"
#include "embed.h"
#include "http/http_int.h"

static const struct embed *
find(const char *name)
{
	for (size_t i = 0; i < embeds_n; i++)
		if (strcmp(embeds[i].name, name) == 0)
			return &embeds[i];
	return NULL;
}

static const char *
type_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL)
		return "application/octet-stream";
	if (strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	if (strcmp(dot, ".json") == 0)
		return "application/json";
	return "application/octet-stream";
}

static void
serve_embed(struct http_req *req, struct http_resp *resp, const char *path)
{
	const struct embed *e = find(path);
	char h[SHA256_HEX], etag[24];

	if (e == NULL) {
		resp_error(req, resp, 404, "no such file");
		return;
	}
	sha256_hex(e->data, e->len, h);
	snprintf(etag, sizeof(etag), "\"%.16s\"", h);
	resp->cacheable = true;
	resp->ctype = type_of(path);
	resp_header(resp, "ETag", etag);
	if (req->if_none_match != NULL &&
	    strcmp(req->if_none_match, etag) == 0) {
		resp->status = 304;
		return;
	}
	(void)buf_append(&resp->body, e->data, e->len);
}

void
static_serve(struct http_req *req, struct http_resp *resp)
{
	const char *f = req->param[0];

	for (const char *p = f; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		        *p == '-' || *p == '.')) {
			resp_error(req, resp, 404, "no such file");
			return;
		}
	serve_embed(req, resp, arena_printf(req->a, "src/www/%s", f));
}

void
api_openapi(struct http_req *req, struct http_resp *resp)
{
	serve_embed(req, resp, "docs/openapi.json");
}
