# breachkit: the single build entry point (GNU make).  See docs/design.md.
#   make                  build build/breachkit
#   make check            unit + e2e + fuzz-corpus replay; last line "check: N passed, M failed"
#   make SANITIZE=1 BUILD=build-asan check    the same under ASan + UBSan
#   make lint             clang-format, cppcheck, clang-tidy and our own greps
#   make fuzz fuzz-smoke  libFuzzer targets (clang) and short bounded runs
PROG	:= breachkit
BUILD	?= build
CC	?= cc
PKGS	:= sqlite3 libsodium jansson pangocairo libcurl zlib libzstd libhs \
	   libevent libevent_pthreads
VERSION	:= $(shell git describe --always --dirty 2>/dev/null || echo unknown)

WARN	:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wold-style-definition -Wformat=2 -Wvla \
	   -Wwrite-strings -Wpointer-arith -Wundef -Wimplicit-fallthrough \
	   -Wnull-dereference
HARDEN	:= -fstack-protector-strong -fPIE
CPPFLAGS += -Isrc -I$(BUILD)/gen -D_DEFAULT_SOURCE -MMD -MP \
	   -DBREACHKIT_VERSION='"$(VERSION)"'
CFLAGS	?= -O2 -g
CFLAGS	+= -std=c11 $(WARN) $(HARDEN) $(shell pkg-config --cflags $(PKGS))
LDFLAGS	+= -pie -Wl,-z,relro -Wl,-z,now
LDLIBS	+= $(shell pkg-config --libs $(PKGS)) -lpthread -lm

ifeq ($(SANITIZE),1)
CC	:= clang
CFLAGS	+= -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	   -fno-sanitize-recover=all
LDFLAGS	+= -fsanitize=address,undefined
else
CPPFLAGS += -D_FORTIFY_SOURCE=2
endif
# gcc's format-truncation warning flags snprintf() calls whose truncation is
# intended and bounded (field names in error messages); clang has no such flag.
ifneq ($(findstring clang,$(shell $(CC) --version 2>/dev/null | head -1)),clang)
CFLAGS	+= -Wno-format-truncation
endif

