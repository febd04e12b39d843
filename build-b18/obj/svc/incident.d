build-b18/obj/svc/incident.o: src/svc/incident.c src/base/base.h \
 src/base/banned.h src/base/buf.h src/base/err.h src/base/clock.h \
 src/base/hash.h src/base/str.h src/base/xalloc.h src/model/json_out.h \
 src/model/record.h src/svc/svc_int.h src/svc/svc.h src/base/arena.h \
 src/doc/tmpl.h src/model/facts.h src/model/enums.h src/model/regime.h \
 src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/buf.h:
src/base/err.h:
src/base/clock.h:
src/base/hash.h:
src/base/str.h:
src/base/xalloc.h:
src/model/json_out.h:
src/model/record.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/base/arena.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/regime.h:
src/store/store.h:
