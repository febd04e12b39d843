build-b18/obj/scan/reader.o: src/scan/reader.c src/base/base.h \
 src/base/banned.h src/base/xalloc.h src/scan/reader.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/base/xalloc.h:
src/scan/reader.h:
src/base/err.h:
