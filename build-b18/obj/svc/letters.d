build-b18/obj/svc/letters.o: src/svc/letters.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/xalloc.h \
 src/doc/csv.h src/doc/letter.h src/base/buf.h src/doc/tmpl.h \
 src/model/facts.h src/base/arena.h src/model/enums.h src/model/record.h \
 src/base/hash.h src/doc/mail.h src/doc/smtp.h src/scan/detect.h \
 src/scan/scan.h src/svc/svc_int.h src/svc/svc.h src/model/regime.h \
 src/store/store.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/xalloc.h:
src/doc/csv.h:
src/doc/letter.h:
src/base/buf.h:
src/doc/tmpl.h:
src/model/facts.h:
src/base/arena.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/doc/mail.h:
src/doc/smtp.h:
src/scan/detect.h:
src/scan/scan.h:
src/svc/svc_int.h:
src/svc/svc.h:
src/model/regime.h:
src/store/store.h:
