import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import type { components } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { ReadOnlyNote, useCan, useCanSellerWide } from "../permissions";
import { ErrorBox } from "../components/ErrorBox";
import { dateTime } from "../format";
import { t, type MessageKey } from "../i18n";
import { MoneyInput } from "../components/MoneyInput";
import { money } from "../format";
import { noteText, useDefaultCurrency, type MoneyAmount } from "../currency";
import { navigate, useLocation } from "../router";

type AlertKind = components["schemas"]["AlertKind"];
type Severity = components["schemas"]["AlertSeverity"];

const KINDS: AlertKind[] = [
  "account_needs_reconnect", "token_expiring", "account_throttled", "stats_stale", "ad_delivery_error",
  "adset_limited", "spend_without_purchase", "cost_per_purchase_high", "roas_low", "spend_spike",
  "creative_fatigue",
];
const SEVERITIES: Severity[] = ["critical", "warning", "info"];

/** The open-alert count the navigation shows (200+ past one page). */
export function useOpenAlertCount() {
  return useQuery({
    queryKey: ["alerts", "open-count"],
    queryFn: async () => {
      const page = unwrap(await client.api.GET("/api/alerts", { params: { query: { status: "open", limit: 200 } } }));
      return page.paging.next_cursor ? "200+" : String(page.data.length);
    },
    refetchInterval: 60_000,
  });
}

/** Alerts with filters (in the URL), acknowledge; thresholds and the webhook below. */
export function AlertsPage() {
  const { search } = useLocation();
  const status = (search.get("status") ?? "open") as "open" | "resolved" | "all";
  const severity = search.getAll("severity") as Severity[];
  const kind = search.get("kind") as AlertKind | null;
  const setFilter = (key: string, values: string[]) => {
    const next = new URLSearchParams(search);
    next.delete(key);
    for (const v of values) next.append(key, v);
    const query = next.toString();
    navigate(`/alerts${query ? `?${query}` : ""}`);
  };
  const alerts = useQuery({
    queryKey: ["alerts", status, severity, kind],
    queryFn: async () =>
      unwrap(
        await client.api.GET("/api/alerts", {
          params: { query: { status, severity: severity.length ? severity : undefined, kind: kind ? [kind] : undefined, limit: 200 } },
        }),
      ),
  });
  const mayAck = useCan("alerts.write");
  const mayWebhook = useCan("webhooks.manage");
  const ack = useMutation({
    mutationFn: async (id: string) => unwrap(await client.api.POST("/api/alerts/{alert_id}/ack", { params: { path: { alert_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });

  return (
    <div className="alerts-page">
      <h1>{t("alerts.title")}</h1>
      <div className="filters" role="group" aria-label={t("alerts.filters")}>
        <label>
          {t("alerts.status")}{" "}
          <select value={status} onChange={(e) => setFilter("status", e.target.value === "open" ? [] : [e.target.value])} data-testid="alert-status">
            <option value="open">{t("alerts.open")}</option>
            <option value="resolved">{t("alerts.resolved")}</option>
            <option value="all">{t("alerts.all")}</option>
          </select>
        </label>
        <fieldset className="inline-checks">
          <legend>{t("alerts.severity")}</legend>
          {SEVERITIES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={severity.includes(s)}
                onChange={(e) => setFilter("severity", e.target.checked ? [...severity, s] : severity.filter((x) => x !== s))}
              />
              {t(`severity.${s}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("alerts.kind")}{" "}
          <select value={kind ?? ""} onChange={(e) => setFilter("kind", e.target.value ? [e.target.value] : [])}>
            <option value="">{t("alerts.allKinds")}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {alerts.isError && <ErrorBox error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.isPending && <p className="muted">{t("alerts.loading")}</p>}
      {alerts.data && alerts.data.data.length === 0 && (
        <div className="empty">{severity.length || kind ? t("alerts.noneFiltered") : t("alerts.none")}</div>
      )}
      {alerts.data && alerts.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="alerts-table">
            <thead>
              <tr>
                <th>{t("alerts.severity")}</th>
                <th>{t("alerts.what")}</th>
                <th>{t("alerts.where")}</th>
                <th>{t("alerts.opened")}</th>
                <th>{t("alerts.lastSeen")}</th>
                <th>
                  <span className="sr-only">{t("alerts.ack")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.data.map((a) => (
                <tr key={a.id} data-id={a.id} data-severity={a.severity}>
                  <td>
                    <span className={`badge badge-sev-${a.severity}`}>{t(`severity.${a.severity}`)}</span>
                  </td>
                  <td>
                    <strong>{t(`kind.${a.kind}` as MessageKey) ?? a.kind}</strong>
                    <div className="small">{a.message}</div>
                    <AlertMoney alert={a} />
                  </td>
                  <td>
                    {a.entity_name}
                    <div className="sub">{t(`one.${a.entity_level}` as MessageKey) ?? a.entity_level}</div>
                  </td>
                  <td className="small">{dateTime(a.opened_at)}</td>
                  <td className="small">
                    {dateTime(a.last_seen_at)}
                    {a.occurrences > 1 ? t("alerts.times", { n: a.occurrences }) : ""}
                  </td>
                  <td>
                    {a.acknowledged_at ? (
                      <span className="muted small">{t("alerts.acked")}</span>
                    ) : (
                      mayAck && (
                        <button type="button" disabled={ack.isPending} onClick={() => ack.mutate(a.id)} aria-label={t("alerts.ackOf", { message: a.message })}>
                          {t("alerts.ack")}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ack.isError && <p className="error">{errorText(ack.error)}</p>}
      {!mayAck && <ReadOnlyNote what="perm.whatAlerts" />}
      <div className="two-cols">
        <Thresholds />
        {/* The webhook (its URL reaches outside) is for members who manage it: not even read by others. */}
        {mayWebhook && <WebhookCard />}
      </div>
    </div>
  );
}

type Alert = components["schemas"]["AlertOut"];
const ALERT_MONEY = ["spend", "cost_per_purchase", "purchase_value"] as const;

/** The alert's money figures with their currency, and any threshold converted into it. */
function AlertMoney({ alert }: { alert: Alert }) {
  const values = alert.values as Partial<Record<(typeof ALERT_MONEY)[number], string | null>>;
  const shown = alert.currency ? ALERT_MONEY.filter((k) => values[k] !== null && values[k] !== undefined) : [];
  if (shown.length === 0 && alert.conversions.length === 0) return null;
  return (
    <div className="small muted" data-testid="alert-money" data-currency={alert.currency ?? ""}>
      {shown.map((k) => `${t(`metric.${k}`)} ${money(values[k], alert.currency!)}`).join(" · ")}
      {alert.conversions.map((n) => (
        <div key={n.threshold}>{noteText(n, alert.currency)}</div>
      ))}
    </div>
  );
}

const THRESHOLD_FIELDS = [
  ["spend_without_purchase", "money"],
  ["target_cost_per_purchase", "money?"],
  ["roas_floor", "number?"],
  ["spend_spike_multiplier", "number"],
  ["min_spend", "money"],
  ["token_expiry_days", "int"],
  ["throttled_minutes", "int"],
  ["stale_sync_minutes", "int"],
] as const;
type ThresholdKey = (typeof THRESHOLD_FIELDS)[number][0];

type ThresholdDraft = { values: Record<ThresholdKey, string>; currencies: Partial<Record<ThresholdKey, string>> };

function Thresholds() {
  const current = useQuery({ queryKey: ["alert-thresholds"], queryFn: async () => unwrap(await client.api.GET("/api/alerts/settings")) });
  const currency = useDefaultCurrency();
  const [draft, setDraft] = useState<ThresholdDraft | null>(null);
  useEffect(() => {
    if (!current.data || !currency || draft !== null) return;
    const data = current.data as Record<ThresholdKey, MoneyAmount | string | number | null>;
    const values = {} as Record<ThresholdKey, string>;
    const currencies: Partial<Record<ThresholdKey, string>> = {};
    for (const [k, kind] of THRESHOLD_FIELDS) {
      const value = data[k];
      if (kind.startsWith("money")) {
        const amount = value as MoneyAmount | null;
        values[k] = amount?.amount ?? "";
        currencies[k] = amount?.currency ?? currency;
      } else values[k] = value === null ? "" : String(value);
    }
    setDraft({ values, currencies });
  }, [current.data, currency, draft]);
  const save = useMutation({
    mutationFn: async ({ values, currencies }: ThresholdDraft) => {
      const body = Object.fromEntries(
        THRESHOLD_FIELDS.map(([k, kind]) => {
          const text = values[k].trim();
          if (kind === "int") return [k, Number(text)];
          if (text === "") return [k, null];
          return [k, kind.startsWith("money") ? { amount: text, currency: currencies[k] } : text];
        }),
      );
      return unwrap(await client.api.PUT("/api/alerts/settings", { body: body as never }));
    },
    onSuccess: (data) => queryClient.setQueryData(["alert-thresholds"], data),
  });
  // Thresholds apply to the whole seller: a member limited to some ad accounts sees them only.
  const mayChange = useCanSellerWide("alerts.write");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) save.mutate(draft);
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t("thresholds.form")}>
      <h2>{t("thresholds.title")}</h2>
      <fieldset className="plain" disabled={!mayChange}>
      {current.isError && <ErrorBox error={current.error} onRetry={() => void current.refetch()} />}
      {draft &&
        THRESHOLD_FIELDS.map(([key, kind]) =>
          kind.startsWith("money") ? (
            <div className="field" key={key}>
              <span aria-hidden="true">{t(`thresholds.${key}`)}</span>
              <MoneyInput
                label={t(`thresholds.${key}`)}
                currencyLabel={t(`thresholdCurrency.${key}` as MessageKey)}
                required={!kind.endsWith("?")}
                value={{ amount: draft.values[key], currency: draft.currencies[key] ?? currency ?? "USD" }}
                onChange={(v) => setDraft({ values: { ...draft.values, [key]: v.amount }, currencies: { ...draft.currencies, [key]: v.currency } })}
              />
            </div>
          ) : (
            <label key={key}>
              {t(`thresholds.${key}`)}
              <input
                inputMode={kind === "int" ? "numeric" : "decimal"}
                value={draft.values[key]}
                required={!kind.endsWith("?")}
                onChange={(e) => setDraft({ ...draft, values: { ...draft.values, [key]: e.target.value } })}
              />
            </label>
          ),
        )}
      </fieldset>
      <div className="card-foot">
        {mayChange ? (
          <button type="submit" className="primary" disabled={!draft || save.isPending}>
            {t("thresholds.save")}
          </button>
        ) : (
          <span className="small muted" data-testid="thresholds-read-only">{t("perm.thresholdsReadOnly")}</span>
        )}
        {save.isSuccess && <span className="ok small">{t("common.saved")}</span>}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}

function WebhookCard() {
  const hook = useQuery({
    queryKey: ["webhook"],
    // null while no webhook is set (the API answers 200 with null, not an error).
    queryFn: async () => unwrap(await client.api.GET("/api/alerts/webhook")),
    refetchInterval: 10_000,
  });
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  useEffect(() => {
    if (hook.data) setUrl(hook.data.url);
  }, [hook.data]);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(await client.api.PUT("/api/alerts/webhook", { body: { url, secret: secret || null, enabled: true } })),
    onSuccess: (data) => {
      setSecret("");
      queryClient.setQueryData(["webhook"], data);
    },
  });
  const ping = useMutation({
    mutationFn: async () => unwrap(await client.api.POST("/api/alerts/webhook/test")),
    onSuccess: (answer) => queryClient.setQueryData(["webhook"], answer.webhook),
  });
  const remove = useMutation({
    mutationFn: async () => client.api.DELETE("/api/alerts/webhook"),
    onSuccess: () => queryClient.setQueryData(["webhook"], null),
  });
  return (
    <form
      className="card form"
      aria-label={t("webhook.form")}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t("webhook.title")}</h2>
      <p className="small muted">{t("webhook.help")}</p>
      <label>
        {t("webhook.url")}
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/pixecom-alerts" />
      </label>
      <label>
        {hook.data?.has_secret ? t("webhook.secretKeep") : t("webhook.secret")}
        <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} minLength={16} />
      </label>
      {hook.data && (
        <dl className="facts" data-testid="webhook-status" data-status={hook.data.status}>
          <dt>{t("webhook.delivery")}</dt>
          <dd>
            {hook.data.status === "ok" ? t("webhook.ok") : t("webhook.failing")}
            {hook.data.pending_deliveries ? t("webhook.waiting", { n: hook.data.pending_deliveries }) : ""}
          </dd>
          <dt>{t("webhook.lastSuccess")}</dt>
          <dd>{dateTime(hook.data.last_success_at)}</dd>
          {hook.data.last_error && (
            <>
              <dt>{t("webhook.lastError")}</dt>
              <dd className="error">{hook.data.last_error}</dd>
            </>
          )}
        </dl>
      )}
      <div className="card-foot">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("webhook.save")}
        </button>
        {hook.data && (
          <button type="button" onClick={() => ping.mutate()} disabled={ping.isPending}>
            {t("webhook.test")}
          </button>
        )}
        {hook.data && (
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t("common.remove")}
          </button>
        )}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
      {ping.data && (
        <p className={ping.data.delivered ? "ok small" : "error small"} role="status" data-testid="webhook-test">
          {ping.data.delivered ? t("webhook.testOk", { status: ping.data.status_code ?? "" }) : t("webhook.testFailed", { error: ping.data.error ?? "" })}
        </p>
      )}
      {ping.isError && <p className="error small">{errorText(ping.error)}</p>}
    </form>
  );
}
