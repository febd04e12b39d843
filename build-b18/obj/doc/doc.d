build-b18/obj/doc/doc.o: src/doc/doc.c src/base/base.h src/base/banned.h \
 src/doc/doc.h src/base/arena.h src/base/buf.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/doc/doc.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
