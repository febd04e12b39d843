build-b18/obj/scan/scan.o: src/scan/scan.c src/base/base.h \
 src/base/banned.h src/base/str.h src/base/err.h src/base/xalloc.h \
 src/model/facts.h src/base/arena.h src/base/buf.h src/model/enums.h \
 src/model/record.h src/base/hash.h src/scan/matcher.h \
 src/scan/normalize.h src/scan/reader.h src/scan/scan.h src/scan/detect.h
src/base/base.h:
src/base/banned.h:
src/base/str.h:
src/base/err.h:
src/base/xalloc.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
src/scan/matcher.h:
src/scan/normalize.h:
src/scan/reader.h:
src/scan/scan.h:
src/scan/detect.h:
