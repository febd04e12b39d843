build-b18/obj/base/err.o: src/base/err.c src/base/base.h \
 src/base/banned.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/base/err.h:
