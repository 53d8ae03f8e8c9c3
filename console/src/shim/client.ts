import type { AdAccount, AdRow, AdsetRow, CampaignRow, DailyPoint, Job, Summary } from "./types";

// TEMPORARY stand-in for @pixecom/client until the package lands on main: same surface, bearer
// in memory; the refresh token is kept in sessionStorage here only because the server has no
// cookie mode yet (the real client uses the HttpOnly cookie).

export class PixecomApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly retryAfter?: number;
  constructor(init: { status: number; code: string; message: string; field?: string; retryAfter?: number }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.retryAfter = init.retryAfter;
  }
}

export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined) throw result.error;
  return result.data as T;
}

type Query = Record<string, string | number | string[] | undefined>;
interface Init {
  params?: { query?: Query; path?: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
}
type Result<T = unknown> = { data?: T; error?: unknown; response: Response };
type ListOut<R> = { data: R[]; summary: Summary[]; paging: { next_cursor: string | null }; date_range: { since: string; until: string } };
type DailyOut = { id: string; currency: string; date_range: { since: string; until: string }; data: DailyPoint[] };
interface GetPaths {
  "/api/ad-accounts": { data: AdAccount[] };
  "/api/sellpages": { data: { id: string; name: string; url: string }[] };
  "/api/ads-manager/campaigns": ListOut<CampaignRow>;
  "/api/ads-manager/adsets": ListOut<AdsetRow>;
  "/api/ads-manager/ads": ListOut<AdRow>;
  "/api/ads-manager/campaigns/{entity_id}/daily": DailyOut;
  "/api/ads-manager/adsets/{entity_id}/daily": DailyOut;
  "/api/ads-manager/ads/{entity_id}/daily": DailyOut;
  "/api/jobs/{job_id}": Job;
}
interface PostPaths {
  "/api/ads-manager/status": { job_id: string };
  "/api/ad-accounts/{account_id}/sync": { run_id: string; queued: string[] };
}
interface PutPaths {
  "/api/ad-accounts/{account_id}/token": AdAccount;
}

export interface ClientOptions {
  baseUrl: string;
  onSessionExpired?: () => void;
  channelName?: string;
}

const KEY = "pixecom.shim.refresh";

export function createPixecomClient(options: ClientOptions) {
  let access: string | null = null;
  let refreshing: Promise<boolean> | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  async function asError(res: Response): Promise<PixecomApiError> {
    const body = await res.json().catch(() => null);
    const e = body?.error ?? {};
    const ra = res.headers.get("Retry-After");
    return new PixecomApiError({
      status: res.status,
      code: e.code ?? "unknown",
      message: e.message ?? res.statusText,
      field: e.field,
      retryAfter: ra ? Number(ra) : undefined,
    });
  }

  function setTokens(pair: { access_token: string; refresh_token: string } | null) {
    access = pair?.access_token ?? null;
    if (pair) sessionStorage.setItem(KEY, pair.refresh_token);
    else sessionStorage.removeItem(KEY);
    notify();
  }

  async function post(path: string, body: unknown): Promise<Response> {
    return fetch(options.baseUrl + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  async function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const token = sessionStorage.getItem(KEY);
      if (!token) return false;
      const res = await post("/api/auth/refresh", { refresh_token: token });
      if (!res.ok) {
        setTokens(null);
        return false;
      }
      setTokens(await res.json());
      return true;
    })().finally(() => (refreshing = null));
    return refreshing;
  }

  async function request(method: string, path: string, init: Init = {}, retried = false): Promise<Result<any>> { // eslint-disable-line
    let url = path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(init.params?.path?.[k] ?? ""));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(init.params?.query ?? {})) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
    }
    if ([...qs].length) url += "?" + qs.toString();
    const headers: Record<string, string> = { ...init.headers };
    if (access) headers.Authorization = `Bearer ${access}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(options.baseUrl + url, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (response.status === 401 && !retried) {
      if (await refresh()) return request(method, path, init, true);
      options.onSessionExpired?.();
    }
    if (!response.ok) return { error: await asError(response), response };
    const data = response.status === 204 ? undefined : await response.json();
    return { data, response };
  }

  return {
    async login(body: { email: string; password: string }) {
      const res = await post("/api/auth/login", body);
      if (!res.ok) throw await asError(res);
      setTokens(await res.json());
    },
    async register(body: { email: string; password: string; seller_name: string }) {
      const res = await post("/api/auth/register", body);
      if (!res.ok) throw await asError(res);
      setTokens(await res.json());
    },
    async logout() {
      const token = sessionStorage.getItem(KEY);
      if (token) await post("/api/auth/logout", { refresh_token: token });
      setTokens(null);
    },
    async me() {
      const r = await request("GET", "/api/auth/me");
      if (r.error) throw r.error;
      return r.data as { user: { id: string; email: string; role: string }; seller: { id: string; name: string } };
    },
    restore: refresh,
    isAuthenticated: () => access !== null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    api: {
      GET: <P extends keyof GetPaths>(path: P, init?: Init) => request("GET", path, init) as Promise<Result<GetPaths[P]>>,
      POST: <P extends keyof PostPaths>(path: P, init?: Init) => request("POST", path, init) as Promise<Result<PostPaths[P]>>,
      PUT: <P extends keyof PutPaths>(path: P, init?: Init) => request("PUT", path, init) as Promise<Result<PutPaths[P]>>,
    },
  };
}
