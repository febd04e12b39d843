build-b18/obj/base/hash.o: src/base/hash.c src/base/base.h \
 src/base/banned.h src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/base/hash.h:
