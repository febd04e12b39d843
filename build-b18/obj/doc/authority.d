build-b18/obj/doc/authority.o: src/doc/authority.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/doc/notify.h \
 src/base/arena.h src/doc/doc.h src/base/buf.h src/model/facts.h \
 src/model/enums.h src/model/record.h src/base/hash.h \
 build-b18/gen/embed.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/doc/notify.h:
src/base/arena.h:
src/doc/doc.h:
src/base/buf.h:
src/model/facts.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
build-b18/gen/embed.h:
