import type { AdAccount } from "@pixecom/types";
import type { TokenHealthOut } from "../apiTypes";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { Badge } from "../components/Badge";
import { ErrorBox } from "../components/ErrorBox";
import { ConnectButton } from "../connect/ConnectButton";
import { t, type MessageKey } from "../i18n";
import { useAdAccounts } from "../components/Filters";
import { ago, dateOnly, dateTime } from "../format";
import { useCurrencyChoices, useReportingCurrency, useSetReportingCurrency } from "../currency";
import { ReadOnlyNote, useCan, useCanSellerWide } from "../permissions";

/** Each connected account: connection state and what to do about it, syncs, backfill, "sync now". */
export function AdAccountsPage() {
  const accounts = useAdAccounts();
  const health = useTokenHealth();
  const healthOf = new Map((health.data?.data ?? []).map((h) => [h.account_id, h.token]));
  const mayManage = useCan("accounts.manage");
  return (
    <div className="accounts">
      <div className="page-title">
        <h1>{t("accounts.title")}</h1>
        <ConnectButton />
      </div>
      {!mayManage && <ReadOnlyNote what="perm.whatAccounts" />}
      {accounts.isPending && <div className="muted">{t("common.loading")}</div>}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.data.length === 0 && (
        <div className="empty" data-testid="no-accounts">
          <p>{t("accounts.empty")}</p>
          <ConnectButton />
        </div>
      )}
      <ReportingCurrencyCard />
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


/** The account's Meta token: where it came from, until when, and "Reconnect" when it needs it. */
function TokenHealth({ token }: { token: TokenHealthOut }) {
  const until = token.expires_at ? t("accounts.until", { at: dateTime(token.expires_at) }) : t("accounts.noExpiry");
  return (
    <>
      <dt>{t("accounts.facebookAccess")}</dt>
      <dd data-testid="token-health" data-state={token.state}>
        {t(`source.${token.source}` as MessageKey) ?? token.source} · {until}
        {token.state === "expiring_soon" && <span className="warn">{t("accounts.expiringSoon")}</span>}
        {token.state === "needs_reconnect" && (
          <span className="error"> · {t(`reconnect.${token.reason ?? "invalid"}` as MessageKey) ?? token.reason}</span>
        )}
        {token.state !== "ok" && (
          <div>
            <ConnectButton label={t("accounts.reconnect")} primary={token.state === "needs_reconnect"} />
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
      help: t("accounts.needsReauth"),
    };
  if (account.connection_status === "DISABLED")
    return { value: "DISABLED", help: t("accounts.disabled") };
  if (account.throttled_until && new Date(account.throttled_until).getTime() > now)
    return {
      value: "THROTTLED",
      help: t("accounts.throttled", { at: dateTime(account.throttled_until) }),
    };
  return { value: "ACTIVE", help: null };
}

function AccountCard({ account, token }: { account: AdAccount; token: TokenHealthOut | undefined }) {
  const now = Date.now();
  const state = connectionState(account, now);
  const mayManage = useCan("accounts.manage");
  const maySync = useCan("ads.write");
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
      {account.connection_error && <p className="error small">{t("accounts.metaSaid", { error: account.connection_error })}</p>}
      {mayManage && account.connection_status === "NEEDS_REAUTH" && <TokenForm accountId={account.id} />}
      <dl className="facts">
        {token && <TokenHealth token={token} />}
        <dt>{t("accounts.statsSynced")}</dt>
        <dd title={dateTime(account.stats.last_success_at)}>
          {ago(account.stats.last_success_at, now)}
          {account.stats.last_error && <span className="error small">{t("accounts.lastFailed", { error: account.stats.last_error })}</span>}
        </dd>
        <dt>{t("accounts.deliverySynced")}</dt>
        <dd title={dateTime(account.delivery.last_success_at)}>
          {ago(account.delivery.last_success_at, now)}
          {account.delivery.last_error && (
            <span className="error small">{t("accounts.lastFailed", { error: account.delivery.last_error })}</span>
          )}
        </dd>
        <dt>{t("accounts.history")}</dt>
        <dd>
          <div
            className="progress"
            role="progressbar"
            aria-label={t("accounts.backfillLabel")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(chunks_total ? (chunks_done * 100) / chunks_total : 100)}
          >
            <div style={{ width: `${chunks_total ? (chunks_done * 100) / chunks_total : 100}%` }} />
          </div>
          <span className="small">
            {complete ? t("accounts.loaded") : t("accounts.loadingHistory")} {since ? t("accounts.since", { date: dateOnly(since) }) : ""} ·{" "}
            {t("accounts.chunks", { done: chunks_done, total: chunks_total })}
          </span>
        </dd>
      </dl>
      <div className="card-foot">
        {maySync && (
          <button type="button" onClick={() => sync.mutate()} disabled={sync.isPending || account.connection_status !== "ACTIVE"}>
            {t("accounts.syncNow")}
          </button>
        )}
        {sync.isSuccess && <span className="ok small">{t("accounts.syncQueued", { kinds: sync.data.queued.join(t("accounts.and")) })}</span>}
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
      <input type="password" placeholder={t("accounts.newToken")} aria-label={t("accounts.newToken")} value={token} onChange={(e) => setToken(e.target.value)} required />
      <button type="submit" disabled={save.isPending}>
        {t("accounts.replaceToken")}
      </button>
      {save.isError && <span className="error small">{errorText(save.error)}</span>}
    </form>
  );
}

/** The seller's reporting currency: the Ads Manager adds a total converted into it, and new rule
 * and alert amounts default to it. */
function ReportingCurrencyCard() {
  const current = useReportingCurrency();
  const choices = useCurrencyChoices();
  const save = useSetReportingCurrency();
  const [chosen, setChosen] = useState<string | null>(null);
  const mayChange = useCanSellerWide("settings.manage");
  const value = chosen ?? current.data ?? "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) save.mutate(value);
  };
  return (
    <form className="card form reporting-currency" onSubmit={submit} aria-label={t("reporting.form")}>
      <h2>{t("reporting.title")}</h2>
      <p className="small muted">{current.data ? t("reporting.help", { currency: current.data }) : t("reporting.helpNone")}</p>
      {current.isError && <ErrorBox error={current.error} onRetry={() => void current.refetch()} />}
      <div className="row">
        <label>
          {t("reporting.currency")}
          <select value={value} onChange={(e) => setChosen(e.target.value)} data-testid="reporting-currency" disabled={!mayChange}>
            {!value && <option value="">{t("reporting.pick")}</option>}
            {choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {mayChange && (
          <button type="submit" className="primary" disabled={!value || value === current.data || save.isPending}>
            {t("reporting.save")}
          </button>
        )}
        {save.isSuccess && <span className="ok small">{t("common.saved")}</span>}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
