// @pixecom/client against the REAL API (tests/contract_server.py: the app `make dev` serves, embedded
// Postgres, access tokens living 2 s). Each "browser" is a cookie jar plus an Origin, like a tab.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { can, createPixecomClient, PixecomApiError, unwrap } from "@pixecom/client";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const PYTHON = process.env.PIXECOM_PYTHON ?? `${ROOT}.venv/bin/python`;
const TOKEN_TTL_MS = 2_000;

let server;
let api; // { url, email, password, origin }
let channelSeq = 0;

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(PYTHON, ["tests/contract_server.py"], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    const timer = setTimeout(() => reject(new Error("the API did not start within 180 s")), 180_000);
    server.once("exit", (code) => reject(new Error(`the API exited early (${code})`)));
    createInterface({ input: server.stdout }).once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
}

before(async () => {
  api = await startServer();
});

after(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.stdin.end(); // the launcher stops uvicorn and its Postgres when stdin closes
  await exited;
});

/** A browser: one cookie jar (what the server sets is sent back on matching paths) and an Origin. */
function browser(origin = api.origin) {
  const jar = new Map();
  const paths = [];
  async function browserFetch(input, init) {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    if (request.method !== "GET") headers.set("Origin", origin);
    const cookies = [...jar].filter(([, c]) => url.pathname.startsWith(c.path)).map(([n, c]) => `${n}=${c.value}`);
    if (cookies.length) headers.set("Cookie", cookies.join("; "));
    paths.push(url.pathname);
    const response = await fetch(new Request(request, { headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const attr = Object.fromEntries(attributes.map((a) => [a.split("=")[0].toLowerCase(), a.split("=")[1]]));
      if (attr["max-age"] === "0") jar.delete(name);
      else jar.set(name, { value, path: attr.path ?? "/" });
    }
    return response;
  }
  return { fetch: browserFetch, jar, paths, refreshes: () => paths.filter((p) => p === "/api/auth/refresh").length };
}

function newClient(tab, extra = {}) {
  const expired = [];
  const client = createPixecomClient({
    baseUrl: api.url,
    fetch: tab.fetch,
    channelName: extra.channelName ?? `test-${++channelSeq}`,
    onSessionExpired: () => expired.push(Date.now()),
  });
  return { client, expired };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tokenExpiry = () => sleep(TOKEN_TTL_MS + 1_100);
const messages = () => sleep(100); // BroadcastChannel delivers asynchronously

describe("@pixecom/client against the real API", () => {
  test("login resolves to the signed-in user; the refresh token stays in the HttpOnly cookie", async () => {
    const tab = browser();
    const { client } = newClient(tab);
    const states = [];
    client.subscribe((state) => states.push(state.authenticated));
    const me = await client.login({ email: api.email, password: api.password });
    assert.equal(me.user.email, api.email);
    assert.equal(me.user.role, "owner");
    assert.equal(client.isAuthenticated(), true);
    assert.deepEqual(states, [true]);
    assert.ok(tab.jar.get("pixecom_refresh")?.value.length === 43);
    assert.equal(tab.jar.get("pixecom_refresh").path, "/api/auth");
    client.close();
  });

  test("typed list reads: metrics as the contract says, filters as arrays", async () => {
    const { client } = newClient(browser());
    await client.login({ email: api.email, password: api.password });
    const page = unwrap(
      await client.api.GET("/api/ads-manager/campaigns", {
        params: { query: { date_preset: "last_7d", sort: "-spend", status: ["ACTIVE", "PAUSED"], limit: 10 } },
      }),
    );
    assert.deepEqual(
      page.data.map((row) => row.name),
      ["Summer sale", "Evergreen"],
    );
    const [sale, evergreen] = page.data;
    assert.equal(sale.metrics.spend, "37.50");
    assert.equal(sale.metrics.roas, 3.2);
    assert.equal(sale.metrics.purchases, 3);
    assert.equal(evergreen.metrics.roas, null);
    assert.equal(page.summary[0].currency, "USD");
    assert.equal(page.summary[0].metrics.spend, "37.50");
    assert.equal(page.paging.next_cursor, null);
    const daily = unwrap(
      await client.api.GET("/api/ads-manager/campaigns/{entity_id}/daily", {
        params: { path: { entity_id: sale.id }, query: { date_preset: "last_7d" } },
      }),
    );
    assert.equal(daily.data.length, 7);
    assert.equal(daily.data.filter((point) => point.metrics.spend === "12.50").length, 3);
    client.close();
  });

  test("errors come back typed by code, naming the field", async () => {
    const { client } = newClient(browser());
    await client.login({ email: api.email, password: api.password });
    const result = await client.api.GET("/api/ads-manager/campaigns", { params: { query: { limit: 0 } } });
    assert.throws(() => unwrap(result), (error) => {
      assert.ok(error instanceof PixecomApiError);
      assert.equal(error.status, 422);
      assert.equal(error.code, "invalid_input");
      assert.equal(error.field, "limit");
      return true;
    });
    client.close();
  });

  test("ten parallel requests that meet an expired token cause exactly one refresh", async () => {
    const tab = browser();
    const { client, expired } = newClient(tab);
    await client.login({ email: api.email, password: api.password });
    await tokenExpiry();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => client.api.GET("/api/ad-accounts")),
    );
    assert.deepEqual(
      results.map((r) => r.response.status),
      Array(10).fill(200),
    );
    assert.equal(tab.refreshes(), 1);
    assert.equal(results[0].data.data[0].meta_account_id, "act_1001");
    assert.deepEqual(expired, []);
    client.close();
  });

  test("two tabs on one BroadcastChannel: one renewal reaches both, no family revocation", async () => {
    const tab = browser(); // two tabs of one browser share the cookie jar
    const channelName = `tabs-${++channelSeq}`;
    const a = newClient(tab, { channelName });
    const b = newClient(tab, { channelName });
    await a.client.login({ email: api.email, password: api.password });
    await messages();
    assert.equal(b.client.isAuthenticated(), true, "the login reached the other tab");
    await tokenExpiry();
    const [fromA, fromB] = await Promise.all([a.client.me(), b.client.me()]);
    assert.equal(fromA.user.email, api.email);
    assert.equal(fromB.user.email, api.email);
    // The session survived: after the next expiry both tabs renew again.
    await tokenExpiry();
    assert.equal((await b.client.me()).user.email, api.email);
    assert.equal((await a.client.me()).user.email, api.email);
    assert.deepEqual([a.expired, b.expired], [[], []]);
    a.client.close();
    b.client.close();
  });

  test("two tabs that refresh at the same moment with one cookie get the same pair (grace window)", async () => {
    const tab = browser();
    const a = newClient(tab); // separate channels: nothing stops them racing
    const b = newClient(tab);
    await a.client.login({ email: api.email, password: api.password });
    assert.equal(await b.client.restore(), true);
    await tokenExpiry();
    const before = tab.refreshes();
    await Promise.all([a.client.me(), b.client.me()]);
    assert.equal(tab.refreshes() - before, 2, "both tabs refreshed with the same cookie");
    await tokenExpiry();
    assert.equal((await a.client.me()).user.email, api.email, "the family was not revoked");
    assert.deepEqual([a.expired, b.expired], [[], []]);
    a.client.close();
    b.client.close();
  });

  test("logout in one tab ends the session in the other", async () => {
    const tab = browser();
    const channelName = `logout-${++channelSeq}`;
    const a = newClient(tab, { channelName });
    const b = newClient(tab, { channelName });
    await a.client.login({ email: api.email, password: api.password });
    await messages();
    const states = [];
    b.client.subscribe((state) => states.push(state.authenticated));
    await a.client.logout();
    await messages();
    assert.equal(a.client.isAuthenticated(), false);
    assert.equal(b.client.isAuthenticated(), false);
    assert.deepEqual(states, [false]);
    assert.equal(b.expired.length, 1, "the other tab is sent to the login page");
    assert.equal(tab.jar.has("pixecom_refresh"), false, "the server cleared the cookie");
    await assert.rejects(b.client.me(), (error) => error instanceof PixecomApiError && error.status === 401);
    assert.equal(await b.client.restore(), false);
    a.client.close();
    b.client.close();
  });

  test("a session that cannot be renewed calls onSessionExpired once and rejects typed", async () => {
    const tab = browser();
    const { client, expired } = newClient(tab);
    await client.login({ email: api.email, password: api.password });
    // The session ends elsewhere (e.g. logged out on another device): revoke it behind the client's back.
    const revoked = await fetch(`${api.url}/api/auth/logout`, {
      method: "POST",
      headers: {
        Origin: api.origin,
        "X-PixEcom-Client": "1",
        Cookie: `pixecom_refresh=${tab.jar.get("pixecom_refresh").value}`,
      },
    });
    assert.equal(revoked.status, 204);
    await tokenExpiry();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.me()));
    for (const result of results) {
      assert.equal(result.status, "rejected");
      assert.ok(result.reason instanceof PixecomApiError);
      assert.equal(result.reason.status, 401);
      assert.equal(result.reason.code, "invalid_token");
    }
    assert.equal(tab.refreshes(), 1, "the refresh itself is never retried");
    assert.equal(expired.length, 1);
    assert.equal(client.isAuthenticated(), false);
    client.close();
  });

  test("me() exposes the role and permissions; can() tells the frontend what to hide", async () => {
    const { client: owner } = newClient(browser());
    await owner.login({ email: api.email, password: api.password });
    const email = `analyst-${Date.now()}@team.example`;
    const invitation = unwrap(
      await owner.api.POST("/api/team/invitations", { body: { email, role: "analyst" } }),
    );
    const { client: analyst } = newClient(browser());
    const me = await analyst.register({ email, password: "analyst-password-1", invitation_code: invitation.code });
    assert.equal(me.user.role, "analyst");
    assert.deepEqual(me.permissions, ["read", "team.read"]);
    assert.equal(me.ad_account_ids, null);
    assert.equal(can(me, "read"), true);
    assert.equal(can(me, "rules.write"), false);
    const refused = await analyst.api.PUT("/api/alerts/settings", { body: {} });
    assert.equal(refused.response.status, 403);
    assert.equal(refused.error.error.code, "forbidden");
    owner.close();
    analyst.close();
  });

  test("a member removed mid-session is refused at the next request and every tab logs out", async () => {
    const { client: owner } = newClient(browser());
    await owner.login({ email: api.email, password: api.password });
    const email = `buyer-${Date.now()}@team.example`;
    const invitation = unwrap(
      await owner.api.POST("/api/team/invitations", { body: { email, role: "media_buyer" } }),
    );
    const tab = browser();
    const channelName = `removed-${++channelSeq}`;
    const a = newClient(tab, { channelName });
    const b = newClient(tab, { channelName });
    const me = await a.client.register({ email, password: "buyer-password-1", invitation_code: invitation.code });
    assert.equal(await b.client.restore(), true);
    await messages();

    const removed = await owner.api.DELETE("/api/team/members/{user_id}", {
      params: { path: { user_id: me.user.id } },
    });
    assert.equal(removed.response.status, 204);

    const next = await a.client.api.GET("/api/ads-manager/campaigns", { params: { query: {} } });
    await messages();
    assert.equal(next.response.status, 401, "the next request is refused, not 15 minutes later");
    assert.equal(next.error.error.code, "invalid_token");
    assert.equal(a.client.isAuthenticated(), false);
    assert.equal(b.client.isAuthenticated(), false, "the other tab logged out over the channel");
    assert.deepEqual([a.expired.length, b.expired.length], [1, 1]);
    await assert.rejects(
      a.client.login({ email, password: "buyer-password-1" }),
      (error) => error instanceof PixecomApiError && error.status === 401,
    );
    owner.close();
    a.client.close();
    b.client.close();
  });

  test("restore() renews from the cookie at app start, and says false without a session", async () => {
    const tab = browser();
    const first = newClient(tab);
    await first.client.login({ email: api.email, password: api.password });
    first.client.close();
    const reloaded = newClient(tab); // a page reload: memory is gone, the cookie is not
    assert.equal(reloaded.client.isAuthenticated(), false);
    assert.equal(await reloaded.client.restore(), true);
    assert.equal((await reloaded.client.me()).user.email, api.email);
    reloaded.client.close();
    const stranger = newClient(browser());
    assert.equal(await stranger.client.restore(), false);
    assert.deepEqual(stranger.expired, [], "no session is not an expired session");
    stranger.client.close();
  });

  test("a throttled login is a 429 with retryAfter", async () => {
    const { client } = newClient(browser());
    const attempt = () => client.login({ email: "nobody@pixecom.local", password: "not-the-password" });
    const first = await attempt().catch((error) => error);
    assert.ok(first instanceof PixecomApiError);
    assert.equal(first.code, "invalid_credentials");
    let error = first;
    for (let i = 0; i < 10 && error.status !== 429; i++) error = await attempt().catch((e) => e);
    assert.equal(error.status, 429);
    assert.equal(error.code, "too_many_attempts");
    assert.ok(error.retryAfter > 0, `retryAfter was ${error.retryAfter}`);
    client.close();
  });
});

describe("types under tsc --strict", () => {
  const tsc = fileURLToPath(new URL("../../../../node_modules/typescript/bin/tsc", import.meta.url));
  const compile = (file) =>
    spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", file], {
      cwd: fileURLToPath(new URL("./snippets/", import.meta.url)),
      encoding: "utf8",
    });

  test("row.metrics.roas is number | null (absent when columns= leaves it out), spend a string", () => {
    const result = compile("reads-metrics.ts");
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  test("row.metrics.nonexistent does not compile", () => {
    const result = compile("reads-nonexistent.ts");
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /Property 'nonexistent' does not exist/);
  });
});
