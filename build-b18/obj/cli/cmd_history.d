build-b18/obj/cli/cmd_history.o: src/cli/cmd_history.c src/base/base.h \
 src/base/banned.h src/cli/cli.h src/base/buf.h src/base/err.h \
 src/svc/svc.h src/base/arena.h src/doc/tmpl.h src/model/facts.h \
 src/model/enums.h src/model/record.h src/base/hash.h src/model/regime.h \
 src/store/store.h
src/base/base.h:
src/base/banned.h:
src/cli/cli.h:
src/base/buf.h:
src/base/err.h:
src/svc/svc.h:
src/base/arena.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/model/regime.h:
src/store/store.h:
