build-b18/obj/base/buf.o: src/base/buf.c src/base/base.h \
 src/base/banned.h src/base/buf.h src/base/err.h src/base/xalloc.h
src/base/base.h:
src/base/banned.h:
src/base/buf.h:
src/base/err.h:
src/base/xalloc.h:
