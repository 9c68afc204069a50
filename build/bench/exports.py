"""Export benchmarks: every deal, then 1,000,000 activities, to CSV, JSON and XLSX through the running service.

Started by build/bench/run.sh (after the integration scenarios, or alone with --only exports) against the same service
and data. Tops the organization's feed up to ACTIVITIES entries with one set-based statement
(build/bench/seed-activities.sql), then for each export measures the time from the request to the file being ready
(the job's status polled every 100 ms) and samples the service's resident memory every 50 ms; prints a markdown table.
"""
import argparse
import json
import os
import subprocess
import threading
import time
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("--service", required=True)
p.add_argument("--work", required=True)
p.add_argument("--psql", required=True, help="libpq connection string of the service's database")
p.add_argument("--service-pid", type=int, default=None)
p.add_argument("--activities", type=int, default=1_000_000)
args = p.parse_args()

API = "/api/v1"


def call(method, path, body=None, headers=None, timeout=60):
    request = urllib.request.Request(args.service + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read()
        return json.loads(text) if text else None


def psql(sql, *variables):
    command = ["psql", args.psql, "-qtAX", "-v", "ON_ERROR_STOP=1"]
    for v in variables:
        command += ["-v", v]
    return subprocess.run(command + (["-f", sql] if sql.endswith(".sql") else ["-c", sql]),
                          check=True, capture_output=True, text=True).stdout.strip()


def rss_mb():
    if args.service_pid is None:
        return 0.0
    with open(f"/proc/{args.service_pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


login = call("POST", API + "/auth/login", {"email": "owner@demo.crm.test", "password": os.environ["BENCH_PASSWORD"]})
org = next(o["id"] for o in login["organizations"] if o["name"] == "Acme Demo")
auth = {"Authorization": "Bearer " + login["access_token"], "X-Organization-Id": org}

have = int(psql(f"SELECT count(*) FROM activities WHERE organization_id = '{org}'"))
if have < args.activities:
    started = time.perf_counter()
    psql("build/bench/seed-activities.sql", f"org={org}", f"count={args.activities - have}")
    psql("VACUUM ANALYZE activities")
    print(f"  seeded {args.activities - have:,} activities in {time.perf_counter() - started:,.0f} s", flush=True)

rows = []
for record_type in ("deals", "activities"):
    for fmt in ("csv", "json", "xlsx"):
        peak, done = [rss_mb()], threading.Event()

        def sample():
            while not done.is_set():
                peak.append(rss_mb())
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        job = call("POST", API + "/exports", {"record_type": record_type, "format": fmt}, auth)
        while job["status"] in ("queued", "running"):
            time.sleep(0.1)
            job = call("GET", API + f"/exports/{job['id']}", headers=auth)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        if job["status"] != "succeeded":
            raise SystemExit(f"export failed: {job}")
        exported = job["progress"]["rows_done"]
        rows.append((f"export of every {dict(deals='deal', activities='activity')[record_type]} to {fmt.upper()} (request to file ready)", exported,
                     job["file_size"] / 1e6, seconds, exported / seconds, max(peak), peak[0]))
        print(f"  {rows[-1][0]}: {exported:,} rows, {seconds:,.1f} s, {exported / seconds:,.0f} rows/s, "
              f"peak {max(peak):,.0f} MB (before {peak[0]:,.0f} MB)", flush=True)

lines = ["", "| export scenario | rows | file MB | seconds | rows/s | service peak RSS MB (before) |", "|---|---:|---:|---:|---:|---:|"]
lines += [f"| {name} | {n:,} | {mb:,.1f} | {s:,.1f} | {rate:,.0f} | {top:,.0f} ({before:,.0f}) |"
          for name, n, mb, s, rate, top, before in rows]
report = "\n".join(lines)
with open(os.path.join(args.work, "results.md"), "a") as f:
    f.write(report + "\n")
print(report)
