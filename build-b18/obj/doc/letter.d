build-b18/obj/doc/letter.o: src/doc/letter.c src/base/base.h \
 src/base/banned.h src/base/arena.h src/base/clock.h src/base/err.h \
 src/base/hash.h src/base/str.h src/base/xalloc.h src/doc/letter_int.h \
 src/doc/letter.h src/base/buf.h src/doc/csv.h src/doc/tmpl.h \
 src/model/facts.h src/model/enums.h src/model/record.h src/doc/mail.h
src/base/base.h:
src/base/banned.h:
src/base/arena.h:
src/base/clock.h:
src/base/err.h:
src/base/hash.h:
src/base/str.h:
src/base/xalloc.h:
src/doc/letter_int.h:
src/doc/letter.h:
src/base/buf.h:
src/doc/csv.h:
src/doc/tmpl.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/doc/mail.h:
