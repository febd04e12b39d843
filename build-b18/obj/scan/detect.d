build-b18/obj/scan/detect.o: src/scan/detect.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/base/xalloc.h \
 src/scan/detect.h src/scan/normalize.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/scan/detect.h:
src/scan/normalize.h:
