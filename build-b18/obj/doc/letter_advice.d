build-b18/obj/doc/letter_advice.o: src/doc/letter_advice.c \
 src/base/base.h src/base/banned.h src/doc/letter_int.h src/doc/letter.h \
 src/base/buf.h src/base/err.h src/doc/csv.h src/doc/tmpl.h \
 src/model/facts.h src/base/arena.h src/model/enums.h src/model/record.h \
 src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/doc/letter_int.h:
src/doc/letter.h:
src/base/buf.h:
src/base/err.h:
src/doc/csv.h:
src/doc/tmpl.h:
src/model/facts.h:
src/base/arena.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
