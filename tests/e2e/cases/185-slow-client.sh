# Security: slow clients do not block others.  With one worker (one event
# loop), eight connections send a request one byte a second; meanwhile
# ordinary requests are answered promptly (each under a second, all of
# them within a few seconds).
. "$E2E_LIB"

init_register
add_user dpo1 dpo
TOKEN=$(api_token dpo1)
serve_start --threads 1
run /usr/bin/python3 - "$URL" "$TOKEN" <<'PYEOF'
import socket, sys, threading, time, urllib.request

url, tok = sys.argv[1], sys.argv[2]
host, port = url.split("//")[1].split(":")
port = int(port)
stop = time.time() + 6
sent = [0] * 8

def slow(i):
    s = socket.create_connection((host, port))
    req = b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + \
        tok.encode() + b"\r\n\r\n"
    for b in req:
        if time.time() > stop:
            break
        s.send(bytes([b]))
        sent[i] += 1
        time.sleep(1)
    s.close()

ts = [threading.Thread(target=slow, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
time.sleep(1.5)
lat = []
t0 = time.time()
for k in range(30):
    r = urllib.request.Request(url + "/api/v1/me",
                               headers={"Authorization": "Bearer " + tok})
    a = time.time()
    with urllib.request.urlopen(r, timeout=10) as resp:
        assert resp.status == 200, resp.status
        resp.read()
    lat.append(time.time() - a)
total = time.time() - t0
slow_open = time.time() < stop
for t in ts:
    t.join()
print(f"30 requests in {total:.2f} s, slowest {max(lat):.3f} s, "
      f"slow clients sent {sum(sent)} bytes, still sending: {slow_open}")
assert slow_open, "the slow clients had stopped before the test ended"
assert max(lat) < 1.0, "a request waited behind the slow clients"
assert total < 5.0
PYEOF
cat "$LAST_OUT" "$LAST_ERR"
[ "$RC" -eq 0 ] || fail "slow clients blocked the others"
serve_stop
