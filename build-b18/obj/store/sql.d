build-b18/obj/store/sql.o: src/store/sql.c src/base/base.h \
 src/base/banned.h src/store/store_int.h src/base/err.h
src/base/base.h:
src/base/banned.h:
src/store/store_int.h:
src/base/err.h:
