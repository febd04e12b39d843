build-b18/obj/base/str.o: src/base/str.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
