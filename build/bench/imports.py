"""Import benchmark: a 100,000-row contacts CSV, then a 100,000-row companies CSV (upsert on domain), through
POST /api/v1/imports; prints rows/minute and peak memory of each.

Started by build/bench/run.sh (--only imports, or after the other scenarios), against the same service and data; see
there. The time is from the upload's 202 to the job's succeeded status (checks, staging, contacts, timeline, audit).
"""
import argparse
import json
import os
import threading
import time
import urllib.request
import uuid

p = argparse.ArgumentParser()
p.add_argument("--service", required=True)
p.add_argument("--work", required=True)
p.add_argument("--service-pid", type=int, default=None)
p.add_argument("--rows", type=int, default=100_000)
args = p.parse_args()
API = "/api/v1"


def call(method, path, body=None, headers=None, content_type="application/json", timeout=600):
    data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(args.service + path, method=method, data=data)
    request.add_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read()
        return json.loads(text) if text else None


def rss_mb(field):
    with open(f"/proc/{args.service_pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


password = os.environ["BENCH_PASSWORD"]
login = call("POST", API + "/auth/login", {"email": "owner@demo.crm.test", "password": password})
org = next(o["id"] for o in login["organizations"] if o["name"] == "Acme Demo")
auth = {"Authorization": "Bearer " + login["access_token"], "X-Organization-Id": org}
run = uuid.uuid4().hex[:8]


def run_import(label, file_name, record_type, mode, mapping, header, row):
    """Uploads a generated file, follows the job to its end, and answers its table row."""
    lines = [header] + [row(i) for i in range(args.rows)]
    csv = ("\r\n".join(lines) + "\r\n").encode()
    with open(os.path.join(args.work, file_name), "wb") as f:
        f.write(csv)

    boundary = "bench" + uuid.uuid4().hex
    fields = {"record_type": record_type, "mode": mode, "mapping": json.dumps(mapping)}
    body = b""
    for name, value in fields.items():
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
    body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n".encode()
    body += csv + f"\r\n--{boundary}--\r\n".encode()

    peak = [rss_mb("VmRSS") if args.service_pid else 0.0]
    sampling = [True]

    def sample():
        while sampling[0]:
            if args.service_pid:
                peak[0] = max(peak[0], rss_mb("VmRSS"))
            time.sleep(0.2)

    before = rss_mb("VmRSS") if args.service_pid else 0.0
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    uploaded = time.monotonic()
    job = call("POST", API + "/imports", body, auth, f"multipart/form-data; boundary={boundary}")
    accepted = time.monotonic()
    while job["status"] in ("queued", "running"):
        time.sleep(0.5)
        job = call("GET", API + f"/imports/{job['id']}", None, auth)
    finished = time.monotonic()
    sampling[0] = False
    sampler.join()

    seconds = finished - accepted
    rate = job["progress"]["rows_done"] / seconds * 60
    print(f"  {label} import status: {job['status']}")
    return (f"| {label} ({len(csv) / 1e6:.1f} MB), {mode} | {job['progress']['rows_done']:,} ({job['counts']['created']:,} created, "
            f"{job['counts']['failed']:,} failed) | {accepted - uploaded:.1f} s | {seconds:.1f} s | {rate:,.0f} | "
            f"{before:,.0f} MB → {peak[0]:,.0f} MB |")


table = [
    "| Import | Rows | Upload and checks | Run | Rows/minute | Service RSS before → peak |",
    "|---|---|---|---|---|---|",
    run_import(
        "contacts CSV", "import-contacts.csv", "contacts", "create",
        {"Full name": "name", "E-mail": "email", "Phone": "phone", "Tags": "tags"}, "Full name,E-mail,Phone,Tags",
        lambda i: f"Imported Person {run} {i},import.{run}.{i}@example.com,+1 555 {100000 + i},imported;bench"),
    run_import(
        "companies CSV", "import-companies.csv", "companies", "upsert",
        {"Company": "name", "Website": "domain", "Industry": "industry", "Employees": "employee_count", "City": "address_city",
         "Country": "address_country", "Tags": "tags"},
        "Company,Website,Industry,Employees,City,Country,Tags",
        lambda i: f"Imported Company {run} {i},https://www.c{i}-{run}.example/,Software,{10 + i % 500},Berlin,DE,imported;bench"),
]
print("\n".join(table))
with open(os.path.join(args.work, "imports.md"), "w") as f:
    f.write("\n".join(table) + "\n")
