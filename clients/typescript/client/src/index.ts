/**
 * @pixecom/client: the PixEcom API for a browser app, typed end to end by @pixecom/types.
 *
 * - Cookie sessions: the refresh token lives in an HttpOnly cookie the server sets (Path=/api/auth);
 *   the access token lives in memory only (never localStorage).
 * - A 401 `invalid_token` renews the access token ONCE for every request in flight (single-flight),
 *   then retries each failed request once; the refresh itself is never retried.
 * - Tabs stay in step over a BroadcastChannel: a renewed token and a logout reach every tab, and in
 *   browsers with Web Locks only one tab refreshes at a time.
 * - When the session cannot be renewed, `onSessionExpired` is called (send the user to log in). A
 *   member removed from the team (or demoted) meets this at their next request, in every tab.
 * - `can(me, permission)` says what the signed-in person may do, to hide what they may not.
 */
import createClient, { type Client } from "openapi-fetch";
import type {
  AcceptInvitationRequest,
  LoginRequest,
  Me,
  paths,
  Permission,
  RegisterRequest,
  TokenResponse,
} from "@pixecom/types";

import { PixecomApiError } from "./errors.js";

export { PixecomApiError, unwrap } from "./errors.js";

/** The header that marks a request as coming from this client (part of the CSRF defence). */
export const CLIENT_HEADER = "X-PixEcom-Client";
export const DEFAULT_CHANNEL = "pixecom-session";

export interface PixecomClientOptions {
  /** The API origin; "" for the same origin as the app. */
  baseUrl: string;
  /** Called when the session ended and could not be renewed (or ended in another tab). */
  onSessionExpired?: () => void;
  /** BroadcastChannel name shared by the app's tabs (default "pixecom-session"). */
  channelName?: string;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
}

export interface SessionState {
  authenticated: boolean;
}

export interface PixecomClient {
  /** Every API path, typed: `client.api.GET("/api/ads-manager/campaigns", { params: { query } })`. */
  readonly api: Client<paths>;
  login(credentials: LoginRequest): Promise<Me>;
  /** A new seller, or with a team invitation's code (no seller_name) a seat in that team. */
  register(account: RegisterRequest): Promise<Me>;
  /** An existing login (in no team now) joins the team of an invitation. */
  acceptInvitation(body: AcceptInvitationRequest): Promise<Me>;
  logout(): Promise<void>;
  me(): Promise<Me>;
  /** At app start: renew from the session cookie; true when a session exists. */
  restore(): Promise<boolean>;
  isAuthenticated(): boolean;
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Stop listening to other tabs (tests, or an app that tears the client down). */
  close(): void;
}

type TabMessage = { type: "token"; accessToken: string } | { type: "logout" } | { type: "expired" };

const REFRESH_LOCK = "pixecom-refresh";

export function createPixecomClient(options: PixecomClientOptions): PixecomClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const rawFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const listeners = new Set<(state: SessionState) => void>();
  let accessToken: string | null = null;
  let renewing: Promise<string | null> | null = null;

  const channel =
    typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(options.channelName ?? DEFAULT_CHANNEL);
  // Node keeps the process alive for an open channel; browsers have no unref.
  (channel as unknown as { unref?: () => void } | null)?.unref?.();

  function setToken(token: string | null, broadcast?: TabMessage["type"]): void {
    const was = accessToken !== null;
    accessToken = token;
    if (broadcast === "token" && token) post({ type: "token", accessToken: token });
    else if (broadcast === "logout" || broadcast === "expired") post({ type: broadcast });
    if (was !== (token !== null)) {
      for (const listener of [...listeners]) listener({ authenticated: token !== null });
    }
  }

  function post(message: TabMessage): void {
    channel?.postMessage(message);
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (message.type === "token") {
        setToken(message.accessToken);
      } else if (accessToken !== null) {
        setToken(null);
        options.onSessionExpired?.();
      }
    };
  }

  function authUrl(path: string): string {
    return `${baseUrl}/api/auth/${path}`;
  }

  async function authPost(path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { [CLIENT_HEADER]: "1" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return rawFetch(authUrl(path), {
      method: "POST",
      credentials: "include",
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** One refresh call: the new access token, or null when the session is over (401/403). */
  async function refreshOnce(staleToken: string | null, announceExpiry: boolean): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      // Another tab may have renewed while this one waited for the lock.
      if (accessToken !== null && accessToken !== staleToken) return accessToken;
      const response = await authPost("refresh");
      if (response.ok) {
        const tokens = (await response.json()) as TokenResponse;
        setToken(tokens.access_token, "token");
        return tokens.access_token;
      }
      if (response.status === 401 || response.status === 403) {
        if (announceExpiry) {
          const had = accessToken !== null || staleToken !== null;
          setToken(null, "expired");
          if (had) options.onSessionExpired?.();
        }
        return null;
      }
      throw await PixecomApiError.fromResponse(response);
    };
    const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
    return locks ? locks.request(REFRESH_LOCK, run) : run();
  }

  /** Single-flight: every caller in the meantime shares the one refresh. */
  function renew(staleToken: string | null, announceExpiry = true): Promise<string | null> {
    renewing ??= refreshOnce(staleToken, announceExpiry).finally(() => {
      renewing = null;
    });
    return renewing;
  }

  function withToken(request: Request, token: string | null): Request {
    const headers = new Headers(request.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    else headers.delete("Authorization");
    return new Request(request, { headers });
  }

  async function needsRenewal(response: Response): Promise<boolean> {
    if (response.status !== 401) return false;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null;
    const code = body?.error?.code;
    return code === "invalid_token";
  }

  async function authedFetch(request: Request): Promise<Response> {
    if (renewing) await renewing.catch(() => null); // do not send a token known to be stale
    const retry = request.clone();
    const sentWith = accessToken;
    const response = await rawFetch(withToken(request, sentWith));
    if (!(await needsRenewal(response))) return response;
    // Renewed meanwhile (another request or tab)? Use that token; otherwise renew, once for all.
    const token = accessToken !== null && accessToken !== sentWith ? accessToken : await renew(sentWith);
    if (token === null) return response;
    return rawFetch(withToken(retry, token)); // retried once; a second failure is the answer
  }

  const api = createClient<paths>({ baseUrl, fetch: authedFetch });

  async function me(): Promise<Me> {
    const { data, error, response } = await api.GET("/api/auth/me");
    if (data === undefined) throw PixecomApiError.fromBody(response.status, error, response.headers);
    return data;
  }

  /** Login, registration or accepting an invitation: keep the access token, answer who it is. */
  async function signIn(path: string, body: unknown): Promise<Me> {
    const response = await authPost(path, body);
    if (!response.ok) throw await PixecomApiError.fromResponse(response);
    const tokens = (await response.json()) as TokenResponse;
    setToken(tokens.access_token, "token");
    return me();
  }

  return {
    api,
    me,
    async login(credentials) {
      return signIn("login", credentials);
    },
    async register(account) {
      return signIn("register", account);
    },
    async acceptInvitation(body) {
      return signIn("accept-invitation", body);
    },
    async logout() {
      try {
        const response = await authPost("logout");
        if (!response.ok && response.status !== 401) throw await PixecomApiError.fromResponse(response);
      } finally {
        setToken(null, "logout");
      }
    },
    async restore() {
      if (accessToken !== null) return true;
      return (await renew(null, false)) !== null;
    },
    isAuthenticated: () => accessToken !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      channel?.close();
      listeners.clear();
    },
  };
}

/** May the signed-in person do this? (From `GET /api/auth/me`; the API enforces it regardless.) */
export function can(me: Pick<Me, "permissions">, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export type { ErrorCode, Me, Permission, UserRole } from "@pixecom/types";
