build-b18/obj/base/arena.o: src/base/arena.c src/base/base.h \
 src/base/banned.h src/base/arena.h src/base/xalloc.h
src/base/base.h:
src/base/banned.h:
src/base/arena.h:
src/base/xalloc.h:
