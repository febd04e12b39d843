/* SPDX-License-Identifier: MIT */
/*
 * risk/edpb.c: the legal recommendation after EDPB Guidelines 9/2022.  For
 * each of confidentiality, integrity and availability the engine weighs the
 * severity of the possible consequences (0..8) against their likelihood
 * (0..8) (Recital 76: "likelihood and severity"); the breach's score is the
 * highest of the three products.  No single fact decides: health data with
 * a trusted recipient stays below high risk, an exfiltration of ciphertext
 * with a safe key stays below any risk.  Every number and threshold is in
 * docs/assessment.md; every conclusion leaves a reason.
 */
#include "base/base.h"

#include "risk/risk_int.h"

/*
 * Legal severity of each data category (0..8): roughly twice ENISA's basic
 * score, raised where the EDPB names a particular harm (identity documents,
 * Recital 85's identity theft and fraud).  Credentials are scored by what
 * they unlock (credential_points).
 */
static const int data_points[DATA__MAX] = {
	[DATA_CONTACT] = 2,
	[DATA_IDENTITY] = 2,
	[DATA_ID_DOCUMENT] = 6,
	[DATA_NATIONAL_ID] = 6,
	[DATA_CREDENTIALS] = 0,
	[DATA_FINANCIAL] = 6,
	[DATA_BANK] = 5,
	[DATA_CARD] = 6,
	[DATA_ORDER] = 3,
	[DATA_LOCATION] = 4,
	[DATA_BEHAVIOURAL] = 4,
	[DATA_COMMUNICATION] = 5,
	[DATA_EMPLOYMENT] = 3,
	[DATA_EDUCATION] = 3,
	[DATA_IMAGES] = 3,
	[DATA_RACIAL] = 8,
	[DATA_POLITICAL] = 8,
	[DATA_RELIGIOUS] = 8,
	[DATA_UNION] = 8,
	[DATA_GENETIC] = 8,
	[DATA_BIOMETRIC] = 8,
	[DATA_HEALTH] = 8,
	[DATA_SEX] = 8,
	[DATA_CRIMINAL] = 8,
	[DATA_CHILDREN] = 3,
	[DATA_OTHER] = 2,
};

static const int unlock_points[UNLOCK__MAX] = {
	[UNLOCK_SAME] = 3,
	[UNLOCK_EMAIL] = 6,
	[UNLOCK_FINANCIAL] = 6,
	[UNLOCK_HEALTH] = 8,
	[UNLOCK_ADMIN] = 6,
	[UNLOCK_OTHER] = 6,
};

static const int64_t DAY = 86400;

static int
imax(int a, int b)
{
	return a > b ? a : b;
}

static int
imin(int a, int b)
{
	return a < b ? a : b;
}

static bool
is_special(unsigned c)
{
	return c >= DATA_RACIAL && c <= DATA_CRIMINAL;
}

static enum affected
affected(enum tri t)
{
	if (t == TRI_YES)
		return AFFECTED_YES;
	return t == TRI_NO ? AFFECTED_NO : AFFECTED_ASSUMED;
}

static enum grade
grade(int score)
{
	if (score >= SCORE_HIGH)
		return GRADE_HIGH;
	if (score >= SCORE_RISK)
		return GRADE_RISK;
	return score >= SCORE_BORDERLINE ? GRADE_BORDERLINE : GRADE_NONE;
}

enum intent
risk_intent(const struct facts *f, struct assessment *a)
{
	switch (f->intent) {
	case INTENT_MALICIOUS:
		note(a, R_MALICIOUS, 0);
		return INTENT_MALICIOUS;
	case INTENT_ACCIDENTAL:
		note(a, R_ACCIDENTAL, 0);
		return INTENT_ACCIDENTAL;
	default:
		break;
	}
	if (f->attack != ATTACK_UNKNOWN && f->attack != ATTACK_NONE) {
		note(a, R_INTENT_ATTACK, 0);
		return INTENT_MALICIOUS;
	}
	note_unknown(a, RF_INTENT);
	note(a, R_INTENT_UNKNOWN, 0);
	return INTENT_MALICIOUS;
}

/*
 * Credentials weigh what they open (ENISA: "the category of data the
 * credentials give access to"), discounted by how the passwords were kept.
 */
static int
credential_points(const struct facts *f, struct assessment *a)
{
	int unlock = 3;

	switch (f->password_storage) {
	case PW_NA:
		return 2; /* user names only */
	case PW_SALTED:
		note(a, R_PW_SALTED, 0);
		return 0;
	case PW_UNSALTED:
		note(a, R_PW_FAST, 0);
		break;
	case PW_PLAINTEXT:
		note(a, R_PW_PLAIN, 0);
		break;
	default:
		note_unknown(a, RF_PASSWORDS);
		note(a, R_PW_UNKNOWN, 0);
		break;
	}
	if (!f->credentials_unlock.known) {
		note_unknown(a, RF_UNLOCK);
		note(a, R_UNLOCK_UNKNOWN, 0);
		unlock = 6;
	} else {
		for (unsigned u = 0; u < UNLOCK__MAX; u++) {
			if (set_has(&f->credentials_unlock, u))
				unlock = imax(unlock, unlock_points[u]);
		}
	}
	return f->password_storage == PW_UNSALTED ? imax(2, unlock - 1)
	                                          : unlock;
}

/* Severity of the data itself (0..8), before circumstances. */
static int
data_severity(const struct facts *f, struct assessment *a)
{
	int pts = 0, worst = -1;
	bool special = false;

	if (!f->data.known) {
		note_unknown(a, RF_DATA);
		note(a, R_DATA_UNKNOWN, 0);
		return 6;
	}
	for (unsigned c = 0; c < DATA__MAX; c++) {
		int p;

		if (!set_has(&f->data, c))
			continue;
		p = c == DATA_CREDENTIALS ? credential_points(f, a)
		                          : data_points[c];
		special = special || is_special(c);
		if (p > pts) {
			pts = p;
			worst = (int)c;
		}
	}
	if (worst >= 0)
		note(a, R_DATA_WORST, worst);
	if (special)
		note(a, R_SPECIAL, 0);
	if (set_has(&f->data, DATA_ID_DOCUMENT) ||
	    set_has(&f->data, DATA_NATIONAL_ID))
		note(a, R_ID_FRAUD, 0);
	if (set_has(&f->data, DATA_IDENTITY) &&
	    set_has(&f->data, DATA_CONTACT) && pts < 4) {
		note(a, R_COMBINATION, 0);
		pts = 4;
	}
	return pts;
}

bool
risk_has_vulnerable(const struct facts *f)
{
	return set_has(&f->subjects, SUBJ_CHILDREN) ||
	       set_has(&f->subjects, SUBJ_VULNERABLE) ||
	       set_has(&f->data, DATA_CHILDREN);
}

int
risk_sensitive_sector(const struct facts *f)
{
	static const enum sector s[] = { SECTOR_HEALTH, SECTOR_SOCIAL,
		SECTOR_LEGAL, SECTOR_CHURCH, SECTOR_POLITICAL };

	for (size_t i = 0; i < nitems(s); i++) {
		if (set_has(&f->sectors, s[i]))
			return (int)s[i];
	}
	return -1;
}

/*
 * Special characteristics of the subjects and of the controller (EDPB
 * 9/2022 IV.B factors 5 and 6).  Applied when known; absent is the normal
 * case, so an unknown list adds nothing.
 */
static int
aggravate(const struct facts *f, struct assessment *a, int s)
{
	int sec = risk_sensitive_sector(f);

	if (s == 0)
		return 0; /* nothing readable to aggravate */
	if (risk_has_vulnerable(f)) {
		note(a, R_VULNERABLE, 0);
		s += 2;
	}
	if (sec >= 0) {
		note(a, R_SECTOR, sec);
		s += 2;
	}
	return imin(s, 8);
}

static void
finish(struct risk_dim *d, int s, int l)
{
	d->severity = s;
	d->likelihood = l;
	d->score = s * l;
	d->grade = grade(d->score);
}

/* Likelihood points of the recipients (widening never lowers them). */
static int
recipient_points(const struct facts *f, struct assessment *a)
{
	switch (f->recipients) {
	case RCPT_NONE:
		note(a, R_RCPT_NONE, 0);
		return 0;
	case RCPT_TRUSTED:
		note(a, R_RCPT_TRUSTED, 0);
		return 1;
	case RCPT_KNOWN:
		note(a, R_RCPT_KNOWN, 0);
		return 3;
	case RCPT_UNIDENTIFIED:
		note(a, R_RCPT_UNIDENTIFIED, 0);
		return 4;
	case RCPT_PUBLIC:
		note(a, R_RCPT_PUBLIC, 0);
		return 6;
	default:
		note_unknown(a, RF_RECIPIENTS);
		note(a, R_RCPT_UNKNOWN, 0);
		return 4;
	}
}

/*
 * The ease of identification scales the severity of a disclosure, in
 * quarters as ENISA's EI does: direct identifiers (or unknown ones) 4/4,
 * only indirect ones 2/4, none or a pseudonym 1/4; pseudonymisation with
 * the reference table kept apart caps it at 2/4.
 */
static int
identification(const struct facts *f, struct assessment *a, int s)
{
	static const enum ident direct[] = { IDENT_NAME, IDENT_EMAIL,
		IDENT_ADDRESS, IDENT_PHONE, IDENT_ID_NUMBER, IDENT_PHOTO };
	static const enum ident indirect[] = { IDENT_DOB, IDENT_CUSTOMER_NO,
		IDENT_USERNAME, IDENT_IP, IDENT_DEVICE };
	bool any = false, some = false;
	int q = 4;

	if (f->identifiers.known) {
		for (size_t i = 0; i < nitems(direct); i++)
			any = any || set_has(&f->identifiers, direct[i]);
		for (size_t i = 0; i < nitems(indirect); i++)
			some = some || set_has(&f->identifiers, indirect[i]);
		if (!any) {
			note(a, R_HARD_TO_IDENTIFY, 0);
			q = some ? 2 : 1;
		}
	}
	if (f->pseudonymised == TRI_YES) {
		note(a, R_PSEUDONYMISED, 0);
		q = imin(q, 2);
	}
	return s == 0 ? 0 : imax(1, (s * q + 3) / 4);
}

/*
 * Confidentiality.  `*intrinsic` receives the score the disclosure would
 * have without the encryption, for Art. 34(3)(a).
 */
static void
dim_conf(const struct facts *f, int sdata, enum intent in, struct verdict *v,
    struct assessment *a, int *intrinsic)
{
	struct risk_dim *d = &v->conf;
	int s = sdata, l;

	*intrinsic = 0;
	d->affected = affected(f->confidentiality);
	if (d->affected == AFFECTED_NO)
		return;
	if (d->affected == AFFECTED_ASSUMED) {
		note_unknown(a, RF_CONF);
		note(a, R_C_ASSUMED, 0);
	}
	if (f->already_public == TRI_YES && s > 1) {
		/* ENISA 2.3: public availability takes any category to 1. */
		note(a, R_PUBLIC_BEFORE, 0);
		s = 1;
	}
	s = identification(f, a, s);

	l = recipient_points(f, a);
	if (in != INTENT_ACCIDENTAL)
		l += 2;
	if (f->exfiltrated == TRI_YES) {
		note(a, R_EXFIL, 0);
		l += 2;
	} else if (f->exfiltrated == TRI_UNKNOWN && in != INTENT_ACCIDENTAL) {
		note_unknown(a, RF_EXFILTRATED);
		note(a, R_EXFIL_UNKNOWN, 0);
		l += 2;
	}
	l = imin(l, 8);
	if (f->misuse_observed == TRI_YES) {
		note(a, R_MISUSE, 0);
		l = 8;
	}
	*intrinsic = s * l;

	switch (f->encryption) {
	case ENC_SOTA:
		if (f->key_compromised == TRI_NO) {
			note(a, R_UNINTELLIGIBLE, 0);
			if (f->misuse_observed == TRI_YES)
				note(a, R_MISUSE_DESPITE_ENC, 0);
			v->unintelligible = true;
			l = 0;
		} else if (f->key_compromised == TRI_YES) {
			note(a, R_KEY_COMPROMISED, 0);
		} else {
			note_unknown(a, RF_KEY);
			note(a, R_KEY_UNKNOWN, 0);
		}
		break;
	case ENC_WEAK:
		if (f->key_compromised == TRI_YES) {
			note(a, R_KEY_COMPROMISED, 0);
		} else if (f->misuse_observed != TRI_YES && l > 0) {
			note(a, R_WEAK_ENC, 0);
			l = imax(1, l - 2);
		}
		break;
	case ENC_NONE:
		note(a, R_NOT_ENCRYPTED, 0);
		break;
	default:
		note_unknown(a, RF_ENCRYPTION);
		note(a, R_ENC_UNKNOWN, 0);
		break;
	}
	finish(d, s, l);
}

/* Unknown backups are taken as missing. */
static enum tri
backup(const struct facts *f, struct assessment *a)
{
	if (f->backup_available == TRI_UNKNOWN) {
		note_unknown(a, RF_BACKUP);
		note(a, R_BACKUP_UNKNOWN, 0);
		return TRI_NO;
	}
	return f->backup_available;
}

static void
dim_integ(const struct facts *f, int sdata, enum intent in, struct verdict *v,
    struct assessment *a)
{
	struct risk_dim *d = &v->integ;
	int l;

	d->affected = affected(f->integrity);
	if (d->affected == AFFECTED_NO)
		return;
	if (d->affected == AFFECTED_ASSUMED) {
		note_unknown(a, RF_INTEG);
		note(a, R_I_ASSUMED, 0);
	}
	if (f->misuse_observed == TRI_YES) {
		note(a, R_MISUSE, 0);
		l = 8;
	} else if (backup(f, a) == TRI_YES) {
		note(a, R_I_RECOVERABLE, 0);
		l = in == INTENT_ACCIDENTAL ? 0 : 1;
	} else {
		note(a, R_I_UNRECOVERABLE, 0);
		l = in == INTENT_ACCIDENTAL ? 4 : 6;
	}
	finish(d, sdata, l);
}

static void
dim_avail(const struct facts *f, struct verdict *v, struct assessment *a)
{
	static const int crit_points[CRIT__MAX] = { 0, 2, 4, 6, 8 };
	struct risk_dim *d = &v->avail;
	int s, l;

	d->affected = affected(f->availability);
	if (d->affected == AFFECTED_NO)
		return;
	if (d->affected == AFFECTED_ASSUMED) {
		note_unknown(a, RF_AVAIL);
		note(a, R_A_ASSUMED, 0);
	}
	if (f->encryption == ENC_SOTA || f->encryption == ENC_WEAK)
		note(a, R_ENC_NO_AVAIL, 0);
	if (f->system_criticality != CRIT_UNKNOWN) {
		note(a, R_CRIT, f->system_criticality);
		s = crit_points[f->system_criticality];
	} else {
		note_unknown(a, RF_CRITICALITY);
		note(a, R_CRIT_UNKNOWN, 0);
		s = 4;
		if (set_has(&f->sectors, SECTOR_HEALTH) ||
		    set_has(&f->sectors, SECTOR_SOCIAL))
			s = 6;
	}
	if (backup(f, a) != TRI_YES) {
		if (f->backup_available == TRI_NO)
			note(a, R_NO_BACKUP, 0);
		l = f->backup_available == TRI_NO ? 8 : 6;
	} else if (f->restore_s < 0) {
		note_unknown(a, RF_RESTORE);
		note(a, R_RESTORE_UNKNOWN, 0);
		l = 2;
	} else if (f->restore_s <= DAY) {
		note(a, R_RESTORE_FAST, 0);
		l = 1;
	} else {
		note(a, R_RESTORE_SLOW, (f->restore_s + DAY - 1) / DAY);
		if (f->restore_s <= 3 * DAY)
			l = 2;
		else
			l = f->restore_s <= 7 * DAY ? 3 : 5;
	}
	finish(d, s, l);
}

/* Arts. 33 and 34 apply unless there is no EEA link under Art. 3. */
static bool
gdpr_applies(const struct facts *f, struct assessment *a)
{
	if (f->eea_establishment != TRI_NO)
		return true;
	switch (f->art3_2) {
	case TRI_NO:
		note(a, R_GDPR_NA, 0);
		return false;
	case TRI_YES:
		note(a, R_NON_EEA, 0);
		return true;
	default:
		note_unknown(a, RF_ART3_2);
		note(a, R_ART3_2_UNKNOWN, 0);
		return true;
	}
}

/* Art. 34(1) and the exceptions of Art. 34(3), in the order (a), (b), (c). */
static void
art34(const struct facts *f, struct verdict *v, struct assessment *a,
    int intrinsic)
{
	bool was_high = v->unintelligible && intrinsic >= SCORE_HIGH;

	if (v->level != RISK_HIGH) {
		if (was_high) {
			v->art34 = ART34_A;
			note(a, R_ART34_A, 0);
		} else if (v->level == RISK_RISK) {
			note(a, R_NOT_HIGH, 0);
		}
		return;
	}
	if (v->unintelligible)
		note(a, R_ART34_A_NO_HELP, 0);
	if (f->neutralised == TRI_YES) {
		v->art34 = ART34_B;
		note(a, R_ART34_B, 0);
	} else if (f->disproportionate_effort == TRI_YES ||
	           (f->contact_available == TRI_NO &&
	               f->disproportionate_effort != TRI_NO)) {
		v->art34 = ART34_C;
		v->public_notice = true;
		if (f->disproportionate_effort != TRI_YES)
			note(a, R_ART34_C_NO_CONTACT, 0);
		note(a, R_ART34_C, 0);
	} else {
		v->communicate = true;
		if (f->law_enforcement_delay == TRI_YES)
			note(a, R_LAW_ENFORCEMENT, 0);
	}
}

static void
decide(
    const struct facts *f, struct verdict *v, struct assessment *a, int score)
{
	if (score >= SCORE_HIGH)
		v->level = RISK_HIGH;
	else
		v->level = score >= SCORE_BORDERLINE ? RISK_RISK : RISK_NONE;
	if (!v->gdpr_applies)
		return;
	if (score >= SCORE_RISK) {
		v->notify = NOTIFY_YES;
		note(a, v->level == RISK_HIGH ? R_LEVEL_HIGH : R_LEVEL_RISK, 0);
	} else if (score >= SCORE_BORDERLINE) {
		note(a, R_LEVEL_BORDERLINE, 0);
		if (f->subjects_n >= BORDERLINE_COUNT) {
			note(a, R_BORDERLINE_COUNT, f->subjects_n);
			v->notify = NOTIFY_YES;
		} else {
			v->notify = NOTIFY_BORDERLINE;
		}
	} else {
		note(a, R_LEVEL_NONE, 0);
	}
	if (v->notify != NOTIFY_NO && f->cross_border == TRI_YES &&
	    f->eea_establishment != TRI_NO)
		note(a, R_CROSS_BORDER, 0);
}

void
edpb_assess(const struct facts *f, struct verdict *v, struct assessment *a)
{
	enum intent in;
	int sdata, intrinsic, score;

	memset(v, 0, sizeof(*v));
	note(a, R_DOCUMENT, 0);
	if (f->role == ROLE_PROCESSOR)
		note(a, R_PROCESSOR, 0);
	else if (f->discovery == DISCOVERY_PROCESSOR)
		note(a, R_PROCESSOR_REPORTED, 0);
	if (f->confidentiality == TRI_NO && f->integrity == TRI_NO &&
	    f->availability == TRI_NO) {
		note(a, R_NOT_BREACH_CIA, 0);
		return;
	}
	if (f->data.known && f->data.bits == 0) {
		note(a, R_NOT_BREACH_NO_DATA, 0);
		return;
	}
	v->is_breach = true;
	v->gdpr_applies = gdpr_applies(f, a);
	note(a, R_METHOD, 0);
	if (f->attack == ATTACK_RANSOMWARE)
		note(a, R_RANSOMWARE, 0);
	else if (f->attack == ATTACK_STUFFING)
		note(a, R_STUFFING, 0);

	in = risk_intent(f, a);
	sdata = aggravate(f, a, data_severity(f, a));
	dim_conf(f, sdata, in, v, a, &intrinsic);
	dim_integ(f, sdata, in, v, a);
	dim_avail(f, v, a);
	score = imax(v->conf.score, imax(v->integ.score, v->avail.score));
	decide(f, v, a, score);
	if (v->gdpr_applies)
		art34(f, v, a, intrinsic);
}
