build-b18/obj/http/session.o: src/http/session.c src/base/base.h \
 src/base/banned.h src/http/http_int.h src/base/arena.h src/base/buf.h \
 src/base/err.h src/http/http.h src/svc/svc.h src/doc/tmpl.h \
 src/model/facts.h src/model/enums.h src/model/record.h src/base/hash.h \
 src/model/regime.h src/store/store.h src/http/parse.h src/http/valid.h
src/base/base.h:
src/base/banned.h:
src/http/http_int.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
src/http/http.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/model/regime.h:
src/store/store.h:
src/http/parse.h:
src/http/valid.h:
