build-b18/obj/doc/tmpl_render.o: src/doc/tmpl_render.c src/base/base.h \
 src/base/banned.h src/doc/tmpl_int.h src/base/arena.h src/doc/tmpl.h \
 src/base/buf.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/doc/tmpl_int.h:
src/base/arena.h:
src/doc/tmpl.h:
src/base/buf.h:
src/base/err.h:
