build-b18/obj/svc/svc.o: src/svc/svc.c src/base/base.h src/base/banned.h \
 src/base/clock.h src/base/err.h src/base/hash.h src/base/str.h \
 build-b18/gen/embed.h src/model/json_out.h src/base/buf.h \
 src/model/record.h src/risk/deadline.h src/model/facts.h \
 src/base/arena.h src/model/enums.h src/model/regime.h src/svc/svc_int.h \
 src/svc/svc.h src/doc/tmpl.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/hash.h:
src/base/str.h:
build-b18/gen/embed.h:
src/model/json_out.h:
src/base/buf.h:
src/model/record.h:
src/risk/deadline.h:
src/model/facts.h:
src/base/arena.h:
src/model/enums.h:
src/model/regime.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/store/store.h:
