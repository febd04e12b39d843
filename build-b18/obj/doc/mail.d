build-b18/obj/doc/mail.o: src/doc/mail.c src/base/base.h \
 src/base/banned.h src/doc/mail.h src/base/buf.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/doc/mail.h:
src/base/buf.h:
src/base/err.h:
