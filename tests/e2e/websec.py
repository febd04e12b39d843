#!/usr/bin/python3
"""tests/e2e/websec.py: the security walks of the web cases (180-189).

Reads the route table from `breachkit test-routes` (one line per route and
method: METHOD PATTERN PERMISSION FLAGS) and checks every route:

  auth   URL ROUTES TOKENS.json SUBST.json
         without a login: 401 (API) or a redirect to /login (pages),
         except public routes; with an API token of every role that lacks
         the route's permission: 403.  TOKENS maps role -> token.
  csrf   URL ROUTES COOKIES.json SUBST.json
         with a session cookie of an admin and no CSRF token: 403 for
         every state change; a wrong token too.

SUBST maps a path parameter ({id}, {kind}, ...) to a value.  The roles
holding each permission are the table of docs/web.md, written out here as
the specification.  Prints one line per problem and exits 1 if any.
"""
import json
import sys
import urllib.error
import urllib.request

HOLDERS = {
    "public": {"admin", "dpo", "editor", "viewer", "reporter"},
    "login": {"admin", "dpo", "editor", "viewer", "reporter"},
    "incident.read": {"admin", "dpo", "editor", "viewer", "reporter"},
    "incident.new": {"admin", "dpo", "editor", "reporter"},
    "incident.edit": {"admin", "dpo", "editor"},
    "decide": {"admin", "dpo"},
    "export": {"admin", "dpo"},
    "settings": {"admin", "dpo"},
    "users": {"admin"},
}
ROLES = ["admin", "dpo", "editor", "viewer", "reporter"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, method, path, headers=None, body=None):
    """One request; (status, headers, body bytes)."""
    req = urllib.request.Request(url + path, method=method, data=body,
                                 headers=headers or {})
    try:
        with OPENER.open(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def routes(path):
    out = []
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            m, pat, perm, flags = line.split()
            out.append((m, pat, perm, set(flags.split(",")) - {"-"}))
    return out


def fill(pattern, subst):
    path = pattern
    for k, v in subst.items():
        path = path.replace("{" + k + "}", v)
    if "{" in path:
        raise SystemExit("websec: no value for a parameter of " + pattern)
    return path


def body_of(flags):
    """A well-formed body of the route's kind (so only auth can refuse)."""
    if "json" in flags:
        return {"Content-Type": "application/json"}, b"{}"
    if "form" in flags:
        return ({"Content-Type": "application/x-www-form-urlencoded"},
                b"x=1")
    return {"Content-Type": "application/octet-stream"}, b"x"


def walk_auth(url, table, tokens, subst):
    problems = []
    checked = 0
    for m, pat, perm, flags in table:
        if perm not in HOLDERS:
            problems.append(f"{m} {pat}: unknown permission {perm}")
            continue
        path = fill(pat, subst)
        hdr, body = body_of(flags) if m != "GET" else ({}, None)
        if perm != "public":
            st, h, _ = request(url, m, path, dict(hdr), body)
            checked += 1
            if "html" in flags:
                if st != 303 or h.get("Location") != "/login":
                    problems.append(f"{m} {pat} without login: {st}, "
                                    f"Location {h.get('Location')}")
            elif st != 401:
                problems.append(f"{m} {pat} without login: {st}")
            # A wrong token is no login either.
            st, _, _ = request(url, m, path, dict(
                hdr, Authorization="Bearer bk_" + "A" * 43), body)
            checked += 1
            if st not in (401, 303):
                problems.append(f"{m} {pat} with a wrong token: {st}")
        for role in ROLES:
            if role in HOLDERS[perm]:
                continue
            st, _, _ = request(url, m, path, dict(
                hdr, Authorization="Bearer " + tokens[role]), body)
            checked += 1
            if st != 403:
                problems.append(f"{m} {pat} as {role} (lacks {perm}): {st}")
    return checked, problems


def walk_csrf(url, table, cookies, subst):
    problems = []
    checked = 0
    for m, pat, perm, flags in table:
        if m == "GET":
            continue
        path = fill(pat, subst)
        hdr, body = body_of(flags)
        hdr["Cookie"] = cookies["session"]
        for label, extra in (("no token", {}),
                             ("a wrong token", {"X-CSRF-Token": "wrong"}),
                             ("another session's token",
                              {"X-CSRF-Token": cookies["other_csrf"]})):
            st, _, _ = request(url, m, path, dict(hdr, **extra), body)
            checked += 1
            if st != 403:
                problems.append(f"{m} {pat} with {label}: {st}")
    return checked, problems


def main():
    mode, url, table_path, creds_path, subst_path = sys.argv[1:6]
    table = routes(table_path)
    with open(creds_path, encoding="utf-8") as fp:
        creds = json.load(fp)
    with open(subst_path, encoding="utf-8") as fp:
        subst = json.load(fp)
    if mode == "auth":
        checked, problems = walk_auth(url, table, creds, subst)
    else:
        checked, problems = walk_csrf(url, table, creds, subst)
    for p in problems:
        print("problem:", p)
    print(f"websec {mode}: {len(table)} routes, {checked} requests, "
          f"{len(problems)} problems")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
