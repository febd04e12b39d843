build-b18/obj/svc/account.o: src/svc/account.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/svc/svc_int.h \
 src/svc/svc.h src/base/arena.h src/base/buf.h src/doc/tmpl.h \
 src/model/facts.h src/model/enums.h src/model/record.h src/base/hash.h \
 src/model/regime.h src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/base/arena.h:
src/base/buf.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/model/regime.h:
src/store/store.h:
