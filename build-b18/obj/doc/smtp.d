build-b18/obj/doc/smtp.o: src/doc/smtp.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/base/xalloc.h \
 src/doc/smtp.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/doc/smtp.h:
