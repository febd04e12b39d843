build-b18/obj/base/xalloc.o: src/base/xalloc.c src/base/base.h \
 src/base/banned.h src/base/xalloc.h
src/base/base.h:
src/base/banned.h:
src/base/xalloc.h:
