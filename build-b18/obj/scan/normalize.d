build-b18/obj/scan/normalize.o: src/scan/normalize.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/scan/normalize.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/scan/normalize.h:
