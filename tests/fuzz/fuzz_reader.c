/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_reader.c: the reader (gzip, zstd, UTF-16, Latin-1
 * sniffing and decoding) over arbitrary bytes from a memory file.  No
 * crash; the decoded stream is bounded; a truncated or corrupt archive
 * ends with a warning, not an error.
 */
#define _GNU_SOURCE /* memfd_create */
#include "base/base.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scan/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
warn(void *ctx, uint64_t off, const char *msg)
{
	(void)off;
	if (msg == NULL || msg[0] == '\0')
		BUG("empty warning");
	(*(int *)ctx)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static char buf[1 << 16];
	struct reader *r;
	int fd = memfd_create("fuzz", 0), warns = 0;
	size_t got, total = 0;

	if (fd < 0)
		return 0;
	if (write(fd, data, len) != (ssize_t)len ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return 0;
	}
	if (reader_open(fd, warn, &warns, &r) == ERR_OK) {
		while (reader_read(r, buf, sizeof(buf), &got) == ERR_OK &&
		       got > 0) {
			if (got > sizeof(buf))
				BUG("reader overran its buffer");
			total += got;
			if (total > (64u << 20))
				break;
		}
		if (reader_encoding(r) >= READER_ENC__MAX)
			BUG("encoding out of range");
		reader_free(r);
	}
	close(fd);
	return 0;
}
