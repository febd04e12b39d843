/* SPDX-License-Identifier: MIT */
/*
 * doc/tmpl_int.h: the parsed form of a template, shared by the parser
 * (tmpl_parse.c) and the renderer (tmpl_render.c).
 *
 * The AST is one flat array in document order.  A section node's children
 * are the nodes that follow it up to `end` (exclusive), so rendering walks
 * an index range and never allocates.  Dotted names are split at parse
 * time into NUL-terminated keys, so a lookup is a few json_object_get()
 * calls and nothing else.
 */
#ifndef BREACHKIT_TMPL_INT_H
#define BREACHKIT_TMPL_INT_H

#include "base/arena.h"
#include "doc/tmpl.h"

enum node_kind {
	NODE_TEXT,     /* literal bytes */
	NODE_VAR,      /* {{name}}: escaped */
	NODE_RAW,      /* {{{name}}} or {{& name}}: trusted templates only */
	NODE_SECTION,  /* {{#name}} ... {{/name}} */
	NODE_INVERTED, /* {{^name}} ... {{/name}} */
	NODE_PARTIAL   /* {{> name}} */
};

enum {
	TMPL_NAME_MAX = 128,
	TMPL_KEYS_MAX = 16,
	TMPL_NODES_MAX = 1 << 16,
	TMPL_ROOTS_MAX = 64 /* first keys cached per render */
};

struct node {
	enum node_kind kind;
	unsigned line;
	/* NODE_TEXT: the bytes (in the template's copy of the source). */
	const char *text;
	size_t len;
	/* Names: keys_n == 0 means "." (the current context). */
	const char *name; /* as written, for messages */
	const char *const *keys;
	const size_t *key_lens;
	size_t keys_n;
	/*
	 * The first key's slot in the per-render cache of lookups in the
	 * view's top level, or -1: a letter names org.* and dpo.* many times
	 * and jansson hashes the key on every lookup.
	 */
	int root;
	/* Sections: children are [this + 1, end). */
	size_t end;
};

struct tmpl {
	enum tmpl_type type;
	bool trusted;
	struct arena *a;    /* names, keys, source copy */
	struct node *nodes; /* xmalloc'd */
	size_t nodes_n;
	const char *roots[TMPL_ROOTS_MAX]; /* distinct first keys */
	size_t roots_n;
};

#endif
