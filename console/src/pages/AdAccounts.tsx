import type { AdAccount } from "@pixecom/types";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { Badge } from "../components/Badge";
import { useAdAccounts } from "../components/Filters";
import { ago, dateTime } from "../format";

/** Each connected account: connection state and what to do about it, syncs, backfill, "sync now". */
export function AdAccountsPage() {
  const accounts = useAdAccounts();
  return (
    <div className="accounts">
      <h1>Ad accounts</h1>
      {accounts.isPending && <div className="muted">Loading…</div>}
      {accounts.isError && <div className="error">{errorText(accounts.error)}</div>}
      {accounts.data?.data.length === 0 && (
        <div className="empty">No ad account connected yet. Connect one with POST /api/ad-accounts.</div>
      )}
      <div className="account-list">
        {accounts.data?.data.map((account) => <AccountCard key={account.id} account={account} />)}
      </div>
    </div>
  );
}

function connectionState(account: AdAccount, now: number): { value: string; help: string | null } {
  if (account.connection_status === "NEEDS_REAUTH")
    return {
      value: "NEEDS_REAUTH",
      help: "Meta no longer accepts this account's token, so nothing syncs. Paste a new access token below.",
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

function AccountCard({ account }: { account: AdAccount }) {
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
          <div className="progress" aria-label="backfill progress">
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
