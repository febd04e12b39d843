build-b18/obj/http/parse.o: src/http/parse.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/http/parse.h \
 src/base/arena.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/http/parse.h:
src/base/arena.h:
