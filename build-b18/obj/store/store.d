build-b18/obj/store/store.o: src/store/store.c src/base/base.h \
 src/base/banned.h src/base/xalloc.h src/model/facts.h src/base/arena.h \
 src/base/buf.h src/base/err.h src/model/enums.h src/model/record.h \
 src/base/hash.h src/store/store.h src/store/store_int.h
src/base/base.h:
src/base/banned.h:
src/base/xalloc.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/store/store.h:
src/store/store_int.h:
