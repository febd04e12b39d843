build-b18/obj/risk/risk_json.o: src/risk/risk_json.c src/base/base.h \
 src/base/banned.h src/risk/risk_int.h src/risk/risk.h src/model/facts.h \
 src/base/arena.h src/base/buf.h src/base/err.h src/model/enums.h \
 src/model/record.h src/base/hash.h
src/base/base.h:
src/base/banned.h:
src/risk/risk_int.h:
src/risk/risk.h:
src/model/facts.h:
src/base/arena.h:
src/base/buf.h:
src/base/err.h:
src/model/enums.h:
src/model/record.h:
src/base/hash.h:
