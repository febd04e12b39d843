build-b18/obj/risk/deadline.o: src/risk/deadline.c src/base/base.h \
 src/base/banned.h src/risk/deadline.h src/model/facts.h src/base/arena.h \
 src/base/buf.h src/base/err.h src/model/enums.h src/model/record.h \
 src/base/hash.h src/model/regime.h
src/base/base.h:
src/base/banned.h:
src/risk/deadline.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/model/regime.h:
