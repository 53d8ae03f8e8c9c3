import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { unwrap } from "@pixecom/client";
import { client, listPage } from "../api";
import { DATE_PRESETS, DELIVERY_STATUSES, STATUSES, type DatePreset, type ListState } from "../listState";
import { t } from "../i18n";
import { statusLabel } from "./Badge";
import { MultiSelect } from "./MultiSelect";

export function useAdAccounts() {
  return useQuery({
    queryKey: ["ad-accounts"],
    queryFn: async () => unwrap(await client.api.GET("/api/ad-accounts")),
    refetchInterval: 10_000,
  });
}

/** The six filters (date, sellpage, status, ad account, delivery, campaigns) and the name search. */
export function Filters({ state, onChange }: { state: ListState; onChange: (patch: Partial<ListState>) => void }) {
  const sellpages = useQuery({ queryKey: ["sellpages"], queryFn: async () => unwrap(await client.api.GET("/api/sellpages")) });
  const accounts = useAdAccounts();
  const campaigns = useQuery({
    queryKey: ["campaign-options"],
    queryFn: async () =>
      listPage(unwrap(await client.api.GET("/api/ads-manager/campaigns", { params: { query: { sort: "name", limit: 500 } } }))),
  });
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const timer = window.setTimeout(() => onChange({ q: q.trim() }), 300);
    return () => window.clearTimeout(timer);
  }, [q, state.q, onChange]);

  const custom = state.date_preset === null;
  const today = new Date().toISOString().slice(0, 10);
  const setPreset = (value: string) => {
    if (value === "custom") {
      const since = new Date(Date.now() - 13 * 86400_000).toISOString().slice(0, 10);
      onChange({ date_preset: null, since: state.since || since, until: state.until || today });
    } else onChange({ date_preset: value as DatePreset, since: "", until: "" });
  };
  const active =
    state.sellpage_id.length + state.status.length + state.delivery_status.length + state.ad_account_id.length +
    state.campaign_id.length + state.adset_id.length + (state.q ? 1 : 0);

  return (
    <div className="filters">
      <label className="date-filter">
        <span className="muted">{t("filter.date")}</span>
        <select value={state.date_preset ?? "custom"} onChange={(e) => setPreset(e.target.value)} data-testid="filter-date">
          {DATE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {t(`preset.${value}`)}
            </option>
          ))}
          <option value="custom">{t("filter.custom")}</option>
        </select>
      </label>
      {custom && (
        <span className="custom-range">
          <input type="date" aria-label={t("filter.since")} value={state.since} max={state.until || today} onChange={(e) => e.target.value && onChange({ since: e.target.value })} />
          –
          <input type="date" aria-label={t("filter.until")} value={state.until} min={state.since} onChange={(e) => e.target.value && onChange({ until: e.target.value })} />
        </span>
      )}
      <MultiSelect
        label={t("filter.sellpage")}
        testId="filter-sellpage"
        options={(sellpages.data?.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        selected={state.sellpage_id}
        onChange={(sellpage_id) => onChange({ sellpage_id })}
      />
      <MultiSelect
        label={t("filter.status")}
        testId="filter-status"
        options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        selected={state.status}
        onChange={(status) => onChange({ status: status as ListState["status"] })}
      />
      <MultiSelect
        label={t("filter.delivery")}
        testId="filter-delivery"
        options={DELIVERY_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        selected={state.delivery_status}
        onChange={(delivery_status) => onChange({ delivery_status: delivery_status as ListState["delivery_status"] })}
      />
      <MultiSelect
        label={t("filter.account")}
        testId="filter-account"
        options={(accounts.data?.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))}
        selected={state.ad_account_id}
        onChange={(ad_account_id) => onChange({ ad_account_id })}
      />
      <MultiSelect
        label={t("filter.campaigns")}
        testId="filter-campaign"
        options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        selected={state.campaign_id}
        onChange={(campaign_id) => onChange({ campaign_id, adset_id: [] })}
      />
      <input
        type="search"
        className="search"
        placeholder={t("filter.search")}
        aria-label={t("filter.search")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {active > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setQ("");
            onChange({ sellpage_id: [], status: [], delivery_status: [], ad_account_id: [], campaign_id: [], adset_id: [], q: "" });
          }}
        >
          {t("filter.clear")}
        </button>
      )}
    </div>
  );
}
