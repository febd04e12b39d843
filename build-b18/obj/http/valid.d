build-b18/obj/http/valid.o: src/http/valid.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/str.h \
 src/http/valid.h src/model/facts.h src/base/arena.h src/base/buf.h \
 src/model/enums.h src/model/record.h src/base/hash.h src/svc/svc.h \
 src/doc/tmpl.h src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/str.h:
src/http/valid.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/model/regime.h:
src/store/store.h:
