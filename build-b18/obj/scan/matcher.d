build-b18/obj/scan/matcher.o: src/scan/matcher.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/base/xalloc.h \
 src/scan/matcher.h src/scan/normalize.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/scan/matcher.h:
src/scan/normalize.h:
