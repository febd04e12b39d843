build-b18/obj/store/backend_sqlite.o: src/store/backend_sqlite.c \
 src/base/base.h src/base/banned.h src/base/xalloc.h \
 src/store/store_int.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/base/xalloc.h:
src/store/store_int.h:
src/base/err.h:
