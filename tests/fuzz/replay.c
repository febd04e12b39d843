/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/replay.c: a plain main() that feeds every file named on the
 * command line to LLVMFuzzerTestOneInput, so the fuzz corpora replay as
 * regression tests in the normal (gcc or ASan) suite, without clang's
 * libFuzzer.  Prints "replay: N passed, 0 failed"; a crash fails loudly.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/hash.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	size_t n = 0;

	if (hash_init() != 0 || clock_set_zone("Europe/Berlin") != ERR_OK)
		return 1;
	for (int i = 1; i < argc; i++) {
		struct buf b;
		FILE *fp = fopen(argv[i], "rb");

		if (fp == NULL) {
			perror(argv[i]);
			return 1;
		}
		buf_init(&b, 16 << 20);
		if (buf_read_file(&b, fp) != ERR_OK) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			fclose(fp);
			return 1;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(
		    (const uint8_t *)(b.p ? b.p : ""), b.len);
		buf_release(&b);
		n++;
	}
	printf("replay: %zu passed, 0 failed\n", n);
	return 0;
}
