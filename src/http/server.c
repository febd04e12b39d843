/* SPDX-License-Identifier: MIT */
/*
 * http/server.c: the only file that sees libevent (evhttp).  One worker
 * thread per core, each with its own event base, evhttp and store handle,
 * all accepting on one listening socket (docs/design.md explains the
 * choice of evhttp over libmicrohttpd by measurement).
 *
 * Reads of an incident are recorded before the reply leaves: a response
 * that carries an audit record waits in the worker's ring, and the record
 * goes to the recorder, one thread with its own store handle that writes
 * whatever reads have arrived since its last commit in one transaction
 * (group commit) and then wakes the workers to send those replies.  The
 * workers never wait for the write lock or for each other.  A failed write
 * answers 503 and shows nothing unrecorded.
 *
 * The workers never checkpoint the write-ahead log themselves: a thread of
 * its own does, every CHECKPOINT_MS, so that no reply waits behind the
 * checkpoint's fsync.
 *
 * SIGTERM/SIGINT: every worker stops accepting, answers what it holds,
 * lets the replies drain and exits; nothing is half-written because each
 * write is one transaction made inside a handler.
 */
#include "base/base.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/thread.h>
#include <sodium.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "http/http_int.h"

enum { WORKERS_MAX = 16, QUEUE_MAX = 512, CHECKPOINT_MS = 100 };
/* The recorder collects reads for up to GATHER_US microseconds (or until
 * GATHER_MAX are waiting) before it writes them: bench/http.sh measured
 * less CPU per read with a window of 0.5 to 2 ms than committing each
 * handful at once (docs/benchmarks.md). */
enum { GATHER_US = 1000, GATHER_MAX = 256 };
/* The workers read the register through a memory map (store_mmap) of up
 * to 2 GiB each (SQLite's build caps it there); beyond, pages are read. */
#define READ_MAP_BYTES ((int64_t)2 << 30)

/* A reply that waits until its read is recorded. */
enum pstate { P_FREE, P_WAIT, P_OK, P_FAIL };

struct pending {
	struct evhttp_request *r;
	struct evhttp_connection *conn;
	struct evbuffer *body;
	int status;
	enum pstate state; /* P_WAIT until the recorder has written it */
	bool dead;         /* the client went away */
};

/* A read on its way to the access log. */
struct rec_item {
	int64_t incident_id;
	int64_t at;
	char actor[72];
	char what[48];
	unsigned short worker;
	unsigned short slot;
};

struct worker {
	pthread_t tid;
	struct event_base *base;
	struct evhttp *http;
	struct evhttp_bound_socket *bound;
	struct store *st;
	const struct http_config *cfg;
	struct recorder *rec;
	unsigned short index;
	/* A ring of replies in the order their reads were handed over; the
	 * recorder sets their state (under rec->mu) and wakes done_ev. */
	struct pending q[QUEUE_MAX];
	size_t qhead, qn;
	struct event *done_ev;
	struct event *stop_ev;
	struct token_cache tokens;
	size_t served;
};

/*
 * The recorder: one thread with its own store handle writes the reads of
 * all workers, whatever has arrived since its last commit in one
 * transaction (group commit).  The workers never wait for the database's
 * write lock or for each other; a reply leaves once its read is committed.
 */
struct recorder {
	pthread_t tid;
	struct store *st;
	pthread_mutex_t mu;
	pthread_cond_t work_cv; /* the thread waits for reads */
	pthread_cond_t done_cv; /* a worker waits for its results */
	struct rec_item *in, *out;
	size_t in_n, cap;
	bool stop;
	struct worker *workers;
	int nworkers;
};

static const char *
reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 409:
		return "Conflict";
	case 413:
		return "Payload Too Large";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 503:
		return "Service Unavailable";
	default:
		return status >= 500 ? "Internal Server Error" : "Error";
	}
}

static unsigned
method_of(enum evhttp_cmd_type c)
{
	switch (c) {
	case EVHTTP_REQ_GET:
		return M_GET;
	case EVHTTP_REQ_HEAD:
		return M_HEAD;
	case EVHTTP_REQ_POST:
		return M_POST;
	case EVHTTP_REQ_PUT:
		return M_PUT;
	case EVHTTP_REQ_PATCH:
		return M_PATCH;
	case EVHTTP_REQ_DELETE:
		return M_DELETE;
	default:
		return 0;
	}
}

/* The security headers of every response (STYLE.md 3.8). */
static void
set_headers(struct evkeyvalq *h, const struct http_resp *resp)
{
	evhttp_add_header(h, "Content-Security-Policy",
	    "default-src 'self'; img-src 'self' data:; frame-ancestors "
	    "'none'; base-uri 'none'; form-action 'self'");
	evhttp_add_header(h, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(h, "Referrer-Policy", "no-referrer");
	evhttp_add_header(h, "X-Frame-Options", "DENY");
	evhttp_add_header(h, "Cross-Origin-Opener-Policy", "same-origin");
	evhttp_add_header(h, "Cache-Control",
	    resp->cacheable ? "public, max-age=3600, must-revalidate"
	                    : "no-store");
	evhttp_add_header(h, "Content-Type",
	    resp->ctype != NULL ? resp->ctype : "text/plain; charset=utf-8");
	for (size_t i = 0; i < resp->hdr_n; i++)
		evhttp_add_header(h, resp->hdr[i].name, resp->hdr[i].value);
}

static void
send_now(struct evhttp_request *r, int status, struct evbuffer *body)
{
	evhttp_send_reply(r, status, reason(status), body);
}

static void
conn_closed(struct evhttp_connection *conn, void *arg)
{
	struct worker *w = arg;

	for (size_t i = 0; i < w->qn; i++) {
		struct pending *p = &w->q[(w->qhead + i) % QUEUE_MAX];

		if (p->conn == conn)
			p->dead = true;
	}
}

static void
answer(struct pending *p)
{
	if (!p->dead) {
		evhttp_connection_set_closecb(p->conn, NULL, NULL);
		if (p->state == P_OK) {
			send_now(p->r, p->status, p->body);
		} else {
			struct evbuffer *e = evbuffer_new();
			struct evkeyvalq *h =
			    evhttp_request_get_output_headers(p->r);

			/* nothing of the read goes out: a JSON error */
			evhttp_remove_header(h, "Content-Disposition");
			evhttp_remove_header(h, "Content-Type");
			evhttp_remove_header(h, "Cache-Control");
			evhttp_add_header(h, "Content-Type",
			    "application/json; charset=utf-8");
			evhttp_add_header(h, "Cache-Control", "no-store");
			evhttp_add_header(h, "Retry-After", "1");
			evbuffer_add_printf(e,
			    "{\"error\":{\"status\":503,"
			    "\"message\":\"the read could not be "
			    "recorded; try again\"}}");
			send_now(p->r, 503, e);
			evbuffer_free(e);
		}
	}
	evbuffer_free(p->body);
	p->body = NULL;
	p->state = P_FREE;
}

/*
 * Send the replies at the head of the ring whose reads the recorder has
 * dealt with.  With `all`, first wait until every read handed over is
 * dealt with (a full ring, and stopping).
 */
static void
deliver(struct worker *w, bool all)
{
	struct recorder *c = w->rec;
	size_t ready = 0;

	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (ready < w->qn &&
		       w->q[(w->qhead + ready) % QUEUE_MAX].state != P_WAIT)
			ready++;
		if (!all || ready == w->qn)
			break;
		pthread_cond_wait(&c->done_cv, &c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	/* The slots before `ready` are this thread's alone again. */
	for (size_t i = 0; i < ready; i++)
		answer(&w->q[(w->qhead + i) % QUEUE_MAX]);
	w->qhead = (w->qhead + ready) % QUEUE_MAX;
	w->qn -= ready;
}

static void
on_done(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	deliver(arg, false);
}

static void
queue_reply(struct worker *w, struct evhttp_request *r, int status,
    struct evbuffer *body, const struct http_req *req,
    const struct http_resp *resp)
{
	struct recorder *c = w->rec;
	struct pending *p;
	struct rec_item *it;
	size_t slot;

	if (w->qn == QUEUE_MAX)
		deliver(w, true);
	slot = (w->qhead + w->qn++) % QUEUE_MAX;
	p = &w->q[slot];
	memset(p, 0, sizeof(*p));
	p->r = r;
	p->conn = evhttp_request_get_connection(r);
	p->body = body;
	p->status = status;
	evhttp_connection_set_closecb(p->conn, conn_closed, w);

	pthread_mutex_lock(&c->mu);
	p->state = P_WAIT;
	/* in_n < cap: every worker holds at most QUEUE_MAX reads. */
	it = &c->in[c->in_n++];
	it->incident_id = resp->audit_incident;
	it->at = req->now;
	snprintf(it->actor, sizeof(it->actor), "%s",
	    req->authed ? req->user.name : "-");
	snprintf(it->what, sizeof(it->what), "%s",
	    resp->audit_what != NULL ? resp->audit_what : "read");
	it->worker = w->index;
	it->slot = (unsigned short)slot;
	if (c->in_n == 1 || c->in_n == GATHER_MAX)
		pthread_cond_signal(&c->work_cv);
	pthread_mutex_unlock(&c->mu);
}

/* One transaction for the batch; a busy database is tried again. */
static enum err
write_batch(struct recorder *c, const struct rec_item *v, size_t n)
{
	enum err rc = ERR_OK;

	for (int attempt = 0; attempt < 3; attempt++) {
		rc = store_begin_write(c->st);
		for (size_t i = 0; rc == ERR_OK && i < n; i++) {
			struct access_rec a = { v[i].incident_id, v[i].at,
				v[i].actor, v[i].what };

			rc = store_access_insert(c->st, &a);
		}
		if (rc == ERR_OK)
			rc = store_commit(c->st);
		if (rc == ERR_OK)
			break;
		store_rollback(c->st);
		if (rc != ERR_BUSY)
			break;
	}
	return rc;
}

/* CLOCK_MONOTONIC now + ns, for pthread_cond_timedwait(). */
static struct timespec
deadline_in(long ns)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_nsec += ns;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* Wait (with the lock held) until GATHER_US have passed, GATHER_MAX reads
 * are waiting or the server stops. */
static void
gather(struct recorder *c)
{
	struct timespec until = deadline_in(GATHER_US * 1000L);

	while (!c->stop && c->in_n < GATHER_MAX &&
	       pthread_cond_timedwait(&c->work_cv, &c->mu, &until) == 0)
		;
}

static void *
recorder_main(void *arg)
{
	struct recorder *c = arg;
	bool wake[WORKERS_MAX];
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_mutex_lock(&c->mu);
	for (;;) {
		struct rec_item *t;
		size_t n;
		enum err rc;

		while (c->in_n == 0 && !c->stop)
			pthread_cond_wait(&c->work_cv, &c->mu);
		if (c->in_n == 0)
			break;
		/* Gather: a batch of many reads costs little more than one. */
		if (!c->stop && c->in_n < GATHER_MAX)
			gather(c);
		t = c->in;
		c->in = c->out;
		c->out = t;
		n = c->in_n;
		c->in_n = 0;
		pthread_mutex_unlock(&c->mu);

		rc = write_batch(c, c->out, n);
		if (rc != ERR_OK)
			fprintf(stderr,
			    "breachkit serve: the access log could not be "
			    "written (%s): %zu read(s) answered 503\n",
			    err_str(rc), n);

		pthread_mutex_lock(&c->mu);
		memset(wake, 0, sizeof(wake));
		for (size_t i = 0; i < n; i++) {
			const struct rec_item *it = &c->out[i];

			c->workers[it->worker].q[it->slot].state =
			    rc == ERR_OK ? P_OK : P_FAIL;
			wake[it->worker] = true;
		}
		pthread_cond_broadcast(&c->done_cv);
		/* Under the lock: a worker is freed only after this thread
		 * has ended (http_serve), and its loop may already be gone. */
		for (int i = 0; i < c->nworkers; i++)
			if (wake[i])
				event_active(
				    c->workers[i].done_ev, EV_TIMEOUT, 0);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

/* A store of the server's own, with its settings. */
static int
open_store(const struct http_config *cfg, struct store **st)
{
	char *msg = NULL;

	if (store_open(cfg->db, STORE_EXISTING, st, &msg) != ERR_OK) {
		fprintf(stderr, "breachkit serve: %s\n", msg ? msg : "open");
		free(msg);
		return -1;
	}
	store_autocheckpoint(*st, 0); /* the checkpointer's job */
	if (cfg->busy_ms > 0)
		store_busy_timeout(*st, cfg->busy_ms);
	return 0;
}

static int
recorder_start(struct recorder *c, const struct http_config *cfg,
    struct worker *workers, int n)
{
	pthread_condattr_t ca;

	memset(c, 0, sizeof(*c));
	c->workers = workers;
	c->nworkers = n;
	c->cap = (size_t)n * QUEUE_MAX;
	if (open_store(cfg, &c->st) != 0)
		return -1;
	c->in = xcalloc(c->cap, sizeof(*c->in));
	c->out = xcalloc(c->cap, sizeof(*c->out));
	pthread_mutex_init(&c->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->work_cv, &ca);
	pthread_condattr_destroy(&ca);
	pthread_cond_init(&c->done_cv, NULL);
	if (pthread_create(&c->tid, NULL, recorder_main, c) != 0) {
		store_close(c->st);
		free(c->in);
		free(c->out);
		return -1;
	}
	return 0;
}

/* After the workers: write what is left, then close. */
static void
recorder_stop(struct recorder *c)
{
	pthread_mutex_lock(&c->mu);
	c->stop = true;
	pthread_cond_signal(&c->work_cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->tid, NULL);
	store_close(c->st);
	pthread_cond_destroy(&c->work_cv);
	pthread_cond_destroy(&c->done_cv);
	pthread_mutex_destroy(&c->mu);
	free(c->in);
	free(c->out);
}

static const char *
in_header(struct evhttp_request *r, const char *name)
{
	return evhttp_find_header(evhttp_request_get_input_headers(r), name);
}

static void
on_request(struct evhttp_request *r, void *arg)
{
	struct worker *w = arg;
	struct http_req req;
	struct http_resp resp;
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(r);
	struct evbuffer *in = evhttp_request_get_input_buffer(r);
	struct evbuffer *out;
	const char *path, *query;
	char *peer = NULL;
	ev_uint16_t port = 0;
	size_t blen;

	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.a = arena_new();
	resp.a = req.a;
	buf_init(&resp.body, (size_t)64 << 20);
	req.method = method_of(evhttp_request_get_command(r));
	req.st = w->st;
	req.cfg = w->cfg;
	req.tokens = &w->tokens;
	req.now = clock_now();
	path = uri != NULL ? evhttp_uri_get_path(uri) : NULL;
	query = uri != NULL ? evhttp_uri_get_query(uri) : NULL;
	req.path = path != NULL ? path : "/";
	req.raw_query = query;
	req.ctype = in_header(r, "Content-Type");
	req.cookie_header = in_header(r, "Cookie");
	req.lang_header = in_header(r, "Accept-Language");
	req.authorization = in_header(r, "Authorization");
	req.csrf_header = in_header(r, "X-CSRF-Token");
	req.if_none_match = in_header(r, "If-None-Match");
	evhttp_connection_get_peer(
	    evhttp_request_get_connection(r), &peer, &port);
	req.peer = peer != NULL ? peer : "";
	blen = evbuffer_get_length(in);
	if (blen > 0) {
		char *b = arena_alloc(req.a, blen + 1);

		evbuffer_copyout(in, b, blen);
		b[blen] = '\0';
		req.body = b;
		req.body_len = blen;
	}
	http_dispatch(&req, &resp);

	out = evbuffer_new();
	set_headers(evhttp_request_get_output_headers(r), &resp);
	if (req.method != M_HEAD && resp.body.len > 0)
		evbuffer_add(out, resp.body.p, resp.body.len);
	if (resp.audit_incident > 0 && resp.status < 400) {
		queue_reply(w, r, resp.status, out, &req, &resp);
	} else {
		send_now(r, resp.status, out);
		evbuffer_free(out);
	}
	w->served++;
	if (req.json != NULL)
		json_decref(req.json);
	svc_end(&req.s);
	buf_release(&resp.body);
	arena_free(req.a);
}

static void
on_stop(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;
	struct timeval drain = { 0, 300000 };

	(void)fd;
	(void)what;
	if (w->bound != NULL) {
		evhttp_del_accept_socket(w->http, w->bound);
		w->bound = NULL;
	}
	deliver(w, true);
	event_base_loopexit(w->base, &drain);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	event_base_dispatch(w->base);
	deliver(w, true);
	return NULL;
}

/* The checkpointer thread and its own store handle. */
struct checkpointer {
	pthread_t tid;
	struct store *st;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
};

static void *
checkpointer_main(void *arg)
{
	struct checkpointer *c = arg;
	struct timespec until;
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_mutex_lock(&c->mu);
	while (!c->stop) {
		until = deadline_in(CHECKPOINT_MS * 1000000L);
		(void)pthread_cond_timedwait(&c->cv, &c->mu, &until);
		if (c->stop)
			break;
		pthread_mutex_unlock(&c->mu);
		/* Busy (a writer holds the lock) or not: next time. */
		(void)store_checkpoint(c->st);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

static int
checkpointer_start(struct checkpointer *c, const struct http_config *cfg)
{
	pthread_condattr_t ca;

	memset(c, 0, sizeof(*c));
	if (open_store(cfg, &c->st) != 0)
		return -1;
	pthread_mutex_init(&c->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cv, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->tid, NULL, checkpointer_main, c) != 0) {
		store_close(c->st);
		return -1;
	}
	return 0;
}

/* Stop after the workers: one last checkpoint, then close. */
static void
checkpointer_stop(struct checkpointer *c)
{
	pthread_mutex_lock(&c->mu);
	c->stop = true;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->tid, NULL);
	(void)store_checkpoint(c->st);
	store_close(c->st);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
}

/* Parse "HOST:PORT" ("[::1]:8080" for IPv6) and listen. */
static int
listen_on(const char *spec, char *url, size_t urln)
{
	char host[256];
	const char *colon = strrchr(spec, ':');
	struct addrinfo hints, *ai = NULL;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char nhost[NI_MAXHOST], nport[NI_MAXSERV];
	int fd = -1, one = 1, e;
	size_t hl;

	if (colon == NULL || colon == spec || colon[1] == '\0') {
		fprintf(stderr,
		    "breachkit serve: --listen %s: expected HOST:PORT "
		    "(e.g. 127.0.0.1:8080)\n",
		    spec);
		return -1;
	}
	hl = (size_t)(colon - spec);
	if (spec[0] == '[' && hl >= 2 && spec[hl - 1] == ']') {
		spec++;
		hl -= 2;
	}
	if (hl >= sizeof(host)) {
		fprintf(stderr, "breachkit serve: --listen: host too long\n");
		return -1;
	}
	memcpy(host, spec, hl);
	host[hl] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	e = getaddrinfo(host, colon + 1, &hints, &ai);
	if (e != 0) {
		fprintf(stderr, "breachkit serve: --listen %s:%s: %s\n", host,
		    colon + 1, gai_strerror(e));
		return -1;
	}
	fd = socket(ai->ai_family, SOCK_STREAM, 0);
	if (fd >= 0) {
		(void)setsockopt(
		    fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		/* No Nagle: bufferevents write at most 16 KiB at a time, and
		 * the rest of a larger reply otherwise waited for the
		 * client's delayed ACK (40 ms per page of the incident list,
		 * bench/http.sh).  Accepted sockets inherit it (Linux). */
		(void)setsockopt(
		    fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 ||
		    listen(fd, 1024) != 0) {
			fprintf(stderr,
			    "breachkit serve: cannot listen on %s: %s\n", host,
			    strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(ai);
	if (fd < 0)
		return -1;
	evutil_make_socket_nonblocking(fd);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0 &&
	    getnameinfo((struct sockaddr *)&ss, sl, nhost, sizeof(nhost), nport,
	        sizeof(nport), NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		snprintf(url, urln,
		    ss.ss_family == AF_INET6 ? "http://[%s]:%s/"
		                             : "http://%s:%s/",
		    nhost, nport);
	return fd;
}

static int
worker_init(struct worker *w, const struct http_config *cfg, int fd,
    struct recorder *rec, int index)
{
	memset(w, 0, sizeof(*w));
	w->cfg = cfg;
	w->rec = rec;
	w->index = (unsigned short)index;
	if (open_store(cfg, &w->st) != 0)
		return -1;
	store_mmap(w->st, READ_MAP_BYTES);
	w->base = event_base_new();
	w->http = w->base != NULL ? evhttp_new(w->base) : NULL;
	if (w->http == NULL)
		return -1;
	evhttp_set_allowed_methods(
	    w->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST |
	                 EVHTTP_REQ_PUT | EVHTTP_REQ_PATCH | EVHTTP_REQ_DELETE);
	evhttp_set_max_body_size(w->http, (ev_ssize_t)cfg->max_body);
	evhttp_set_max_headers_size(w->http, 16384);
	/* A slow client cannot hold a worker: reads and writes time out. */
	evhttp_set_timeout(w->http, 20);
	evhttp_set_gencb(w->http, on_request, w);
	/* Each worker gets its own descriptor of the one socket: evhttp closes
	 * it when the worker stops accepting. */
	fd = dup(fd);
	w->bound =
	    fd >= 0 ? evhttp_accept_socket_with_handle(w->http, fd) : NULL;
	w->done_ev = event_new(w->base, -1, 0, on_done, w);
	w->stop_ev = event_new(w->base, -1, 0, on_stop, w);
	return w->bound != NULL && w->done_ev != NULL && w->stop_ev != NULL
	           ? 0
	           : -1;
}

static void
worker_free(struct worker *w)
{
	if (w->done_ev)
		event_free(w->done_ev);
	if (w->stop_ev)
		event_free(w->stop_ev);
	if (w->http)
		evhttp_free(w->http);
	if (w->base)
		event_base_free(w->base);
	store_close(w->st);
}

int
http_serve(const struct serve_opts *o)
{
	static struct worker workers[WORKERS_MAX];
	struct checkpointer ckpt;
	struct recorder rec;
	struct http_config cfg;
	char url[300] = "";
	sigset_t sigs;
	int fd, n, sig = 0, rc = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(&cfg, 0, sizeof(cfg));
	cfg.db = o->db;
	cfg.tls = o->tls;
	cfg.public_intake = o->public_intake;
	cfg.max_body = o->max_body > 0 ? o->max_body : (size_t)1 << 20;
	cfg.busy_ms = o->busy_ms;
	cfg.cookie = o->tls ? "__Host-breachkit_session" : "breachkit_session";
	n = o->threads > 0 ? o->threads : (int)(cpus > 0 ? cpus : 1);
	if (n > WORKERS_MAX)
		n = WORKERS_MAX;
	if (sodium_init() < 0 || evthread_use_pthreads() != 0) {
		fprintf(stderr, "breachkit serve: cannot initialise\n");
		return 1;
	}
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	fd = listen_on(o->listen, url, sizeof(url));
	if (fd < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		if (worker_init(&workers[i], &cfg, fd, &rec, i) != 0) {
			fprintf(
			    stderr, "breachkit serve: cannot start worker\n");
			for (int j = 0; j <= i; j++)
				worker_free(&workers[j]);
			close(fd);
			return 1;
		}
	}
	if (recorder_start(&rec, &cfg, workers, n) != 0) {
		fprintf(stderr, "breachkit serve: cannot start the recorder\n");
		for (int j = 0; j < n; j++)
			worker_free(&workers[j]);
		close(fd);
		return 1;
	}
	if (checkpointer_start(&ckpt, &cfg) != 0) {
		fprintf(
		    stderr, "breachkit serve: cannot start the checkpointer\n");
		recorder_stop(&rec);
		for (int j = 0; j < n; j++)
			worker_free(&workers[j]);
		close(fd);
		return 1;
	}
	for (int i = 0; i < n; i++)
		pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
	printf("breachkit: serving %s on %s (%d worker%s)\n", o->db, url, n,
	    n == 1 ? "" : "s");
	fflush(stdout);
	sigwait(&sigs, &sig);
	fprintf(stderr, "breachkit serve: %s, finishing requests\n",
	    sig == SIGTERM ? "SIGTERM" : "SIGINT");
	for (int i = 0; i < n; i++)
		event_active(workers[i].stop_ev, EV_TIMEOUT, 0);
	for (int i = 0; i < n; i++)
		pthread_join(workers[i].tid, NULL);
	recorder_stop(&rec);
	for (int i = 0; i < n; i++)
		worker_free(&workers[i]);
	checkpointer_stop(&ckpt);
	close(fd);
	fprintf(stderr, "breachkit serve: stopped\n");
	return rc;
}
