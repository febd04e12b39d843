build-b18/obj/model/record.o: src/model/record.c src/base/base.h \
 src/base/banned.h src/model/record.h src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/model/record.h:
src/base/hash.h:
