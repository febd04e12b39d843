build-b18/obj/store/migrate.o: src/store/migrate.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h build-b18/gen/embed.h \
 src/store/store_int.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
build-b18/gen/embed.h:
src/store/store_int.h:
