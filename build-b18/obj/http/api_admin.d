build-b18/obj/http/api_admin.o: src/http/api_admin.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/str.h \
 src/http/http_int.h src/base/arena.h src/base/buf.h src/http/http.h \
 src/svc/svc.h src/doc/tmpl.h src/model/facts.h src/model/enums.h \
 src/model/record.h src/base/hash.h src/model/regime.h src/store/store.h \
 src/http/parse.h src/http/valid.h src/model/json_out.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/str.h:
src/http/http_int.h:
src/base/arena.h:
src/base/buf.h:
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
src/model/json_out.h:
