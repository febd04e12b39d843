/* SPDX-License-Identifier: MIT */
/* doc/letter_int.h: what letter.c and letter_advice.c share. */
#ifndef BREACHKIT_LETTER_INT_H
#define BREACHKIT_LETTER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "doc/letter.h"

struct advice {
	uint64_t cats; /* any of these categories selects it */
	const char *title_de;
	const char *text_de;
	const char *title_en;
	const char *text_en;
};

extern const struct advice letter_advice[];
extern const size_t letter_advice_n;
extern const struct advice letter_conseq[];
extern const size_t letter_conseq_n;

#endif
