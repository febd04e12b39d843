build-b18/obj/doc/tmpl_parse.o: src/doc/tmpl_parse.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/base/xalloc.h \
 src/doc/tmpl_int.h src/base/arena.h src/doc/tmpl.h src/base/buf.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/doc/tmpl_int.h:
src/base/arena.h:
src/doc/tmpl.h:
src/base/buf.h:
