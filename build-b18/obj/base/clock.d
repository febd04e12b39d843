build-b18/obj/base/clock.o: src/base/clock.c src/base/base.h \
 src/base/banned.h src/base/clock.h src/base/err.h src/base/str.h
src/base/base.h:
src/base/banned.h:
src/base/clock.h:
src/base/err.h:
src/base/str.h:
