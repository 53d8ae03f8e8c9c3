import type { ConnectableAccountOut, ConnectionOut } from "../apiTypes";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { dateOnly } from "../format";
import { HOME, Link } from "../router";
import { ConnectButton } from "./ConnectButton";
import { t, type MessageKey } from "../i18n";

const reasonText = (reason: string | null | undefined) => (reason ? (t(`reason.${reason}` as MessageKey) ?? reason) : "");

// Meta keeps 37 months of insights: 1131 days is the most a backfill asks for.
const HISTORY = [
  [30, "connect.days30"],
  [90, "connect.days90"],
  [365, "connect.year"],
  [1131, "connect.all"],
] as const;

/** The ad accounts a Facebook login reaches: tick the connectable ones, connect, watch the backfill. */
export function AccountPicker({ connection }: { connection: ConnectionOut }) {
  const connectable = connection.ad_accounts.filter((a) => a.connectable);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(connectable.map((a) => a.meta_account_id)));
  const [days, setDays] = useState(90);
  const connect = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.api.POST("/api/meta/connections/{connection_id}/accounts", {
          params: { path: { connection_id: connection.connection_id } },
          body: { ad_account_ids: [...chosen], backfill_days: days },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["ad-accounts"] }),
  });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  if (connect.data)
    return (
      <section className="card" data-testid="connected">
        <h2>{t("connect.connected", { n: connect.data.connected.length })}</h2>
        <p className="muted">{t("connect.historyLoading")}</p>
        {connect.data.connected.map((a) => (
          <BackfillProgress key={a.account_id} accountId={a.account_id} name={a.name} />
        ))}
        {connect.data.refused.map((r) => (
          <p key={r.meta_account_id} className="error small">
            {r.meta_account_id}: {reasonText(r.reason)}
          </p>
        ))}
        <div className="card-foot">
          <Link to={HOME}>{t("connect.openAdsManager")}</Link>
          <Link to="/ad-accounts">{t("connect.seeAccounts")}</Link>
        </div>
      </section>
    );

  return (
    <section className="card" data-testid="account-picker">
      <h2>{t("connect.choose")}</h2>
      {connection.declined_scopes.length > 0 && (
        <div className="notice" role="status">
          {t("connect.declined", { scopes: connection.declined_scopes.join(", ") })}{" "}
          <ConnectButton label={t("connect.again")} primary={false} />
        </div>
      )}
      {connection.ad_accounts.length === 0 && <p className="muted">{t("connect.none")}</p>}
      <ul className="picker">
        {connection.ad_accounts.map((account) => (
          <PickerRow
            key={account.meta_account_id}
            account={account}
            checked={chosen.has(account.meta_account_id)}
            onChange={(on) => toggle(account.meta_account_id, on)}
          />
        ))}
      </ul>
      <div className="card-foot">
        <label className="small">
          {t("connect.history")}{" "}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {HISTORY.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={chosen.size === 0 || connect.isPending} onClick={() => connect.mutate()}>
          {t("connect.connectSelected", { n: chosen.size })}
        </button>
        {connect.isError && <span className="error small">{errorText(connect.error)}</span>}
      </div>
    </section>
  );
}

function PickerRow({ account, checked, onChange }: { account: ConnectableAccountOut; checked: boolean; onChange: (on: boolean) => void }) {
  const id = `pick-${account.meta_account_id}`;
  return (
    <li data-testid="picker-row" data-account={account.meta_account_id} data-connectable={String(account.connectable)}>
      <input id={id} type="checkbox" disabled={!account.connectable} checked={account.connectable && checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>
        <strong>{account.name}</strong>{" "}
        <span className="muted small">
          {account.meta_account_id}
          {account.currency ? ` · ${account.currency}` : ""}
          {account.timezone_name ? ` · ${account.timezone_name}` : ""}
        </span>
      </label>
      <div className="small">
        {account.connectable ? (
          account.can_manage ? (
            <span className="ok">{t("connect.canManage")}</span>
          ) : (
            <span className="warn">{t("connect.readOnly")}</span>
          )
        ) : (
          <span className="muted" data-testid="reason">{reasonText(account.reason)}</span>
        )}
      </div>
    </li>
  );
}

function BackfillProgress({ accountId, name }: { accountId: string; name: string }) {
  const account = useQuery({
    queryKey: ["ad-account", accountId],
    queryFn: async () => unwrap(await client.api.GET("/api/ad-accounts/{account_id}", { params: { path: { account_id: accountId } } })),
    refetchInterval: (query) => (query.state.data?.backfill.complete ? false : 2000),
  });
  const backfill = account.data?.backfill;
  const share = backfill && backfill.chunks_total ? (backfill.chunks_done * 100) / backfill.chunks_total : 0;
  return (
    <div className="backfill" data-testid="backfill" data-complete={String(backfill?.complete ?? false)}>
      <strong>{name}</strong>
      <div className="progress" role="progressbar" aria-label={t("connect.historyOf", { name })} aria-valuenow={Math.round(share)} aria-valuemin={0} aria-valuemax={100}>
        <div style={{ width: `${backfill?.complete ? 100 : share}%` }} />
      </div>
      <span className="small">
        {backfill
          ? backfill.complete
            ? backfill.since
              ? t("connect.historyLoadedSince", { date: dateOnly(backfill.since) })
              : t("connect.historyLoaded")
            : t("connect.historyParts", { done: backfill.chunks_done, total: backfill.chunks_total })
          : "…"}
      </span>
    </div>
  );
}
