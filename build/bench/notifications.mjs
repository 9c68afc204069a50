// Live notification latency: N SignalR clients (the package's subscribeToNotifications, WebSockets) connected as the
// seeded organization's members, while the owner assigns tasks to them at a steady rate through the API. Each
// notification's created_at (stamped in the transaction of the write) is compared with the time a client receives it,
// on the same machine: commit, queue, notification made, pushed. Prints receipts and p50/p95/p99/max latency.
// Started by build/bench/run.sh (--only notifications), which builds build/client first; bounded to about a minute.
//   node build/bench/notifications.mjs --service URL [--clients 100] [--rate 20] [--seconds 30]
import { loadavg, cpus } from "node:os";
import { subscribeToNotifications } from "../client/dist/notifications.js";

const options = { clients: 100, rate: 20, seconds: 30 };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
const service = options.service;
const clients = Number(options.clients), rate = Number(options.rate), seconds = Math.min(Number(options.seconds), 45);
const password = process.env.BENCH_PASSWORD;

async function call(method, path, token, body, organization) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (organization) headers["X-Organization-Id"] = organization;
  const response = await fetch(service + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))];

const owner = await call("POST", "/api/v1/auth/login", undefined, { email: "owner@demo.crm.test", password });
const org = owner.organizations.find((o) => o.name === "Acme Demo").id;
const members = (await call("GET", `/api/v1/organizations/${org}/members?page_size=100`, owner.access_token)).items
  .filter((m) => m.user_id !== owner.user.id);
const people = [];
for (const member of members) {
  const signedIn = await call("POST", "/api/v1/auth/login", undefined, { email: member.email, password });
  people.push({ id: signedIn.user.id, token: signedIn.access_token });
}
const deal = (await call("GET", "/api/v1/deals?page_size=1", owner.access_token, undefined, org)).items[0].id;

// The clients, spread evenly over the members.
const latencies = [];
let received = 0;
const subscriptions = [];
const connectStart = performance.now();
for (let i = 0; i < clients; i++) {
  const person = people[i % people.length];
  subscriptions.push(await subscribeToNotifications({
    baseUrl: service, accessToken: person.token, reconnect: false,
    onNotification: (n) => {
      received++;
      latencies.push(Date.now() - Date.parse(n.created_at));
    },
  }));
}
const connectSeconds = (performance.now() - connectStart) / 1000;
const perPerson = people.map((_, p) => Math.floor(clients / people.length) + (p < clients % people.length ? 1 : 0));

// The writes: tasks assigned to the members in turn, `rate` a second, for `seconds`.
let writes = 0, expected = 0, failed = 0;
const started = performance.now();
const pending = [];
while (performance.now() - started < seconds * 1000) {
  const target = writes % people.length;
  writes++;
  pending.push(call("POST", "/api/v1/tasks", owner.access_token, { deal_id: deal, title: `Bench ${writes}`, assignee_id: people[target].id }, org)
    .then(() => { expected += perPerson[target]; }, () => { failed++; }));
  const due = started + (writes * 1000) / rate;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
}
await Promise.all(pending);
const drainUntil = performance.now() + 10000;
while (received < expected && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 100));
await Promise.all(subscriptions.map((s) => s.close()));

const sorted = latencies.sort((a, b) => a - b);
// Service, database and clients share the machine: its load says how far the figures are the service's own.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (1, 5, 15 min)`);
console.log(`notifications: ${clients} hub clients (WebSockets) of ${people.length} members, connected in ${connectSeconds.toFixed(1)} s`);
console.log(`  writes: ${writes} task assignments at ${rate}/s for ${seconds} s (${failed} failed)`);
console.log(`  receipts: ${received} of ${expected} expected`);
if (sorted.length > 0) {
  console.log(`  commit→receipt latency: p50 ${quantile(sorted, 50)} ms, p95 ${quantile(sorted, 95)} ms, p99 ${quantile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`);
  console.log(`  target p95 < 1000 ms: ${quantile(sorted, 95) < 1000 ? "met" : "NOT met"}`);
}
process.exit(received === expected && failed === 0 ? 0 : 1);
