/* SPDX-License-Identifier: MIT */
/*
 * bench/scan-hits.c: hash the hit stream of the scan engine, so that a
 * change to src/scan/ can be checked to keep the hits identical: the
 * category, normalised value, column name and id, record and line number
 * of every hit in order, and the record and line counts (docs/benchmarks.md,
 * "per-value work").  bench/scan-hits.sh builds it against two builds and
 * compares them on generated, dense, mutated and fuzz-corpus inputs.
 *   scan-hits [-F FMT] [-t] [-B BLOCK] [-z] [-q] [-r N] FILE...
 * -F forces a format (enum scan_format), -t the tab delimiter, -B the
 * block size (cut at the last line end), -z the fuzz targets' framing
 * (fuzz_scan_line, then fuzz_csv_sniff), -q counts only (timing), -r
 * repeats.  Prints "hits N hash H cat=count..."; the engine time on stderr.
 */
#define _GNU_SOURCE
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "scan/detect.h"

struct sum {
	uint64_t h, n, cat[SCAN_CAT__MAX];
	int quick;
};

static void
mix(struct sum *s, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		s->h ^= b[i];
		s->h *= 0x100000001b3ull;
	}
}

static void
hit(void *ctx, const struct scan_hit *h)
{
	struct sum *s = ctx;
	uint64_t v[5];

	s->n++;
	s->cat[h->cat]++;
	if (s->quick)
		return;
	v[0] = h->cat;
	v[1] = h->len;
	v[2] = h->col_id;
	v[3] = h->rec;
	v[4] = h->line;
	mix(s, v, sizeof(v));
	mix(s, h->val, h->len + 1);
	if (h->col != NULL)
		mix(s, h->col, strlen(h->col) + 1);
	else
		mix(s, "\xff", 1);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = xmalloc((size_t)n + 1);
	if (fread(b, 1, (size_t)n, f) != (size_t)n)
		exit(1);
	fclose(f);
	*len = (size_t)n;
	return b;
}

int
main(int argc, char **argv)
{
	int fmt = -1, fuzz = 0, quick = 0, reps = 1;
	size_t blk = 1 << 20;
	char delim = ',';
	int i = 1;
	struct sum tot = { 0xcbf29ce484222325ull, 0, { 0 }, 0 };
	double t = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-F") == 0)
			fmt = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-t") == 0)
			delim = '\t';
		else if (strcmp(argv[i], "-z") == 0)
			fuzz = 1;
		else if (strcmp(argv[i], "-q") == 0)
			quick = 1;
		else if (strcmp(argv[i], "-r") == 0)
			reps = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-B") == 0)
			blk = (size_t)strtoul(argv[++i], NULL, 10);
	}
	tot.quick = quick;
	for (; i < argc; i++) {
		size_t len;
		char *buf = slurp(argv[i], &len);

		for (int r = 0; r < reps; r++) {
			struct scan_engine *e = scan_engine_new(hit, &tot);
			struct timespec a, b;

			clock_gettime(CLOCK_MONOTONIC, &a);
			if (fuzz) {
				const char *d = buf;
				size_t cut = 1;

				if (len < 1)
					goto done;
				if ((unsigned char)d[0] % (SCAN_FMT__MAX + 1) ==
				    SCAN_FMT__MAX)
					scan_engine_sniff(e, d + 1, len - 1);
				else
					scan_engine_set_format(e,
					    (enum scan_format)((unsigned char)
					            d[0] %
					        (SCAN_FMT__MAX + 1)),
					    (char)((unsigned char)d[0] >> 4 & 1
					            ? '\t'
					            : ','));
				for (size_t k = len / 2; k < len; k++) {
					if (d[k] == '\n') {
						cut = k + 1;
						break;
					}
				}
				if (cut > 1 && cut <= len) {
					scan_engine_lines(e, d + 1, cut - 1);
					scan_engine_lines(
					    e, d + cut, len - cut);
				} else {
					scan_engine_lines(e, d + 1, len - 1);
				}
				/* and the sniffing target */
				scan_engine_free(e);
				e = scan_engine_new(hit, &tot);
				scan_engine_sniff(e, d, len);
				scan_engine_lines(e, d, len);
				goto done;
			}
			if (fmt >= 0)
				scan_engine_set_format(
				    e, (enum scan_format)fmt, delim);
			else
				scan_engine_sniff(
				    e, buf, len < blk ? len : blk);
			for (size_t off = 0; off < len;) {
				size_t n = len - off < blk ? len - off : blk;

				if (off + n < len) {
					const char *nl =
					    memrchr(buf + off, '\n', n);

					if (nl != NULL)
						n = (size_t)(nl - buf - off) + 1;
				}
				scan_engine_lines(e, buf + off, n);
				off += n;
			}
		done:
			clock_gettime(CLOCK_MONOTONIC, &b);
			t += (double)(b.tv_sec - a.tv_sec) +
			     (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
			{
				uint64_t rv[2] = { scan_engine_records(e),
					scan_engine_lines_seen(e) };
				if (!quick)
					mix(&tot, rv, sizeof(rv));
			}
			scan_engine_free(e);
		}
		free(buf);
	}
	printf("hits %llu hash %016llx", (unsigned long long)tot.n,
	    (unsigned long long)tot.h);
	for (unsigned c = 0; c < SCAN_CAT__MAX; c++)
		if (tot.cat[c])
			printf(" %s=%llu", scan_cat_name(c),
			    (unsigned long long)tot.cat[c]);
	printf("\n");
	fprintf(stderr, "engine %.3f s\n", t);
	return 0;
}
