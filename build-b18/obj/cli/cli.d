build-b18/obj/cli/cli.o: src/cli/cli.c src/base/base.h src/base/banned.h \
 src/base/clock.h src/base/err.h src/base/hash.h src/base/str.h \
 src/base/xalloc.h src/cli/cli.h src/base/buf.h src/svc/svc.h \
 src/base/arena.h src/doc/tmpl.h src/model/facts.h src/model/enums.h \
 src/model/record.h src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/hash.h:
src/base/str.h:
src/base/xalloc.h:
src/cli/cli.h:
src/base/buf.h:
src/svc/svc.h:
src/base/arena.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/model/regime.h:
src/store/store.h:
