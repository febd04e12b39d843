build-b18/obj/model/regime.o: src/model/regime.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/str.h \
 src/model/regime.h src/base/arena.h src/model/facts.h src/base/buf.h \
 src/model/enums.h src/model/record.h src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/str.h:
src/model/regime.h:
src/base/arena.h:
src/model/facts.h:
src/base/buf.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
