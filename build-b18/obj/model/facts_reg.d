build-b18/obj/model/facts_reg.o: src/model/facts_reg.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/model/facts.h \
 src/base/arena.h src/base/buf.h src/model/enums.h src/model/record.h \
 src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
