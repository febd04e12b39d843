#!/usr/bin/python3
# tests/e2e/smtp_sink.py: a loopback SMTP server for the letters tests
# (Debian's python3-aiosmtpd).  Stores every accepted message as
# DIR/NNNN.eml, numbered on after the files already there, with the
# envelope recipient in DIR/NNNN.rcpt, and writes its port to PORTFILE.  Test hooks (message numbers count from 1):
#   --stall-rcpt N     hold the reply to the RCPT of message N for 30 s
#                      (the client can be killed before it hands the body)
#   --stall-after N    store message N, then hold the 250 for 30 s (the
#                      client can be killed with the delivery in doubt)
#   --reject SUBSTR    answer 550 to a RCPT containing SUBSTR
# TLS and login (the certificate and key are made per test run):
#   --starttls CERT KEY  offer STARTTLS and require it before anything else
#   --smtps CERT KEY     TLS from the first byte (implicit TLS)
#   --auth USER          require a login as USER; the password is read
#                        from $SINK_PASSWORD (never on the command line)
# With TLS or --auth, DIR/NNNN.meta records "tls yes|no" and "auth USER|-"
# of the session the message came in.
# It exits by itself after --lifetime seconds (default 55).
import argparse
import asyncio
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("portfile")
ap.add_argument("--stall-rcpt", type=int, default=0)
ap.add_argument("--stall-after", type=int, default=0)
ap.add_argument("--reject", default="")
ap.add_argument("--lifetime", type=float, default=55)
ap.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
ap.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
ap.add_argument("--auth", default="")
args = ap.parse_args()


def tls_context(pair):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(pair[0], pair[1])
    return ctx


def authenticator(server, session, envelope, mechanism, auth_data):
    want = os.environ.get("SINK_PASSWORD", "").encode()
    ok = (isinstance(auth_data, LoginPassword) and want != b"" and
          auth_data.login == args.auth.encode() and
          auth_data.password == want)
    return AuthResult(success=ok, handled=False,
                      auth_data=auth_data if ok else None)


class Sink:
    def __init__(self):
        # Messages stored; a restarted sink goes on after earlier ones.
        self.n = len([f for f in os.listdir(args.dir) if f.endswith(".eml")])
        self.rcpts = 0      # RCPT commands seen

    async def handle_RCPT(self, server, session, envelope, address, opts):
        self.rcpts += 1
        if args.reject and args.reject in address:
            return "550 5.1.1 mailbox unavailable (test)"
        if args.stall_rcpt and self.n + 1 == args.stall_rcpt:
            await asyncio.sleep(30)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(args.dir, "%04d" % self.n)
        with open(base + ".tmp", "wb") as fp:
            fp.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        with open(base + ".rcpt", "w") as fp:
            fp.write("\n".join(envelope.rcpt_tos) + "\n")
        if args.starttls or args.smtps or args.auth:
            tls = bool(args.smtps) or session.ssl is not None
            login = session.login_data.decode() if session.login_data \
                else "-"
            with open(base + ".meta", "w") as fp:
                fp.write("tls %s\nauth %s\n" % ("yes" if tls else "no",
                                                  login))
        if args.stall_after and self.n == args.stall_after:
            await asyncio.sleep(30)
        return "250 2.0.0 stored"


async def main():
    loop = asyncio.get_running_loop()
    sink = Sink()
    kw = {}
    if args.starttls:
        kw["tls_context"] = tls_context(args.starttls)
        kw["require_starttls"] = True
    if args.auth:
        kw["authenticator"] = authenticator
        kw["auth_required"] = True
        # Implicit TLS: aiosmtpd does not see it, the socket has it.
        kw["auth_require_tls"] = not args.smtps
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.example.invalid", **kw),
        "127.0.0.1", 0,
        ssl=tls_context(args.smtps) if args.smtps else None)
    port = server.sockets[0].getsockname()[1]
    with open(args.portfile + ".tmp", "w") as fp:
        fp.write("%d\n" % port)
    os.rename(args.portfile + ".tmp", args.portfile)
    await asyncio.sleep(args.lifetime)
    server.close()


os.makedirs(args.dir, exist_ok=True)
try:
    asyncio.run(main())
except KeyboardInterrupt:
    sys.exit(0)
