"""Runs Crm's benchmark scenarios with wrk and their main SQL with pgbench; prints a markdown table.

Started by build/bench/run.sh, which owns the database and the services; see there.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import time
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("--scale", required=True)
p.add_argument("--service", required=True)
p.add_argument("--service-pid", type=int, required=True)
p.add_argument("--sql-service", required=True)
p.add_argument("--sql-log", required=True)
p.add_argument("--work", required=True)
p.add_argument("--psql", required=True)
args = p.parse_args()

large = args.scale == "large"
DURATION = 10 if large else 4
THREADS = 2
API = "/api/v1"
os.makedirs(os.path.join(args.work, "sql"), exist_ok=True)


def call(base, method, path, body=None, token=None, org=None, headers=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if org:
        request.add_header("X-Organization-Id", org)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
        return json.loads(text) if text else None


password = os.environ["BENCH_PASSWORD"]
login = call(args.service, "POST", API + "/auth/login", {"email": "owner@demo.crm.test", "password": password})
token = login["access_token"]
org = next(o["id"] for o in login["organizations"] if o["name"] == "Acme Demo")


def get(path, base=None):
    return call(base or args.service, "GET", path, token=token, org=org)


# Open deals (their stage can move) for the write scenarios and single-record reads.
deals, cursor = [], None
while len(deals) < 4000:
    page = get(API + "/deals?status=new&status=in_progress&page_size=100" + (f"&cursor={cursor}" if cursor else ""))
    deals += [(d["id"], d["stage"]) for d in page["items"] if d["stage"] != "closed"]
    cursor = page.get("next_cursor")
    if not cursor:
        break
ids_file = os.path.join(args.work, "deals.txt")
with open(ids_file, "w") as f:
    f.writelines(f"{i} {s}\n" for i, s in deals)

# Companies for the single-company read (its counts and won amounts are computed per read).
companies = [c["id"] for c in get(API + "/companies?page_size=100")["items"]]
companies_file = os.path.join(args.work, "companies.txt")
with open(companies_file, "w") as f:
    f.writelines(f"{c} -\n" for c in companies)

# Contacts for their timelines (their own entries, activities logged on them, their deals' entries).
contacts = [c["id"] for c in get(API + "/contacts?page_size=100")["items"]]
contacts_file = os.path.join(args.work, "contacts.txt")
with open(contacts_file, "w") as f:
    f.writelines(f"{c} -\n" for c in contacts)

# A cursor 10,000 rows deep (or half way on a small organization) and its page-number equivalent.
total_contacts = get(API + "/contacts?page_size=1")["total"]
depth = min(10_000, (total_contacts // 2) // 100 * 100)
cursor = None
for _ in range(depth // 100):
    cursor = get(API + "/contacts?page_size=100" + (f"&cursor={cursor}" if cursor else ""))["next_cursor"]
deep_page = depth // 20 + 1

# Search terms from the data: a name prefix, and a surname with two letters swapped (a typo).
names = [c["name"] for c in get(API + "/contacts?page_size=50")["items"]]
surname = next(n.split()[-1] for n in names if len(n.split()[-1]) >= 6)
typo = surname[:2] + surname[3] + surname[2] + surname[4:]
prefix = names[0][:3]
# A term that a good share of the contacts match (their mail provider), so that page 500 of it exists.
common = max(("gmail", "yahoo", "hotmail"), key=lambda t: get(API + f"/contacts?page_size=1&search={t}")["total"])
common_total = get(API + f"/contacts?page_size=1&search={common}")["total"]
search_page = max(1, min(deep_page, common_total // 20 - 1))

Scenario = dict
scenarios = [
    Scenario(name="sign in", method="POST", path=API + "/auth/login", kind="write",
             body=json.dumps({"email": "member@demo.crm.test", "password": password}), auth=False),
    Scenario(name="list contacts, page 1", path=API + "/contacts?page=1&page_size=20"),
    Scenario(name=f"list contacts, page {deep_page}", path=API + f"/contacts?page={deep_page}&page_size=20"),
    Scenario(name=f"list contacts, cursor at row {depth:,}", path=API + f"/contacts?page_size=20&cursor={cursor}"),
    Scenario(name=f"list contacts, search '{prefix}'", path=API + f"/contacts?page=1&page_size=20&search={prefix}"),
    Scenario(name=f"list contacts, search '{common}' ({common_total:,} match), page {search_page}",
             path=API + f"/contacts?page={search_page}&page_size=20&search={common}"),
    Scenario(name="list companies, page 1", path=API + "/companies?page=1&page_size=20"),
    Scenario(name="list filtered and ordered by a custom field", path=API + "/contacts?cf.tier=gold&order_by=cf.score&page_size=20"),
    Scenario(name="get one company with its figures", path=API + "/companies/{id}", ids=companies_file, first=companies[0]),
    Scenario(name="list deals, 2 statuses by amount", path=API + "/deals?status=new&status=won&order_by=amount&order=desc&page_size=20"),
    Scenario(name="get one deal", path=API + "/deals/{id}", ids=True),
    Scenario(name="deal timeline, page 1", path=API + "/deals/{id}/activities?page_size=20", ids=True),
    Scenario(name="contact timeline", path=API + "/contacts/{id}/activities?page_size=20", ids=contacts_file, first=contacts[0]),
    Scenario(name="organization feed", path=API + "/activities?page_size=20"),
    Scenario(name="analytics summary, warm", path=API + "/analytics/deals/summary"),
    Scenario(name="analytics funnel, warm", path=API + "/analytics/deals/funnel"),
    Scenario(name="analytics trend, warm", path=API + "/analytics/deals/trend?interval=week&from=2025-12-01&to=2026-11-30"),
    Scenario(name="analytics forecast, warm", path=API + "/analytics/deals/forecast?months=12"),
    Scenario(name="analytics velocity, warm", path=API + "/analytics/deals/velocity?days=90"),
    Scenario(name="analytics owners, warm", path=API + "/analytics/owners?days=90"),
    Scenario(name=f"search with a typo '{typo}'", path=API + f"/search?q={typo}&page_size=20"),
    Scenario(name="patch deal stage", method="PATCH", path=API + "/deals/{id}", body='{"stage": "{stage}"}', ids=True, kind="write"),
    Scenario(name="create task", method="POST", path=API + "/tasks", ids=True, kind="write",
             body='{"deal_id": "{id}", "title": "Call back", "due_date": "{date}"}'),
]


def wrk(s, connections, duration):
    out = os.path.join(args.work, "wrk.jsonl")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, BENCH_METHOD=s.get("method", "GET"), BENCH_PATH=s["path"], BENCH_BODY=s.get("body", ""),
               BENCH_TOKEN=token if s.get("auth", True) else "", BENCH_ORG=org, BENCH_IDS=(s["ids"] if isinstance(s.get("ids"), str) else ids_file) if s.get("ids") else "",
               BENCH_THREADS=str(THREADS), BENCH_OUT=out)
    subprocess.run(["wrk", "-t", str(THREADS), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
                    "-s", "build/bench/wrk.lua", args.service], env=env, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return json.loads(f.readline())


def rss_mb(field):
    with open(f"/proc/{args.service_pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


# --- The ceiling: the scenario's own SQL, as the database received it from the logging service, run by pgbench. ---
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
STATEMENT = re.compile(r"LOG:  duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
TIMESTAMP = re.compile(r"'(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d(?:\.\d+)?)\+00'")
NOT_MAIN = re.compile(r'\b(FROM|JOIN|INTO|UPDATE)\s+"?(user_sessions|memberships|users|organizations|cache_tags|outbox_messages|refresh_tokens|audit_logs)"?\b', re.I)


def without_colons(literal):
    # pgbench reads ":name" as a variable; spell timestamps without colons.
    return TIMESTAMP.sub(lambda m: "make_timestamptz({}, {}, {}, {}, {}, {}, 'UTC')".format(
        *(int(g) for g in m.groups()[:5]), m.group(6)), literal)


def capture_sql(s):
    """Sends the request once to the logging service and returns the statements it ran, parameters filled in."""
    with open(args.sql_log, errors="replace") as f:
        f.seek(0, 2)
        start = f.tell()
    call(args.sql_service, "GET", s["path"].replace("{id}", s.get("first", deals[0][0])), token=token, org=org)
    time.sleep(0.5)
    with open(args.sql_log, errors="replace") as f:
        f.seek(start)
        entries, current = [], None
        for line in f:
            if ENTRY.match(line):
                current = [line]
                entries.append(current)
            elif current is not None:
                current.append(line)
    commands, last = [], None
    for entry in ("".join(e) for e in entries):
        if "LOG:  duration:" in entry:
            m = STATEMENT.search(entry)
            last = m.group(1).strip() if m else None
            if last:
                commands.append(last)
        elif "DETAIL:  parameters:" in entry and last and commands:
            values = dict(PARAMETER.findall(entry.split("DETAIL:  parameters:", 1)[1]))
            commands[-1] = re.sub(r"\$(\d+)\b", lambda m: without_colons(values.get(m.group(1), m.group(0))), last)
    # Settings the service makes for its queries (SET LOCAL inside its transaction) apply to the ceiling's session.
    # (The driver's own connection reset, SET SESSION AUTHORIZATION ... DISCARD TEMP, is not the scenario's.)
    commands = [re.sub(r"^\s*SET LOCAL\b", "SET", c, flags=re.I) if re.match(r"\s*SET LOCAL\b", c, re.I) else c
                for c in commands]
    return [c.rstrip(";") for c in commands
            if re.match(r"\s*(SELECT|WITH)\b", c, re.I) or (re.match(r"SET \w", c) and ";" not in c)]


def main_queries(commands):
    """The queries that fetch the page or the record: not the session and membership checks, not the counts."""
    return [c for c in commands if not NOT_MAIN.search(c) and not re.match(r"SELECT count\(\*\)", c, re.I)]


def pgbench(script, connections, duration):
    result = subprocess.run(["pgbench", "-n", "-M", "prepared", "-c", str(connections), "-j", str(THREADS),
                             "-T", str(duration), "-f", script, args.psql],
                            capture_output=True, text=True)
    m = re.search(r"tps = ([\d.]+)", result.stdout)
    if not m or "failed: 0" not in result.stdout.replace("failed: 0 (0.000%)", "failed: 0"):
        pass
    return float(m.group(1)) if m else None


# BENCH_SCENARIOS (a regular expression) measures only the scenarios whose names it finds, e.g. to check new rows.
only = os.environ.get("BENCH_SCENARIOS")
if only:
    scenarios = [s for s in scenarios if re.search(only, s["name"])]

rows = []
for s in scenarios:
    print(f"  {s['name']}...", flush=True)
    wrk(s, 8, 2)  # warm up
    ceiling, commands = None, []
    if s.get("kind", "read") == "read":
        commands = capture_sql(s)
        main = main_queries(commands)
        if any(not q.upper().startswith("SET") for q in main):
            script = os.path.join(args.work, "sql", re.sub(r"\W+", "-", s["name"]).strip("-") + ".sql")
            with open(script, "w") as f:
                f.write("".join(q + ";\n" for q in main))
    latency = wrk(s, 8, DURATION)
    throughput = wrk(s, 32, DURATION)
    if s.get("kind", "read") == "read" and any(not q.upper().startswith("SET") for q in main):
        ceiling = pgbench(script, 32, DURATION)
    rows.append(dict(name=s["name"], kind=s.get("kind", "read"), latency=latency, throughput=throughput,
                     ceiling=ceiling, queries=sum(1 for c in commands if not c.upper().startswith("SET")), rss=rss_mb("VmRSS")))

# Analytics cold: every read right after a write that invalidates the organization's analytics.
cold = {}
reports = {
    "summary": "deals/summary",
    "funnel": "deals/funnel",
    "trend": "deals/trend?interval=week&from=2025-12-01&to=2026-11-30",
    "forecast": "deals/forecast?months=12",
    "velocity": "deals/velocity?days=90",
    "owners": "owners?days=90",
}
for endpoint, report in reports.items():
    timings = []
    for i in range(40 if large else 20):
        deal_id, stage = deals[i]
        nxt = {"qualification": "proposal", "proposal": "negotiation", "negotiation": "qualification"}[stage]
        call(args.service, "PATCH", f"{API}/deals/{deal_id}", {"stage": nxt}, token=token, org=org)
        deals[i] = (deal_id, nxt)
        started = time.perf_counter()
        get(f"{API}/analytics/{report}")
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    q = lambda p: timings[min(len(timings) - 1, int(round(p / 100 * len(timings))) - 1)]
    cold[endpoint] = (q(50), q(95), q(99), len(timings))

peak = rss_mb("VmHWM")
machine = subprocess.run(["sh", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; free -g | awk '/Mem/ {print $2}'"],
                         capture_output=True, text=True).stdout.split("\n")
lines = [
    f"Scale `{args.scale}`; {machine[0].strip()} cores ({machine[1].strip()}), {machine[2].strip()} GiB; service, "
    f"PostgreSQL 15, wrk and pgbench on one machine; {DURATION} s per measurement, {THREADS} load threads.",
    "",
    "| scenario | req/s @32 | ceiling tx/s @32 | service/ceiling | p50 @8 ms | p95 @8 ms | p99 @8 ms | errors | SQL per request |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for r in rows:
    t, l = r["throughput"], r["latency"]
    ratio = f"{t['rps'] / r['ceiling'] * 100:.0f} %" if r["ceiling"] else "—"
    ceiling = f"{r['ceiling']:,.0f}" if r["ceiling"] else "—"
    lines.append(f"| {r['name']} | {t['rps']:,.0f} | {ceiling} | {ratio} | {l['p50']:.1f} | {l['p95']:.1f} | {l['p99']:.1f} | "
                 f"{t['errors'] + l['errors']} | {r['queries'] or '—'} |")
for endpoint, (p50, p95, p99, n) in cold.items():
    lines.append(f"| analytics {endpoint}, cold (after a write, 1 connection, {n} reads) | — | — | — | {p50:.1f} | {p95:.1f} | {p99:.1f} | 0 | — |")
lines += ["", f"Service peak memory (VmHWM): {peak:.0f} MB."]
report = "\n".join(lines)
with open(os.path.join(args.work, "results.md"), "w") as f:
    f.write(report + "\n")
print()
print(report)
