/* SPDX-License-Identifier: MIT */
/* http/parse.c: query strings, form bodies, cookies, Accept-Language. */
#include "base/base.h"

#include "base/str.h"
#include "http/parse.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode [s, s+n) into a new string; NULL (and *why) when refused. */
static char *
decode(const char *s, size_t n, bool plus, struct arena *a, const char **why)
{
	char *o = arena_alloc(a, n + 1);
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c == '+' && plus) {
			c = ' ';
		} else if (c == '%') {
			int h, l;

			if (i + 2 >= n) {
				*why = "a '%' escape is cut short";
				return NULL;
			}
			h = hexval((unsigned char)s[i + 1]);
			l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0) {
				*why = "a '%' escape is not two hex digits";
				return NULL;
			}
			c = h * 16 + l;
			i += 2;
		}
		if (c == 0 ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f) {
			*why = "a control character";
			return NULL;
		}
		o[j++] = (char)c;
	}
	o[j] = '\0';
	if (!utf8_valid(o, j)) {
		*why = "invalid UTF-8";
		return NULL;
	}
	return o;
}

static void
kv_push(struct kvlist *l, struct arena *a, const char *k, const char *v)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct kv *w = arena_allocarray(a, cap, sizeof(*w));

		if (l->n)
			memcpy(w, l->v, l->n * sizeof(*w));
		l->v = w;
		l->cap = cap;
	}
	l->v[l->n].k = k;
	l->v[l->n].v = v;
	l->n++;
}

bool
parse_urlencoded(const char *s, size_t n, struct arena *a, struct kvlist *out,
    const char **why)
{
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	while (i < n) {
		size_t j = i, eq = SIZE_MAX;
		char *k, *v;

		while (j < n && s[j] != '&') {
			if (s[j] == '=' && eq == SIZE_MAX)
				eq = j;
			j++;
		}
		if (j > i) {
			size_t kend = eq == SIZE_MAX ? j : eq;

			if (out->n >= KV_MAX) {
				*why = "too many parameters";
				return false;
			}
			if (j - i > KV_VALUE_MAX) {
				*why = "a parameter is too long";
				return false;
			}
			k = decode(s + i, kend - i, true, a, why);
			if (k == NULL)
				return false;
			v = eq == SIZE_MAX
			        ? arena_strdup(a, "")
			        : decode(s + eq + 1, j - eq - 1, true, a, why);
			if (v == NULL)
				return false;
			kv_push(out, a, k, v);
		}
		i = j + 1;
	}
	return true;
}

void
parse_cookies(const char *s, struct arena *a, struct kvlist *out)
{
	memset(out, 0, sizeof(*out));
	while (s != NULL && *s != '\0' && out->n < KV_MAX) {
		const char *e = strchr(s, ';'), *eq;
		size_t n = e != NULL ? (size_t)(e - s) : strlen(s);
		size_t kb, ke, vb, ve;

		eq = memchr(s, '=', n);
		if (eq != NULL) {
			kb = 0;
			ke = (size_t)(eq - s);
			while (kb < ke && (s[kb] == ' ' || s[kb] == '\t'))
				kb++;
			while (
			    ke > kb && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
				ke--;
			vb = ke + 1;
			while (vb < n && s[vb] == ' ')
				vb++;
			if (vb <= (size_t)(eq - s))
				vb = (size_t)(eq - s) + 1;
			ve = n;
			while (
			    ve > vb && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
				ve--;
			if (ve - vb >= 2 && s[vb] == '"' && s[ve - 1] == '"') {
				vb++;
				ve--;
			}
			if (ke > kb) {
				char *k = arena_alloc(a, ke - kb + 1);
				char *v = arena_alloc(a, ve - vb + 1);

				memcpy(k, s + kb, ke - kb);
				k[ke - kb] = '\0';
				memcpy(v, s + vb, ve - vb);
				v[ve - vb] = '\0';
				kv_push(out, a, k, v);
			}
		}
		s = e != NULL ? e + 1 : NULL;
	}
}

const char *
kv_get(const struct kvlist *l, const char *k)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].k, k) == 0)
			return l->v[i].v;
	return NULL;
}

const char *
parse_accept_language(const char *s)
{
	/* The first of de/en the client names wins; quality values are
	 * ignored, the order is what browsers send by preference. */
	for (const char *p = s; p != NULL && *p != '\0'; p++) {
		while (*p == ' ' || *p == ',')
			p++;
		if ((p[0] == 'd' || p[0] == 'D') &&
		    (p[1] == 'e' || p[1] == 'E') &&
		    (p[2] == '\0' || p[2] == '-' || p[2] == ',' || p[2] == ';'))
			return "de";
		if ((p[0] == 'e' || p[0] == 'E') &&
		    (p[1] == 'n' || p[1] == 'N') &&
		    (p[2] == '\0' || p[2] == '-' || p[2] == ',' || p[2] == ';'))
			return "en";
		p = strchr(p, ',');
		if (p == NULL)
			break;
	}
	return "de";
}

char *
parse_path(const char *s, struct arena *a)
{
	const char *why = NULL;
	char *p = decode(s, strlen(s), false, a, &why);

	if (p == NULL || p[0] != '/' || strstr(p, "/..") != NULL ||
	    strchr(p, '\\') != NULL)
		return NULL;
	return p;
}
