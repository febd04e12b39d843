/* SPDX-License-Identifier: MIT */
/*
 * base/arena.h: bump allocator for request- and command-scoped memory.
 * Everything allocated from an arena is released at once by arena_free().
 * Not thread-safe: one arena per thread or request.
 */
#ifndef BREACHKIT_ARENA_H
#define BREACHKIT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* Release every allocation and the arena.  NULL is a no-op. */
void arena_free(struct arena *);
/* Zeroed memory, aligned for any type; aborts on OOM. */
void *arena_alloc(struct arena *, size_t);
void *arena_allocarray(struct arena *, size_t n, size_t size);
char *arena_strdup(struct arena *, const char *);
char *arena_strndup(struct arena *, const char *, size_t);
char *arena_printf(struct arena *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

#endif
