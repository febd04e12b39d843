/* SPDX-License-Identifier: MIT */
/*
 * base/banned.h: git's trick of turning unsafe calls into compile errors.
 * base/xalloc.c undefines the allocation bans; nothing else may.
 */
#ifndef BREACHKIT_BANNED_H
#define BREACHKIT_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef strtok_r
#define strtok_r(x, y, z) BANNED(strtok_r)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atoll
#define atoll(x) BANNED(atoll)
#undef atof
#define atof(x) BANNED(atof)
#undef sscanf
#define sscanf(...) BANNED(sscanf)
#undef gmtime
#define gmtime(x) BANNED(gmtime)
#undef localtime
#define localtime(x) BANNED(localtime)
#undef ctime
#define ctime(x) BANNED(ctime)
#undef asctime
#define asctime(x) BANNED(asctime)
#undef mktemp
#define mktemp(x) BANNED(mktemp)
#undef tmpnam
#define tmpnam(x) BANNED(tmpnam)
#undef rand
#define rand() BANNED(rand)
#undef random
#define random() BANNED(random)
#undef system
#define system(x) BANNED(system)
#undef popen
#define popen(x, y) BANNED(popen)

#ifndef BREACHKIT_XALLOC_IMPL
#undef malloc
#define malloc(x) BANNED(malloc)
#undef calloc
#define calloc(x, y) BANNED(calloc)
#undef realloc
#define realloc(x, y) BANNED(realloc)
#undef strdup
#define strdup(x) BANNED(strdup)
#endif

#endif
