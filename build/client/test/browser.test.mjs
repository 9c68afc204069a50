// The generated client in a real browser (Debian's chromium, driven by playwright-core) on a page served from another
// loopback origin: the service's CORS policy lets an allowed origin sign in, list contacts and read typed problems and
// exposed headers, and the browser refuses a page from an origin the service does not allow.
// CRM_API_URL names the service, started with Cors:AllowedOrigins = http://127.0.0.1:* (build/client-test.sh);
// CRM_CHROMIUM the browser (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join, dirname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const baseUrl = process.env.CRM_API_URL;
const executablePath = process.env.CRM_CHROMIUM ?? "/usr/bin/chromium";

// A name the browser resolves to 127.0.0.1, so that a page there has an origin the service does not allow.
const refusedHost = "refused.crm.test";

let server, port, browser;

before(async () => {
  if (!baseUrl) return;
  // The page and the client's compiled modules, from an origin of their own.
  server = createServer((request, response) => {
    const path = new URL(request.url, "http://page").pathname;
    if (path === "/") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end("<!doctype html><title>Crm client in a browser</title>");
      return;
    }
    const file = normalize(path).replace(/^(\.\.[/\\])+/, "");
    if (!/^\/dist\/[\w.-]+\.js$/.test(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
    response.end(readFileSync(join(root, file)));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = server.address().port;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [`--host-resolver-rules=MAP ${refusedHost} 127.0.0.1`],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("a page on an allowed origin signs in, lists contacts and reads a typed problem", { skip: !baseUrl }, async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const email = `browser-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    const result = await page.evaluate(async ({ baseUrl, email }) => {
      const { AuthClient, ContactsClient, CrmApiError } = await import("/dist/index.js");
      const auth = new AuthClient(baseUrl, { fetch: (url, init) => window.fetch(url, init) });
      const registered = await auth.register({
        email, password: "browser-client-password", name: "Bea Browser", organization_name: "Browser Co",
      });
      const token = (await auth.login({ email, password: "browser-client-password" })).access_token;
      const http = {
        fetch: (url, init = {}) => {
          const headers = new Headers(init.headers);
          headers.set("Authorization", `Bearer ${token}`);
          return window.fetch(url, { ...init, headers });
        },
      };
      const contacts = new ContactsClient(baseUrl, http);
      const organization = registered.organization.id;
      const created = await contacts.create(organization, { name: "Ada Lovelace" });
      const listed = await contacts.list(organization);
      let problem;
      try {
        await contacts.get(organization, "00000000-0000-0000-0000-000000000000");
      } catch (error) {
        problem = { typed: CrmApiError.isCrmApiError(error), status: error.status, code: error.code };
      }
      // Headers a script may read only because the service exposes them.
      const raw = await http.fetch(`${baseUrl}/api/v1/contacts`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Organization-Id": organization, "X-Request-Id": "browser-page-1" },
        body: JSON.stringify({ name: "Grace Hopper" }),
      });
      return {
        origin: window.location.origin,
        listed: listed.items.map((c) => [c.id, c.name]),
        createdId: created.id,
        problem,
        status: raw.status,
        location: raw.headers.get("Location"),
        requestId: raw.headers.get("X-Request-Id"),
        rateLimitRemaining: raw.headers.get("RateLimit-Remaining"),
      };
    }, { baseUrl, email });

    assert.equal(result.origin, `http://127.0.0.1:${port}`);
    assert.notEqual(result.origin, new URL(baseUrl).origin);
    assert.deepEqual(result.listed, [[result.createdId, "Ada Lovelace"]]);
    assert.deepEqual(result.problem, { typed: true, status: 404, code: "contact_not_found" });
    assert.equal(result.status, 201);
    assert.match(result.location ?? "", /^\/api\/v1\/contacts\/[0-9a-f-]{36}$/);
    assert.equal(result.requestId, "browser-page-1");
  } finally {
    await page.close();
  }
});

test("a page on an origin that is not allowed is refused by the browser", { skip: !baseUrl }, async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`http://${refusedHost}:${port}/`);
    const result = await page.evaluate(async ({ baseUrl }) => {
      const { AuthClient, CrmApiError } = await import("/dist/index.js");
      const auth = new AuthClient(baseUrl, { fetch: (url, init) => window.fetch(url, init) });
      try {
        await auth.login({ email: "nobody@example.com", password: "not-the-password" });
        return { refused: false };
      } catch (error) {
        // A CORS refusal is a network error: the script learns nothing of the answer, not even its status.
        return { refused: true, typed: CrmApiError.isCrmApiError(error), name: error.name };
      }
    }, { baseUrl });

    assert.deepEqual(result, { refused: true, typed: false, name: "TypeError" });
  } finally {
    await page.close();
  }
});
