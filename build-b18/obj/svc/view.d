build-b18/obj/svc/view.o: src/svc/view.c src/base/base.h \
 src/base/banned.h src/model/json_out.h src/base/buf.h src/base/err.h \
 src/model/record.h src/base/hash.h src/svc/svc_int.h src/svc/svc.h \
 src/base/arena.h src/doc/tmpl.h src/model/facts.h src/model/enums.h \
 src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/model/json_out.h:
src/base/buf.h:
src/base/err.h:
src/model/record.h:
src/base/hash.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/base/arena.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/regime.h:
src/store/store.h:
