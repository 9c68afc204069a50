"""Integration benchmarks: batch upsert, webhook delivery latency and change feed throughput; prints a markdown table.

Exports are measured by build/bench/exports.py.

Started by build/bench/run.sh after bench.py, against the same service and data; see there. Everything is on
loopback: the webhook receiver is a small HTTP server in this process.
"""
import argparse
import hashlib
import hmac
import http.server
import json
import os
import statistics
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("--service", required=True)
p.add_argument("--work", required=True)
p.add_argument("--scale", required=True)
p.add_argument("--service-pid", type=int, default=None)
args = p.parse_args()

large = args.scale == "large"
API = "/api/v1"
BATCH_ROUNDS = 20
BATCH_WARMUP_S = 10
WEBHOOK_EVENTS = 1000 if large else 400
WRITERS = 8


def call(method, path, body=None, headers=None, timeout=60):
    request = urllib.request.Request(args.service + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read()
        return json.loads(text) if text else None


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered))) - 1))]


password = os.environ["BENCH_PASSWORD"]
login = call("POST", API + "/auth/login", {"email": "owner@demo.crm.test", "password": password})
org = next(o["id"] for o in login["organizations"] if o["name"] == "Acme Demo")
person = {"Authorization": "Bearer " + login["access_token"], "X-Organization-Id": org}
# The integration acts as an integration would: with an API key of its own.
key = call("POST", API + "/api-keys", {"name": "Benchmark sync", "role": "admin"}, person)["secret"]
auth = {"Authorization": "Bearer " + key}
run = uuid.uuid4().hex[:8]
rows = []


def add(name, measured, p50, p95, notes):
    rows.append((name, measured, p50, p95, notes))
    print(f"  {name}: {measured}, p50 {p50:.1f} ms, p95 {p95:.1f} ms, {notes}", flush=True)


# --- Batch upsert: 500 contacts a request, half new and half matched by external_id (updated). ---------------------
def batch_items(round_no, prefix=None):
    items = []
    for i in range(500):
        # Even rounds create 500; odd rounds update the previous round's 250 and create 250.
        n = (round_no - 1) * 500 + i if round_no % 2 and i < 250 else round_no * 500 + i
        tag = prefix or run
        items.append({"external_id": f"bench-{tag}-{n}", "name": f"Bench Contact {tag} {n} r{round_no}",
                      "email": f"bench.{tag}.{n}@example.com" if i % 3 else None})
    return items


# Warm up as the wrk scenarios do (for a few seconds), so that the measured batches run the code a running service
# runs, compiled at its final tier, rather than the JIT's first tiers; the warm-up writes its own contacts.
warm_until, warm_round = time.perf_counter() + BATCH_WARMUP_S, 0
while warm_round < 3 or time.perf_counter() < warm_until:
    call("POST", API + "/contacts/batch", {"match_on": "external_id", "items": batch_items(warm_round, run + "w")}, auth)
    warm_round += 1
batch_ms, outcomes = [], {}
for r in range(1, BATCH_ROUNDS + 1):
    started = time.perf_counter()
    answer = call("POST", API + "/contacts/batch", {"match_on": "external_id", "items": batch_items(r)}, auth)
    batch_ms.append((time.perf_counter() - started) * 1000)
    for item in answer["items"]:
        outcomes[item["status"]] = outcomes.get(item["status"], 0) + 1
add("batch upsert of 500 contacts (match_on external_id, ~half updates), 1 connection",
             f"{len(batch_ms)} batches", quantile(batch_ms, 50), quantile(batch_ms, 95),
             f"{500 / (statistics.median(batch_ms) / 1000):,.0f} items/s; " + ", ".join(f"{v} {k}" for k, v in sorted(outcomes.items())))

# --- Webhook delivery latency: from the writer's 201 (the change has committed) to the receiver. ------------------
arrived, arrived_lock, bad_signatures = {}, threading.Lock(), [0]
secret_holder = {}


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        now = time.perf_counter()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        expected = hmac.new(secret_holder["secret"].encode(), f"{self.headers['Crm-Timestamp']}.".encode() + body,
                            hashlib.sha256).hexdigest()
        sent = [s.strip()[3:] for s in self.headers.get("Crm-Signature", "").split(",") if s.strip().startswith("v1=")]
        if not any(hmac.compare_digest(expected, s) for s in sent):
            bad_signatures[0] += 1
        event = json.loads(body)
        if event["type"] == "contact.created":
            with arrived_lock:
                arrived[event["data"]["object"]["id"]] = now
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
hook = call("POST", API + "/webhooks", {"url": f"http://127.0.0.1:{server.server_address[1]}/crm",
                                         "events": ["contact.created"], "description": "Benchmark receiver"}, auth)
secret_holder["secret"] = hook["secret"]

committed = {}


def write(i):
    contact = call("POST", API + "/contacts", {"name": f"Hook Contact {run} {i}"}, auth)
    committed[contact["id"]] = time.perf_counter()


started = time.perf_counter()
with ThreadPoolExecutor(WRITERS) as pool:
    list(pool.map(write, range(WEBHOOK_EVENTS)))
write_seconds = time.perf_counter() - started
deadline = time.time() + 120
while time.time() < deadline and len(arrived) < len(committed):
    time.sleep(0.2)
server.shutdown()
latency = [(arrived[i] - t) * 1000 for i, t in committed.items() if i in arrived]
call("DELETE", API + f"/webhooks/{hook['id']}", headers=auth)
add(f"webhook delivery, writer's 201 (after commit) → receiver, {WRITERS} writers creating contacts",
             f"{len(latency)}/{len(committed)} events", quantile(latency, 50) if latency else float("nan"),
             quantile(latency, 95) if latency else float("nan"),
             f"{len(committed) / write_seconds:,.0f} writes/s; {bad_signatures[0]} bad signatures")

# --- Change feed: follow the cursor from the beginning of retention to the end, 100 rows a page. -----------------
pages, total, cursor = [], 0, None
started = time.perf_counter()
while True:
    t = time.perf_counter()
    page = call("GET", API + "/changes?page_size=100" + (f"&cursor={cursor}" if cursor else ""), headers=auth)
    pages.append((time.perf_counter() - t) * 1000)
    total += len(page["items"])
    cursor = page["next_cursor"]
    if not page["items"]:
        break
seconds = time.perf_counter() - started
add("change feed, following next_cursor from the start, page_size 100, 1 connection",
             f"{total:,} rows, {len(pages)} pages", quantile(pages, 50), quantile(pages, 95), f"{total / seconds:,.0f} rows/s")

lines = ["", "| integration scenario | measured | p50 ms | p95 ms | throughput and notes |", "|---|---:|---:|---:|---|"]
lines += [f"| {name} | {n} | {p50:.1f} | {p95:.1f} | {notes} |" for name, n, p50, p95, notes in rows]
report = "\n".join(lines)
with open(os.path.join(args.work, "results.md"), "a") as f:
    f.write(report + "\n")
print(report)