SUBSYS	:= base model store risk doc scan svc http cli
SRCS	:= $(foreach d,$(SUBSYS),$(wildcard src/$(d)/*.c))
OBJS	:= $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embed.o
MAIN_O	:= $(BUILD)/obj/main.o
SCHEMA	:= $(sort $(wildcard src/store/schema/sqlite/*.sql)) \
	   $(sort $(wildcard src/store/schema/sqlite-audit/*.sql))
REGIMES	:= $(sort $(wildcard regimes/*.json))
AUTHORITIES := $(sort $(wildcard authorities/*.json))
TEMPLATES := $(sort $(wildcard src/doc/templates/*))
WWW	:= $(sort $(wildcard src/www/*)) docs/openapi.json
EMBEDS	:= $(SCHEMA) $(REGIMES) $(AUTHORITIES) $(TEMPLATES) $(WWW)

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_OBJS := $(UNIT_SRCS:tests/%.c=$(BUILD)/obj/tests/%.o) \
	     $(BUILD)/obj/tests/unit/main.o
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRCS:tests/fuzz/%.c=%)

.PHONY: all check unit e2e replay lint format fuzz fuzz-smoke valgrind \
	clean install bench docs-check
all: $(BUILD)/$(PROG)

$(BUILD)/$(PROG): $(OBJS) $(MAIN_O)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/gen/embed.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Embedded files (migrations, regimes): tools/mkembed turns them into C arrays.
$(BUILD)/tools/mkembed: tools/mkembed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<
$(BUILD)/gen/embed.c $(BUILD)/gen/embed.h &: $(BUILD)/tools/mkembed $(EMBEDS)
	@mkdir -p $(BUILD)/gen
	$(BUILD)/tools/mkembed $(BUILD)/gen/embed $(EMBEDS)
$(BUILD)/obj/gen/embed.o: $(BUILD)/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Unit tests: each tests/unit/test_<m>.c exports <m>_tests[] and <m>_tests_n;
# the group table is generated from the file names.
$(BUILD)/gen/unit_groups.h: $(UNIT_SRCS)
	@mkdir -p $(dir $@)
	@{ for f in $(notdir $(UNIT_SRCS:.c=)); do m=$${f#test_}; \
	   echo "extern const struct CMUnitTest $${m}_tests[];"; \
	   echo "extern const size_t $${m}_tests_n;"; done; \
	   echo "#define UNIT_GROUPS \\"; \
	   for f in $(notdir $(UNIT_SRCS:.c=)); do m=$${f#test_}; \
	   echo "	{ \"$$m\", $${m}_tests, &$${m}_tests_n }, \\"; done; \
	   echo ""; } > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/gen/unit_groups.h | $(BUILD)/gen/embed.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<
$(BUILD)/unit-tests: $(OBJS) $(UNIT_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

# Corpus replay: every fuzz target linked with a plain main() (tests/fuzz/replay.c).
$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ \
	    tests/fuzz/$*.c tests/fuzz/replay.c $(OBJS) $(LDLIBS)

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests
e2e: $(BUILD)/$(PROG)
	BUILD=$(BUILD) tests/e2e/run.sh
replay: $(FUZZ_NAMES:%=$(BUILD)/replay/%)
	BUILD=$(BUILD) tests/fuzz/replay.sh $(FUZZ_NAMES)
check: $(BUILD)/$(PROG) $(BUILD)/unit-tests $(FUZZ_NAMES:%=$(BUILD)/replay/%)
	BUILD=$(BUILD) tests/run-all.sh

# libFuzzer builds: project objects with fuzzer-no-link, target with fuzzer.
FUZZ_CFLAGS := -std=c11 -O1 -g -fno-omit-frame-pointer \
	       -fsanitize=fuzzer-no-link,address,undefined \
	       $(shell pkg-config --cflags $(PKGS))
build-fuzz/obj/%.o: src/%.c | build-fuzz/gen/embed.h
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(CPPFLAGS:$(BUILD)/gen=build-fuzz/gen) $(FUZZ_CFLAGS) -c -o $@ $<
build-fuzz/gen/embed.h build-fuzz/gen/embed.c &: $(BUILD)/gen/embed.c
	@mkdir -p build-fuzz/gen
	cp $(BUILD)/gen/embed.c $(BUILD)/gen/embed.h build-fuzz/gen/
FUZZ_OBJS := $(SRCS:src/%.c=build-fuzz/obj/%.o) build-fuzz/obj/gen/embed.o
build-fuzz/obj/gen/embed.o: build-fuzz/gen/embed.c
	@mkdir -p $(dir $@)
	clang -Ibuild-fuzz/gen $(FUZZ_CFLAGS) -c -o $@ $<
build-fuzz/%: tests/fuzz/%.c $(FUZZ_OBJS)
	clang -Isrc -Ibuild-fuzz/gen -D_DEFAULT_SOURCE $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)
fuzz: $(FUZZ_NAMES:%=build-fuzz/%)
FUZZ_SECONDS ?= 5
fuzz-smoke: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/smoke.sh $(FUZZ_NAMES)

lint: $(BUILD)/$(PROG)
	tools/lint.sh

format:
	clang-format -i $(shell find src tests -name '*.[ch]')

valgrind: $(BUILD)/unit-tests
	valgrind --error-exitcode=1 --leak-check=full -q $(BUILD)/unit-tests

bench: $(BUILD)/$(PROG)
	bench/register.sh

install: $(BUILD)/$(PROG)
	install -d $(DESTDIR)/usr/local/bin $(DESTDIR)/usr/local/share/man/man1
	install -m 0755 $(BUILD)/$(PROG) $(DESTDIR)/usr/local/bin/
	install -m 0644 docs/breachkit.1 $(DESTDIR)/usr/local/share/man/man1/

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD)/obj build-fuzz/obj -name '*.d' 2>/dev/null)
