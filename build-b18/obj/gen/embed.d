build-b18/obj/gen/embed.o: build-b18/gen/embed.c build-b18/gen/embed.h
build-b18/gen/embed.h:
