import type { AdAccount } from "@pixecom/types";
import type { TokenHealthOut } from "../apiTypes";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { Badge } from "../components/Badge";
import { ErrorBox } from "../components/ErrorBox";
import { ConnectButton } from "../connect/ConnectButton";
import { RECONNECT_REASONS } from "../connect/words";
import { useAdAccounts } from "../components/Filters";
import { ago, dateTime } from "../format";

/** Each connected account: connection state and what to do about it, syncs, backfill, "sync now". */
export function AdAccountsPage() {
  const accounts = useAdAccounts();
  const health = useTokenHealth();
  const healthOf = new Map((health.data?.data ?? []).map((h) => [h.account_id, h.token]));
  return (
    <div className="accounts">
      <div className="page-title">
        <h1>Ad accounts</h1>
        <ConnectButton />
      </div>
      {accounts.isPending && <div className="muted">Loading…</div>}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.data.length === 0 && (
        <div className="empty" data-testid="no-accounts">
          <p>No ad account connected yet. Connect your Facebook ad accounts to see their campaigns here.</p>
          <ConnectButton />
        </div>
      )}
      <div className="account-list">
        {accounts.data?.data.map((account) => (
          <AccountCard key={account.id} account={account} token={healthOf.get(account.id)} />
        ))}
      </div>
    </div>
  );
}

function useTokenHealth() {
  return useQuery({
    queryKey: ["token-health"],
    queryFn: async () => unwrap(await client.api.GET("/api/meta/token-health")),
  });
}

const SOURCES: Record<string, string> = {
  login: "Facebook login",
  system_user: "System user token",
  pasted: "Pasted token",
};

/** The account's Meta token: where it came from, until when, and "Reconnect" when it needs it. */
function TokenHealth({ token }: { token: TokenHealthOut }) {
  const until = token.expires_at ? `until ${dateTime(token.expires_at)}` : "no expiry";
  return (
    <>
      <dt>Facebook access</dt>
      <dd data-testid="token-health" data-state={token.state}>
        {SOURCES[token.source] ?? token.source} · {until}
        {token.state === "expiring_soon" && <span className="warn"> · expires soon: reconnect to extend it</span>}
        {token.state === "needs_reconnect" && (
          <span className="error"> · {RECONNECT_REASONS[token.reason ?? "invalid"] ?? token.reason}</span>
        )}
        {token.state !== "ok" && (
          <div>
            <ConnectButton label="Reconnect" primary={token.state === "needs_reconnect"} />
          </div>
        )}
      </dd>
    </>
  );
}

function connectionState(account: AdAccount, now: number): { value: string; help: string | null } {
  if (account.connection_status === "NEEDS_REAUTH")
    return {
      value: "NEEDS_REAUTH",
      help: "Meta no longer accepts this account's token, so nothing syncs. Reconnect with Facebook, or paste a new access token below.",
    };
  if (account.connection_status === "DISABLED")
    return { value: "DISABLED", help: "Meta disabled this ad account. Re-enable it in Meta's Business Settings." };
  if (account.throttled_until && new Date(account.throttled_until).getTime() > now)
    return {
      value: "THROTTLED",
      help: `Meta's rate limit was reached. Syncs resume by themselves at ${dateTime(account.throttled_until)}; nothing to do.`,
    };
  return { value: "ACTIVE", help: null };
}

function AccountCard({ account, token }: { account: AdAccount; token: TokenHealthOut | undefined }) {
  const now = Date.now();
  const state = connectionState(account, now);
  const sync = useMutation({
    mutationFn: async () =>
      unwrap(await client.api.POST("/api/ad-accounts/{account_id}/sync", { params: { path: { account_id: account.id } } })),
    onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["ad-accounts"] }), 1500),
  });
  const { chunks_done, chunks_total, complete, since } = account.backfill;
  return (
    <section className="card account-card" data-testid="account-card" data-account={account.meta_account_id}>
      <div className="card-head">
        <div className="title">
          <h2>{account.name}</h2>
          <span className="muted small">
            {account.meta_account_id} · {account.currency} · {account.timezone_name}
          </span>
        </div>
        <span className="spacer" />
        <Badge value={state.value} />
      </div>
      {state.help && <p className="help">{state.help}</p>}
      {account.connection_error && <p className="error small">Meta said: {account.connection_error}</p>}
      {account.connection_status === "NEEDS_REAUTH" && <TokenForm accountId={account.id} />}
      <dl className="facts">
        {token && <TokenHealth token={token} />}
        <dt>Stats synced</dt>
        <dd title={dateTime(account.stats.last_success_at)}>
          {ago(account.stats.last_success_at, now)}
          {account.stats.last_error && <span className="error small"> · last attempt failed: {account.stats.last_error}</span>}
        </dd>
        <dt>Delivery synced</dt>
        <dd title={dateTime(account.delivery.last_success_at)}>
          {ago(account.delivery.last_success_at, now)}
          {account.delivery.last_error && (
            <span className="error small"> · last attempt failed: {account.delivery.last_error}</span>
          )}
        </dd>
        <dt>History</dt>
        <dd>
          <div
            className="progress"
            role="progressbar"
            aria-label="backfill progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(chunks_total ? (chunks_done * 100) / chunks_total : 100)}
          >
            <div style={{ width: `${chunks_total ? (chunks_done * 100) / chunks_total : 100}%` }} />
          </div>
          <span className="small">
            {complete ? "Loaded" : "Loading"} {since ? `since ${since}` : ""} · {chunks_done}/{chunks_total} chunks
          </span>
        </dd>
      </dl>
      <div className="card-foot">
        <button type="button" onClick={() => sync.mutate()} disabled={sync.isPending || account.connection_status !== "ACTIVE"}>
          Sync now
        </button>
        {sync.isSuccess && <span className="ok small">Sync queued ({sync.data.queued.join(" and ")})</span>}
        {sync.isError && <span className="error small">{errorText(sync.error)}</span>}
      </div>
    </section>
  );
}

function TokenForm({ accountId }: { accountId: string }) {
  const [token, setToken] = useState("");
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.api.PUT("/api/ad-accounts/{account_id}/token", {
          params: { path: { account_id: accountId } },
          body: { access_token: token },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["ad-accounts"] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <input type="password" placeholder="New access token" value={token} onChange={(e) => setToken(e.target.value)} required />
      <button type="submit" disabled={save.isPending}>
        Replace token
      </button>
      {save.isError && <span className="error small">{errorText(save.error)}</span>}
    </form>
  );
}
