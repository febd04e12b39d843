build-b18/obj/doc/csv.o: src/doc/csv.c src/base/base.h src/base/banned.h \
 src/base/str.h src/base/err.h src/base/xalloc.h src/doc/csv.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/doc/csv.h:
