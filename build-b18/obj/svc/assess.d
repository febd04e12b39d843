build-b18/obj/svc/assess.o: src/svc/assess.c src/base/base.h \
 src/base/banned.h src/base/hash.h src/risk/risk.h src/model/facts.h \
 src/base/arena.h src/base/buf.h src/base/err.h src/model/enums.h \
 src/model/record.h src/svc/svc_int.h src/svc/svc.h src/doc/tmpl.h \
 src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/hash.h:
src/risk/risk.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
src/model/enums.h:
src/model/record.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/model/regime.h:
src/store/store.h:
