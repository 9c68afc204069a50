// Tests of the generated TypeScript client: it is current with the committed OpenAPI document, its public
// declarations are typed throughout, and it drives a running service through the whole sales scenario.
// CRM_API_URL names the service (build/client-test.sh starts one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AuthClient, OrganizationsClient, MembersClient, ContactsClient, DealsClient, TasksClient,
  ActivitiesClient, AnalyticsClient, InvitationsClient, ApiKeysClient, AuditLogsClient, WebhooksClient, ChangesClient,
  CompaniesClient, CustomFieldsClient, NotificationsClient, CrmApiError,
} from "../dist/index.js";
import { subscribeToNotifications } from "../dist/notifications.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const baseUrl = process.env.CRM_API_URL;
const mailDir = process.env.CRM_MAIL_DIR;

test("the committed client is generated from the committed document", () => {
  const fresh = join(mkdtempSync(join(tmpdir(), "crm-client-")), "crm-client.ts");
  execFileSync(join(root, "..", "generate-client.sh"), [fresh], { stdio: "pipe" });
  const current = readFileSync(join(root, "src", "crm-client.ts"), "utf8");
  assert.ok(current === readFileSync(fresh, "utf8"),
    "build/client is out of date with build/openapi/v1.json: run build/generate-client.sh and commit the result");
});

test("the public declarations never use any", () => {
  for (const file of readdirSync(join(root, "dist")).filter((f) => f.endsWith(".d.ts"))) {
    const publicLines = readFileSync(join(root, "dist", file), "utf8").split("\n").filter((l) => !/^\s*protected /.test(l));
    const untyped = publicLines.filter((l) => /\bany\b/.test(l));
    assert.deepEqual(untyped, [], `${file} exposes any`);
  }
});

/**
 * Clients that send the bearer token of `token()` on every request (an access token or an API key), or with
 * `header` set, send it in that header instead (X-Api-Key).
 */
function clients(token, header) {
  const http = {
    fetch: (url, init = {}) => {
      const headers = new Headers(init.headers);
      if (token()) headers.set(header ?? "Authorization", header ? token() : `Bearer ${token()}`);
      return fetch(url, { ...init, headers });
    },
  };
  return {
    auth: new AuthClient(baseUrl, http), organizations: new OrganizationsClient(baseUrl, http),
    members: new MembersClient(baseUrl, http), contacts: new ContactsClient(baseUrl, http),
    deals: new DealsClient(baseUrl, http), tasks: new TasksClient(baseUrl, http),
    activities: new ActivitiesClient(baseUrl, http), analytics: new AnalyticsClient(baseUrl, http),
    invitations: new InvitationsClient(baseUrl, http), apiKeys: new ApiKeysClient(baseUrl, http),
    auditLogs: new AuditLogsClient(baseUrl, http), webhooks: new WebhooksClient(baseUrl, http),
    changes: new ChangesClient(baseUrl, http), companies: new CompaniesClient(baseUrl, http),
    customFields: new CustomFieldsClient(baseUrl, http), notifications: new NotificationsClient(baseUrl, http),
  };
}

/** The token of the `page` link mailed to `address` (the service writes .eml files to CRM_MAIL_DIR). */
async function mailedToken(address, page) {
  const pattern = new RegExp(`${page}\\?token=([A-Za-z0-9_%-]+)`);
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const file of mailDir ? readdirSync(mailDir) : []) {
      // Quoted-printable: join soft line breaks and decode the "=" of the query string.
      const text = readFileSync(join(mailDir, file), "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      const link = text.includes(address) && text.match(pattern);
      if (link) return decodeURIComponent(link[1]);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${page} email to ${address} in ${mailDir}`);
}

const verificationToken = (address) => mailedToken(address, "verify-email");

test("a problem answer is a typed error with its status and code", { skip: !baseUrl }, async () => {
  const api = clients(() => undefined);
  await assert.rejects(api.auth.login({ email: "nobody@example.com", password: "not-the-password" }), (error) => {
    assert.ok(CrmApiError.isCrmApiError(error));
    assert.equal(error.status, 401);
    assert.equal(error.code, "invalid_credentials");
    assert.equal(error.problem?.code, "invalid_credentials");
    return true;
  });
});

test("register, organization, invite and accept, contact, deal, task, win, timeline, analytics", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let ownerToken, sellerToken;
  const owner = clients(() => ownerToken);
  const seller = clients(() => sellerToken);

  const registered = await owner.auth.register({
    email: `owner-${unique}@example.com`, password: "client-smoke-password", name: "Olivia Owner", organization_name: "Home",
  });
  ownerToken = registered.access_token;
  assert.equal(registered.organization?.role, "owner");

  const organization = await owner.organizations.create({ name: "Client Smoke Sales", default_currency: "EUR" });
  const org = organization.id;
  const sellerAccount = await seller.auth.register({
    email: `seller-${unique}@example.com`, password: "client-smoke-password", name: "Sam Seller", organization_name: "Own",
  });
  assert.equal(sellerAccount.user.email_verified, false);
  sellerToken = sellerAccount.access_token;
  // Only a proved address joins another organization.
  await seller.auth.verifyEmail({ token: await verificationToken(sellerAccount.user.email) });
  assert.equal((await seller.auth.me()).email_verified, true);
  // Nobody joins without consent: the owner invites, the seller (proved address) lists and accepts.
  const { invitation } = await owner.members.add(org, { email: sellerAccount.user.email, role: "member" });
  assert.equal(invitation.role, "member");
  assert.equal(invitation.invited_by.name, "Olivia Owner");
  assert.ok(await mailedToken(sellerAccount.user.email, "accept-invitation"));
  assert.ok(!(await seller.organizations.listMine()).items.some((o) => o.id === org));
  const pending = await seller.invitations.listMine();
  assert.deepEqual(pending.items.map((i) => [i.id, i.organization.id, i.organization.name, i.role]),
    [[invitation.id, org, "Client Smoke Sales", "member"]]);
  const joined = await seller.invitations.accept(invitation.id);
  assert.deepEqual([joined.id, joined.role], [org, "member"]);
  assert.ok((await seller.organizations.listMine()).items.some((o) => o.id === org && o.role === "member"));
  assert.deepEqual((await seller.invitations.listMine()).items, []);
  await assert.rejects(seller.invitations.accept(invitation.id), (error) =>
    error instanceof CrmApiError && error.status === 404 && error.code === "invitation_not_found");
  sellerToken = (await seller.auth.login({ email: sellerAccount.user.email, password: "client-smoke-password" })).access_token;

  const contact = await seller.contacts.create(org, { name: "Grace Hopper", email: `grace-${unique}@example.com` });
  // A retried create with the same Idempotency-Key answers the first result; a stale If-Match changes nothing.
  const ada = { name: "Ada Lovelace", email: `ada-${unique}@example.com` };
  const created = await seller.contacts.create(org, ada, `create-ada-${unique}`);
  assert.equal((await seller.contacts.create(org, ada, `create-ada-${unique}`)).id, created.id);
  await assert.rejects(seller.contacts.update(org, created.id, { phone: "+44 20 7946 0000" }, undefined, '"1"'), (error) =>
    error instanceof CrmApiError && error.status === 412 && error.code === "precondition_failed");
  const deal = await seller.deals.create(org, { contact_id: contact.id, title: "Compiler licences" });
  assert.equal(deal.currency, "EUR");
  assert.equal(deal.status, "new");
  const task = await seller.tasks.create(org, { deal_id: deal.id, title: "Send the offer" });

  await seller.deals.update(org, deal.id, { status: "in_progress", stage: "proposal" });
  await seller.tasks.update(org, task.id, { is_done: true });
  await assert.rejects(seller.deals.update(org, deal.id, { status: "won" }), (error) =>
    error instanceof CrmApiError && error.status === 400 && error.code === "deal_amount_required");
  const won = await seller.deals.update(org, deal.id, { status: "won", amount: 12500 });
  assert.equal(won.stage, "closed");

  const timeline = await owner.activities.list(org, deal.id);
  assert.deepEqual(timeline.items.map((a) => a.type),
    ["deal_updated", "stage_changed", "status_changed", "task_completed", "stage_changed", "status_changed", "task_created", "system"]);
  assert.equal(timeline.items[2].payload.to, "won");
  assert.deepEqual(timeline.items[0].payload.changes, [{ field: "amount", from: "0.00", to: "12500.00" }]);

  const summary = await owner.analytics.dealSummary(org, 30);
  assert.equal(summary.by_status["won"].count, 1);
  assert.equal(summary.by_status["won"].amounts["EUR"], 12500);
  const funnel = await owner.analytics.dealFunnel(org);
  assert.deepEqual(funnel.stages.map((s) => s.reached), [1, 1, 1, 1]);
  const velocity = await seller.analytics.dealVelocity(org, 30);
  assert.equal(velocity.won.count, 1);
  assert.equal(velocity.win_rate, 100);
  assert.deepEqual(velocity.stages.map((s) => [s.stage, s.exits]), [["qualification", 1], ["proposal", 1], ["negotiation", 0]]);

  // Live: the seller's subscription receives, as it is stored, the notification of a deal the owner gave it.
  const counts = [];
  let receive;
  const received = new Promise((resolve, reject) => {
    receive = resolve;
    setTimeout(() => reject(new Error("no live notification within 20 s")), 20000).unref();
  });
  const live = await subscribeToNotifications({
    baseUrl, accessToken: () => sellerToken, onNotification: (n) => receive(n), onUnreadCount: (c) => counts.push(c),
  });
  try {
    const given = await owner.deals.create(org, { contact_id: contact.id, title: "Renewal", owner_id: sellerAccount.user.id });
    const notification = await received;
    assert.equal(notification.type, "deal_assigned");
    assert.deepEqual(notification.record, { type: "deal", id: given.id });
    assert.deepEqual([notification.actor?.name, notification.organization_id], ["Olivia Owner", org]);
    const listed = await seller.notifications.list();
    assert.deepEqual(listed.items[0], notification);
    assert.ok(counts.length >= 1 && typeof counts[0].unread_count === "number");
  } finally {
    await live.close();
  }
});

test("an API key: shown once, acts as its organization's service member, read-only refused, revoked at once", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let ownerToken;
  const owner = clients(() => ownerToken);
  const registered = await owner.auth.register({
    email: `keys-${unique}@example.com`, password: "client-smoke-password", name: "Kim Keys", organization_name: "Integrations",
  });
  ownerToken = registered.access_token;
  const org = registered.organization.id;

  const created = await owner.apiKeys.create(org, { name: "Billing sync", role: "manager" });
  assert.match(created.secret, /^crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
  assert.equal(created.prefix, created.secret.slice(0, 12));
  assert.deepEqual([created.role, created.read_only, created.expires_at], ["manager", false, null]);

  // As a bearer credential and in X-Api-Key alike, the key acts in its organization and owns what it creates.
  const bearer = clients(() => created.secret);
  const header = clients(() => created.secret, "X-Api-Key");
  const contact = await bearer.contacts.create(org, { name: "Grace Hopper" });
  assert.equal(contact.owner_id, created.id);
  const deal = await header.deals.create(org, { contact_id: contact.id, title: "Nightly sync" });
  const timeline = await owner.activities.list(org, deal.id);
  assert.deepEqual(timeline.items.map((a) => [a.author_id, a.author_type]), [[created.id, "api_key"]]);
  const audit = await owner.auditLogs.list(org, 1, 100, created.id);
  assert.deepEqual(audit.items.map((e) => [e.action, e.actor_type]).sort(), [["create_contact", "api_key"], ["create_deal", "api_key"]]);
  await assert.rejects(bearer.auth.me(), (error) =>
    error instanceof CrmApiError && error.status === 403 && error.code === "api_key_not_allowed");
  await assert.rejects(bearer.apiKeys.list(org), (error) =>
    error instanceof CrmApiError && error.status === 403 && error.code === "insufficient_role");

  const readOnly = await owner.apiKeys.create(org, { name: "Reporting", role: "admin", read_only: true, expires_at: "2099-01-01T00:00:00Z" });
  const reader = clients(() => readOnly.secret);
  assert.equal((await reader.contacts.get(org, contact.id)).name, "Grace Hopper");
  await assert.rejects(reader.contacts.create(org, { name: "Nope" }), (error) =>
    error instanceof CrmApiError && error.status === 403 && error.code === "api_key_read_only");

  const listed = await owner.apiKeys.list(org);
  assert.deepEqual(listed.items.map((k) => [k.name, k.created_by.name]), [["Reporting", "Kim Keys"], ["Billing sync", "Kim Keys"]]);
  assert.ok(listed.items.find((k) => k.id === created.id).last_used_at);
  assert.ok(listed.items.every((k) => !("secret" in k)));
  assert.deepEqual(await owner.apiKeys.get(org, created.id), listed.items[1]);

  await owner.apiKeys.revoke(org, created.id);
  await assert.rejects(bearer.contacts.list(org), (error) =>
    error instanceof CrmApiError && error.status === 401 && error.code === "invalid_api_key");
  assert.deepEqual((await owner.apiKeys.list(org)).items.map((k) => k.id), [readOnly.id]);
});

/** RFC 4648 base32 without padding, as the service gives the authenticator secret. */
function base32Decode(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let buffer = 0, bits = 0;
  const bytes = [];
  for (const c of text.replace(/=+$/, "").toUpperCase()) {
    buffer = (buffer << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { bytes.push((buffer >> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 with HMAC-SHA1, six digits, 30-second steps: what an authenticator app shows for `step`. */
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const hash = createHmac("sha1", secret).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** The current 30-second step once at least 12 seconds of it remain, so that it and its neighbours stay valid. */
async function steadyStep() {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  if (left < 12) await new Promise((resolve) => setTimeout(resolve, (left + 0.2) * 1000));
  return Math.floor(Date.now() / 1000 / 30);
}

test("two-factor sign-in: set up, enable, sign in with a code and with a recovery code", { skip: !baseUrl }, async () => {
  const email = `two-factor-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = "correct-horse-battery-staple";
  let token;
  const api = clients(() => token);
  const registered = await api.auth.register({ email, password, name: "Two Factor", organization_name: "Guarded" });
  token = registered.access_token;
  assert.equal(registered.user.two_factor_enabled, false);

  const setup = await api.auth.setupTwoFactor();
  assert.match(setup.otpauth_uri, /^otpauth:\/\/totp\/Crm:.*\?secret=[A-Z2-7]+&issuer=Crm&algorithm=SHA1&digits=6&period=30$/);
  const secret = base32Decode(setup.secret);
  const step = await steadyStep();
  const { recovery_codes: recoveryCodes } = await api.auth.enableTwoFactor({ code: totp(secret, step - 1) });
  assert.equal(recoveryCodes.length, 10);
  assert.equal((await api.auth.me()).two_factor_enabled, true);

  /** Signs in with the password and answers the challenge token of the typed two_factor_required problem. */
  async function challenge() {
    token = undefined;
    let challengeToken;
    await assert.rejects(api.auth.login({ email, password }), (error) => {
      assert.ok(CrmApiError.isCrmApiError(error));
      assert.equal(error.status, 401);
      assert.equal(error.code, "two_factor_required");
      challengeToken = error.problem?.challenge_token;
      return typeof challengeToken === "string";
    });
    return challengeToken;
  }

  const first = await challenge();
  await assert.rejects(api.auth.loginTwoFactor({ challenge_token: first, code: totp(secret, step - 1) }), (error) =>
    error instanceof CrmApiError && error.status === 400 && error.code === "invalid_two_factor_code");
  const signedIn = await api.auth.loginTwoFactor({ challenge_token: first, code: totp(secret, step) });
  assert.equal(signedIn.user.two_factor_enabled, true);
  token = signedIn.access_token;
  assert.equal((await api.auth.me()).email, email);

  const second = await challenge();
  const recovered = await api.auth.loginTwoFactor({ challenge_token: second, recovery_code: recoveryCodes[0] });
  assert.equal(recovered.user.id, signedIn.user.id);
  const third = await challenge();
  await assert.rejects(api.auth.loginTwoFactor({ challenge_token: third, recovery_code: recoveryCodes[0] }), (error) =>
    error instanceof CrmApiError && error.code === "invalid_two_factor_code");
  await assert.rejects(api.auth.loginTwoFactor({ challenge_token: second, code: totp(secret, step + 1) }), (error) =>
    error instanceof CrmApiError && error.status === 401 && error.code === "invalid_challenge");
});

/**
 * A webhook receiver on loopback that checks every signature as README shows: HMAC-SHA256 of "{timestamp}.{body}"
 * with the secret, any of the v1= values, compared in constant time.
 */
async function receiver() {
  const events = [];
  let secret = "";
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = Buffer.from(createHmac("sha256", secret).update(`${request.headers["crm-timestamp"]}.${body}`).digest("hex"));
      const signed = String(request.headers["crm-signature"] ?? "").split(",").map((s) => s.trim())
        .filter((s) => s.startsWith("v1=")).map((s) => Buffer.from(s.slice(3)))
        .some((s) => s.length === expected.length && timingSafeEqual(s, expected));
      events.push({ signed, eventId: request.headers["crm-event-id"], event: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/crm`, events, close: () => server.close(),
    useSecret: (value) => { secret = value; },
    async until(predicate) {
      for (let attempt = 0; attempt < 300 && !predicate(events); attempt++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(predicate(events), `webhook events so far: ${events.map((e) => e.event.type).join(", ")}`);
    },
  };
}

test("an integration with an API key: batch upsert with an idempotency key, a signed webhook, the change feed", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let ownerToken;
  const owner = clients(() => ownerToken);
  const registered = await owner.auth.register({
    email: `sync-${unique}@example.com`, password: "client-smoke-password", name: "Sam Sync", organization_name: "Warehouse",
  });
  ownerToken = registered.access_token;
  const org = registered.organization.id;
  const key = await owner.apiKeys.create(org, { name: "ERP sync", role: "admin" });
  const erp = clients(() => key.secret);

  const hooks = await receiver();
  try {
    const webhook = await erp.webhooks.create(org, { url: hooks.url, events: ["deal.*", "contact.created"], description: "ERP" });
    hooks.useSecret(webhook.secret);
    assert.match(webhook.secret, /\S{32,}/);

    // A batch, retried with the same Idempotency-Key, writes once and answers the same.
    const items = [{ external_id: `erp-${unique}-1`, name: "Ada Lovelace" }, { external_id: `erp-${unique}-2`, name: "Grace Hopper" }];
    const idempotencyKey = randomUUID();
    const first = await erp.contacts.batch(org, { match_on: "external_id", items }, idempotencyKey);
    const replay = await erp.contacts.batch(org, { match_on: "external_id", items }, idempotencyKey);
    assert.deepEqual(first.items.map((i) => i.status), ["created", "created"]);
    assert.deepEqual(replay, first);
    const [ada, grace] = first.items.map((i) => i.id);
    await assert.rejects(erp.contacts.batch(org, { match_on: "external_id", items: [items[0]] }, idempotencyKey), (error) =>
      error instanceof CrmApiError && error.status === 422 && error.code === "idempotency_key_reused");
    const second = await erp.contacts.batch(org, {
      match_on: "external_id", items: [{ ...items[0], name: "Ada King" }, items[1], { name: "No key" }],
    });
    assert.deepEqual(second.items.map((i) => [i.status, i.code ?? null]), [["updated", null], ["unchanged", null], ["failed", "batch_match_key_missing"]]);

    // The webhook hears the deal being won, signed, with the record as the API shows it.
    const deal = await erp.deals.create(org, { contact_id: ada, title: "Analytical engine", amount: 900 });
    await erp.deals.update(org, deal.id, { status: "won" });
    await hooks.until((events) => events.some((e) => e.event.type === "deal.won"));
    const won = hooks.events.find((e) => e.event.type === "deal.won");
    assert.equal(won.eventId, won.event.id);
    assert.equal(won.event.organization_id, org);
    assert.deepEqual(won.event.actor, { type: "api_key", id: key.id });
    assert.equal(won.event.data.object.id, deal.id);
    assert.equal(won.event.data.object.status, "won");
    await hooks.until((events) => events.filter((e) => e.event.type === "contact.created").length === 2);
    assert.ok(hooks.events.every((e) => e.signed), "every delivery carries a valid signature");
    const deliveries = await erp.webhooks.listDeliveries(org, webhook.id);
    assert.ok(deliveries.items.some((d) => d.event_type === "deal.won" && d.status === "succeeded"));

    // The change feed, followed from the start, has every change once and in order, the deletion included.
    await erp.contacts.delete(org, grace);
    const seen = [];
    let cursor;
    for (let page = 0; page < 50; page++) {
      const changes = await erp.changes.list(org, cursor, undefined, 2);
      assert.ok(changes.next_cursor, "a page always carries a cursor to poll from");
      seen.push(...changes.items);
      cursor = changes.next_cursor;
      if (changes.items.length === 0) break;
    }
    assert.deepEqual(seen.map((c) => [c.type, c.action, c.id]), [
      ["contact", "created", ada], ["contact", "created", grace], ["contact", "updated", ada],
      ["deal", "created", deal.id], ["deal", "updated", deal.id], ["contact", "deleted", grace],
    ]);
    assert.equal(seen.at(-1).data, null);
    assert.equal(seen.find((c) => c.type === "deal").data.status, "won");
    assert.deepEqual([...new Set(seen.map((c) => c.sequence))].length, seen.length);
    assert.deepEqual((await erp.changes.list(org, cursor, undefined, 2)).items, []);
  } finally {
    hooks.close();
  }
});

test("a company: its domain in one form, contacts and deals linked to it, its figures, deleted with detach", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let token;
  const api = clients(() => token);
  const registered = await api.auth.register({
    email: `accounts-${unique}@example.com`, password: "client-smoke-password", name: "Alex Accounts", organization_name: "B2B",
  });
  token = registered.access_token;
  const org = registered.organization.id;

  const company = await api.companies.create(org, {
    name: "Analytical Engines Ltd", domain: `HTTPS://WWW.Engines-${unique}.example/about`, industry: "Machinery",
    address: { city: "London", country: "GB" },
  });
  assert.equal(company.domain, `engines-${unique}.example`);
  await assert.rejects(api.companies.create(org, { name: "Copy", domain: `engines-${unique}.example` }), (error) =>
    error instanceof CrmApiError && error.status === 409 && error.code === "company_domain_taken");

  const contact = await api.contacts.create(org, { name: "Ada Lovelace", company_id: company.id });
  const deal = await api.deals.create(org, { contact_id: contact.id, title: "Difference engine", amount: 1200, currency: "GBP" });
  assert.equal(deal.company_id, company.id, "a deal takes its contact's company");
  await api.deals.update(org, deal.id, { status: "won" });
  const details = await api.companies.get(org, company.id);
  assert.deepEqual([details.contact_count, details.open_deal_count], [1, 0]);
  assert.deepEqual(details.won_amounts.map((m) => [m.currency, Number(m.amount)]), [["GBP", 1200]]);
  assert.deepEqual((await api.contacts.list(org, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
    undefined, undefined, company.id)).items.map((c) => c.id), [contact.id]);

  await assert.rejects(api.companies.delete(org, company.id), (error) =>
    error instanceof CrmApiError && error.status === 409 && error.code === "company_has_records");
  await api.companies.delete(org, company.id, true);
  assert.equal((await api.contacts.get(org, contact.id)).company_id, null);
});

test("a custom field: defined by an owner, set on a company, read back typed, ordered by, refused when it does not fit", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let token;
  const api = clients(() => token);
  const registered = await api.auth.register({
    email: `fields-${unique}@example.com`, password: "client-smoke-password", name: "Fran Fields", organization_name: "Fields",
  });
  token = registered.access_token;
  const org = registered.organization.id;

  const segment = await api.customFields.create(org, { record_type: "company", key: "segment", label: "Segment", type: "select", options: ["enterprise", "smb"] });
  await api.customFields.create(org, { record_type: "company", key: "revenue", label: "Annual revenue", type: "currency", currency: "EUR" });
  assert.deepEqual((await api.customFields.list(org, "company")).items.map((f) => f.key), ["segment", "revenue"]);

  const big = await api.companies.create(org, { name: "Big", custom_fields: { segment: "enterprise", revenue: 2500000.5 } });
  const small = await api.companies.create(org, { name: "Small", custom_fields: { segment: "smb", revenue: 90000 } });
  assert.deepEqual((await api.companies.get(org, big.id)).custom_fields, { segment: "enterprise", revenue: 2500000.5 });
  const patched = await api.companies.update(org, small.id, { custom_fields: { revenue: null } });
  assert.deepEqual(patched.custom_fields, { segment: "smb" });
  const ordered = await api.companies.list(org, undefined, undefined, undefined, undefined, undefined, "cf.revenue");
  assert.deepEqual(ordered.items.map((c) => c.name), ["Big", "Small"]);

  await assert.rejects(api.companies.create(org, { name: "Odd", custom_fields: { segment: "galactic" } }), (error) =>
    error instanceof CrmApiError && error.status === 400 && error.code === "validation_failed"
      && Array.isArray(error.problem?.errors?.["custom_fields.segment"]));
  await api.customFields.delete(org, segment.id);
  assert.deepEqual((await api.companies.get(org, big.id)).custom_fields, { revenue: 2500000.5 });
});

test("a call logged on a contact, on its timeline after the contact's creation, and in the feed", { skip: !baseUrl }, async () => {
  const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let token;
  const api = clients(() => token);
  const registered = await api.auth.register({
    email: `calls-${unique}@example.com`, password: "client-smoke-password", name: "Cal Caller", organization_name: "Calls",
  });
  token = registered.access_token;
  const org = registered.organization.id;

  const contact = await api.contacts.create(org, { name: "Grace Hopper" });
  const call = await api.activities.log(org, {
    type: "call", subject: "Compiler pilot", body: "Agreed on a pilot in January.", occurred_at: "2026-11-20T10:15:00Z",
    duration_minutes: 25, outcome: "connected", contact_id: contact.id,
  });
  assert.equal(call.contact_id, contact.id);
  assert.equal(call.duration_minutes, 25);
  await assert.rejects(api.activities.log(org, { type: "call", body: "No record", occurred_at: "2026-11-20T10:15:00Z" }), (error) =>
    error instanceof CrmApiError && error.status === 400 && error.code === "validation_failed");

  const timeline = await api.contacts.timeline(org, contact.id);
  assert.deepEqual(timeline.items.map((a) => a.type), ["call", "system"]);
  assert.equal(timeline.items[0].body, "Agreed on a pilot in January.");
  const calls = await api.contacts.timeline(org, contact.id, undefined, undefined, undefined, ["call"]);
  assert.deepEqual(calls.items.map((a) => a.id), [call.id]);

  const edited = await api.activities.update(org, call.id, { outcome: "left_voicemail" });
  assert.equal(edited.outcome, "left_voicemail");
  const feed = await api.activities.feed(org, undefined, undefined, undefined, undefined, ["call"]);
  assert.deepEqual(feed.items.map((a) => a.id), [call.id]);
  await api.activities.delete(org, call.id);
  assert.deepEqual((await api.contacts.timeline(org, contact.id)).items.map((a) => a.type), ["system"]);
});
