build-b18/obj/http/api_incident.o: src/http/api_incident.c \
 src/base/base.h src/base/banned.h src/base/str.h src/base/err.h \
 src/doc/notify.h src/base/arena.h src/doc/doc.h src/base/buf.h \
 src/model/facts.h src/model/enums.h src/model/record.h src/base/hash.h \
 src/http/http_int.h src/http/http.h src/svc/svc.h src/doc/tmpl.h \
 src/model/regime.h src/store/store.h src/http/parse.h src/http/valid.h \
 src/model/json_out.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/doc/notify.h:
src/base/arena.h:
src/doc/doc.h:
src/base/buf.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/http/http_int.h:
src/http/http.h:
src/svc/svc.h:
src/doc/tmpl.h:
src/model/regime.h:
src/store/store.h:
src/http/parse.h:
src/http/valid.h:
src/model/json_out.h:
