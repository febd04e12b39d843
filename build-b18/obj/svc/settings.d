build-b18/obj/svc/settings.o: src/svc/settings.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/str.h \
 src/doc/notify.h src/base/arena.h src/doc/doc.h src/base/buf.h \
 src/model/facts.h src/model/enums.h src/model/record.h src/base/hash.h \
 src/scan/normalize.h src/svc/svc_int.h src/svc/svc.h src/doc/tmpl.h \
 src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/str.h:
src/doc/notify.h:
src/base/arena.h:
src/doc/doc.h:
src/base/buf.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/scan/normalize.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/model/regime.h:
src/store/store.h:
