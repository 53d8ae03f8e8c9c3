import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import type { components } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { ErrorBox } from "../components/ErrorBox";
import { dateTime } from "../format";
import { navigate, useLocation } from "../router";

type AlertKind = components["schemas"]["AlertKind"];
type Severity = components["schemas"]["AlertSeverity"];

export const KIND_WORDS: Record<AlertKind, string> = {
  account_needs_reconnect: "Account needs reconnecting",
  token_expiring: "Facebook access expiring",
  account_throttled: "Account throttled by Meta",
  stats_stale: "Stats not synced lately",
  ad_delivery_error: "Ad not delivering (disapproved or error)",
  adset_limited: "Ad set learning limited",
  spend_without_purchase: "Spend without a purchase",
  cost_per_purchase_high: "Cost per purchase above target",
  roas_low: "ROAS below floor",
  spend_spike: "Spend spike",
};
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
  const ack = useMutation({
    mutationFn: async (id: string) => unwrap(await client.api.POST("/api/alerts/{alert_id}/ack", { params: { path: { alert_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });

  return (
    <div className="alerts-page">
      <h1>Alerts</h1>
      <div className="filters" role="group" aria-label="Alert filters">
        <label>
          Status{" "}
          <select value={status} onChange={(e) => setFilter("status", e.target.value === "open" ? [] : [e.target.value])} data-testid="alert-status">
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <fieldset className="inline-checks">
          <legend>Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={severity.includes(s)}
                onChange={(e) => setFilter("severity", e.target.checked ? [...severity, s] : severity.filter((x) => x !== s))}
              />
              {s}
            </label>
          ))}
        </fieldset>
        <label>
          Kind{" "}
          <select value={kind ?? ""} onChange={(e) => setFilter("kind", e.target.value ? [e.target.value] : [])}>
            <option value="">All kinds</option>
            {Object.entries(KIND_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </label>
      </div>
      {alerts.isError && <ErrorBox error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.isPending && <p className="muted">Loading alerts…</p>}
      {alerts.data && alerts.data.data.length === 0 && (
        <div className="empty">No {status === "all" ? "" : status} alerts{severity.length || kind ? " match these filters" : ""}.</div>
      )}
      {alerts.data && alerts.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="alerts-table">
            <thead>
              <tr>
                <th>Severity</th>
                <th>What</th>
                <th>Where</th>
                <th>Opened</th>
                <th>Last seen</th>
                <th>
                  <span className="sr-only">Acknowledge</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.data.map((a) => (
                <tr key={a.id} data-id={a.id} data-severity={a.severity}>
                  <td>
                    <span className={`badge badge-sev-${a.severity}`}>{a.severity}</span>
                  </td>
                  <td>
                    <strong>{KIND_WORDS[a.kind] ?? a.kind}</strong>
                    <div className="small">{a.message}</div>
                  </td>
                  <td>
                    {a.entity_name}
                    <div className="sub">{a.entity_level.replace("adset", "ad set")}</div>
                  </td>
                  <td className="small">{dateTime(a.opened_at)}</td>
                  <td className="small">
                    {dateTime(a.last_seen_at)}
                    {a.occurrences > 1 ? ` · ${a.occurrences}×` : ""}
                  </td>
                  <td>
                    {a.acknowledged_at ? (
                      <span className="muted small">Acknowledged</span>
                    ) : (
                      <button type="button" disabled={ack.isPending} onClick={() => ack.mutate(a.id)} aria-label={`Acknowledge: ${a.message}`}>
                        Acknowledge
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ack.isError && <p className="error">{errorText(ack.error)}</p>}
      <div className="two-cols">
        <Thresholds />
        <WebhookCard />
      </div>
    </div>
  );
}

const THRESHOLD_FIELDS = [
  ["spend_without_purchase", "Spend without a purchase (account currency)", "money"],
  ["target_cost_per_purchase", "Target cost per purchase (empty: off)", "money?"],
  ["roas_floor", "ROAS floor (empty: off)", "number?"],
  ["spend_spike_multiplier", "Spend spike: times the usual day", "number"],
  ["min_spend", "Minimum spend before judging", "money"],
  ["token_expiry_days", "Warn days before Facebook access expires", "int"],
  ["throttled_minutes", "Throttled for more than (minutes)", "int"],
  ["stale_sync_minutes", "Stats older than (minutes)", "int"],
] as const;
type ThresholdKey = (typeof THRESHOLD_FIELDS)[number][0];

function Thresholds() {
  const current = useQuery({ queryKey: ["alert-thresholds"], queryFn: async () => unwrap(await client.api.GET("/api/alerts/settings")) });
  const [draft, setDraft] = useState<Record<ThresholdKey, string> | null>(null);
  useEffect(() => {
    if (current.data && draft === null)
      setDraft(Object.fromEntries(THRESHOLD_FIELDS.map(([k]) => [k, current.data[k] === null ? "" : String(current.data[k])])) as Record<ThresholdKey, string>);
  }, [current.data, draft]);
  const save = useMutation({
    mutationFn: async (values: Record<ThresholdKey, string>) => {
      const body = Object.fromEntries(
        THRESHOLD_FIELDS.map(([k, , kind]) => [k, kind === "int" ? Number(values[k]) : values[k].trim() === "" ? null : values[k].trim()]),
      );
      return unwrap(await client.api.PUT("/api/alerts/settings", { body: body as never }));
    },
    onSuccess: (data) => queryClient.setQueryData(["alert-thresholds"], data),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) save.mutate(draft);
  };
  return (
    <form className="card form" onSubmit={submit} aria-label="Alert thresholds">
      <h2>Thresholds</h2>
      {current.isError && <ErrorBox error={current.error} onRetry={() => void current.refetch()} />}
      {draft &&
        THRESHOLD_FIELDS.map(([key, label, kind]) => (
          <label key={key}>
            {label}
            <input
              inputMode={kind === "int" ? "numeric" : "decimal"}
              value={draft[key]}
              required={!kind.endsWith("?")}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </label>
        ))}
      <div className="card-foot">
        <button type="submit" className="primary" disabled={!draft || save.isPending}>
          Save thresholds
        </button>
        {save.isSuccess && <span className="ok small">Saved</span>}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}

function WebhookCard() {
  const hook = useQuery({
    queryKey: ["webhook"],
    queryFn: async () => {
      const result = await client.api.GET("/api/alerts/webhook");
      return result.response.status === 404 ? null : unwrap(result);
    },
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
  const remove = useMutation({
    mutationFn: async () => client.api.DELETE("/api/alerts/webhook"),
    onSuccess: () => queryClient.setQueryData(["webhook"], null),
  });
  return (
    <form
      className="card form"
      aria-label="Alert webhook"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>Webhook</h2>
      <p className="small muted">Each new alert is POSTed there, signed with the secret.</p>
      <label>
        URL (https)
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/pixecom-alerts" />
      </label>
      <label>
        Signing secret (16+ characters{hook.data?.has_secret ? "; empty keeps the current one" : ""})
        <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} minLength={16} />
      </label>
      {hook.data && (
        <dl className="facts" data-testid="webhook-status" data-status={hook.data.status}>
          <dt>Delivery</dt>
          <dd>
            {hook.data.status}
            {hook.data.pending_deliveries ? ` · ${hook.data.pending_deliveries} waiting` : ""}
          </dd>
          <dt>Last success</dt>
          <dd>{dateTime(hook.data.last_success_at)}</dd>
          {hook.data.last_error && (
            <>
              <dt>Last error</dt>
              <dd className="error">{hook.data.last_error}</dd>
            </>
          )}
        </dl>
      )}
      <div className="card-foot">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save webhook
        </button>
        {hook.data && (
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Remove
          </button>
        )}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
