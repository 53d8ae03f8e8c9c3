// The Creatives view: one row per creative version (the ads sharing a media, an ad text, a
// thumbnail or a post), its look, its fatigue in words, its metrics, and a click to its ads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { unwrap } from "@pixecom/client";
import { client } from "../api";
import type { CreativeGroupRow, Fatigue } from "../apiTypes";
import { formatMetric } from "../columns";
import { Badge } from "../components/Badge";
import { ColumnChooser, useColumns } from "../components/ColumnChooser";
import { SortHeader } from "../components/EntityTable";
import { ErrorBox } from "../components/ErrorBox";
import { Pager, useCursorPages } from "../components/Pager";
import { Filters, useAdAccounts } from "../components/Filters";
import { change as changeText, count, dateOnly, ratio } from "../format";
import { t } from "../i18n";
import { creativesHref, hrefFor, listQuery, readState, type ListState } from "../listState";
import { isUniqueMetric } from "../metrics";
import { resultWords } from "../results";
import { Link, navigate, useLocation } from "../router";
import { AdsManagerTabs } from "./AdsManager";

export const GROUP_BYS = ["media", "ad_text", "thumbnail", "post"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The ad sets list's query (dates, filters, sort, page size), grouped: no comparison or breakdown. */
const creativesQuery = (state: ListState, groupBy: GroupBy) => ({
  ...listQuery("adsets", state),
  compare: undefined,
  breakdown: undefined,
  group_by: groupBy,
});

export function CreativesPage() {
  const { search } = useLocation();
  const state = useMemo(() => readState(search), [search]);
  const groupBy: GroupBy = GROUP_BYS.find((g) => g === search.get("group_by")) ?? "media";
  const query = useMemo(() => creativesQuery(state, groupBy), [state, groupBy]);
  const update = useCallback((patch: Partial<ListState>) => navigate(creativesHref({ ...state, ...patch }, groupBy)), [state, groupBy]);
  // Keyset pages, as the levels' lists: the summary is over every page's groups.
  const pages = useCursorPages(JSON.stringify(query));
  const cursor = pages.cursor;
  const list = useQuery({
    queryKey: ["creatives", query, cursor ?? null],
    queryFn: async () => unwrap(await client.api.GET("/api/ads-manager/creatives", { params: { query: { ...query, cursor } } })),
    placeholderData: keepPreviousData,
  });
  // A creative group's metrics are summed over its ads: no reach or frequency.
  const columns = useColumns().filter((c) => !isUniqueMetric(c.key));
  const rows = list.data?.data ?? [];
  // A row is one version in one currency: its ads are those of the (chosen) accounts in that currency.
  const accounts = useAdAccounts().data?.data ?? [];
  const adsOf = (row: CreativeGroupRow) => {
    const chosen = accounts.filter((a) => a.currency === row.currency && (state.ad_account_id.length === 0 || state.ad_account_id.includes(a.id)));
    const drill = { chart: null, compare: null, breakdown: null, ad_account_id: chosen.map((a) => a.id), [`${groupBy}_version`]: [row.key] };
    return hrefFor("ads", { ...state, ...drill });
  };

  return (
    <div className="ads-manager creatives">
      <div className="page-head">
        <AdsManagerTabs current="creatives" state={state} />
      </div>
      <Filters state={state} onChange={update} />
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      <div className={`results${list.isFetching ? " fetching" : ""}`} data-testid="results" data-state={list.isFetching ? "loading" : "idle"}>
        <div className="results-head">
          {list.data && (
            <span className="small muted">
              {dateOnly(list.data.date_range.since)} – {dateOnly(list.data.date_range.until)}
            </span>
          )}
          <span className="spacer" />
          <label className="toolbar-select small" data-testid="group-by">
            <span>{t("creatives.groupBy")}</span>{" "}
            <select value={groupBy} onChange={(e) => navigate(creativesHref(state, e.target.value))}>
              {GROUP_BYS.map((g) => (
                <option key={g} value={g}>
                  {t(`creatives.group.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <ColumnChooser columns={columns} />
        </div>
        {list.data && (
          <div className="table-wrap">
            <table className="grid" data-testid="creatives-table">
              <thead>
                <tr>
                  <th>{t("creatives.creative")}</th>
                  <th>{t("creatives.used")}</th>
                  <th>{t("creatives.fatigue")}</th>
                  {columns.map((c) => (
                    <SortHeader key={c.key} label={c.label} title={c.title} sortKey={c.key} sort={state.sort} onSort={(sort) => update({ sort })} className="num" />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.key}|${row.currency}`} data-key={row.key} data-currency={row.currency} data-fatigue={row.fatigue.state}>
                    <td>
                      <CreativeCell row={row} />
                    </td>
                    <td className="small">
                      <div>{t("creatives.usedBy", { ads: count(row.ads), adsets: count(row.adsets) })}</div>
                      <Link to={adsOf(row)} data-testid="creative-ads">
                        {t("creatives.openAds", { n: row.ads })}
                      </Link>
                      <div className="sub">{resultWords(row.result_type)}</div>
                    </td>
                    <td>
                      <FatigueCell fatigue={row.fatigue} />
                    </td>
                    {columns.map((c) => (
                      <td key={c.key} className="num" data-metric={c.key} data-value={String(row.metrics[c.key] ?? null)}>
                        {formatMetric(c, row.metrics, row.currency)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {list.data.summary.map((s) => (
                  <tr key={s.currency} className="summary" data-currency={s.currency}>
                    <td colSpan={3}>{t("table.total", { currency: s.currency })}</td>
                    {columns.map((c) => (
                      <td key={c.key} className="num" data-metric={c.key} data-value={String(s.metrics[c.key] ?? null)}>
                        {formatMetric(c, s.metrics, s.currency)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tfoot>
            </table>
            {rows.length === 0 && (
              <div className="empty" data-testid="creatives-empty">
                {t("creatives.empty")}
              </div>
            )}
            <Pager pages={pages} nextCursor={list.data.paging.next_cursor} limit={state.limit} onLimit={(limit) => update({ limit })} />
          </div>
        )}
        {list.isPending && <div className="empty muted">{t("creatives.loading")}</div>}
      </div>
    </div>
  );
}

/** The group's face: its thumbnail (a placeholder once Meta's signed link is gone), title and text. */
function CreativeCell({ row }: { row: CreativeGroupRow }) {
  const face = row.creative;
  const [broken, setBroken] = useState(false);
  const text = face.title || face.body;
  return (
    <div className="creative-cell">
      {face.thumbnail_url && !broken ? (
        <img className="thumb" src={face.thumbnail_url} alt={text ?? t(`creatives.format.${face.format}`)} loading="lazy" onError={() => setBroken(true)} />
      ) : (
        <span className="thumb placeholder" role="img" aria-label={t("creatives.noPreview")} title={t("creatives.noPreview")} data-testid="no-preview">
          {t(`creatives.format.${face.format}`)}
        </span>
      )}
      <div>
        <div className="small muted">{t(`creatives.format.${face.format}`)}</div>
        {face.title && <strong className="creative-text">{face.title}</strong>}
        <div className="creative-text">{face.body ?? (face.title ? "" : t("creatives.noText"))}</div>
      </div>
    </div>
  );
}

/** Fatigue's state as a badge; what made it, in the chosen language, from the API's figures
 * (the API's own sentences, in English, on hover). */
function FatigueCell({ fatigue }: { fatigue: Fatigue }) {
  return (
    <div className="fatigue" data-testid="fatigue">
      <Badge value={fatigue.state} title={fatigue.signals.join("\n")} />
      <ul className="fatigue-signals">
        {fatigueWords(fatigue).map((words) => (
          <li key={words}>{words}</li>
        ))}
      </ul>
    </div>
  );
}

const pct = (value: string | null) => (value === null ? null : changeText(Number(value) / 100));

export function fatigueWords(f: Fatigue): string[] {
  if (f.delivery_days < 6) return [t("fatigue.tooNew", { n: f.delivery_days })];
  if (f.ctr_change_pct === null && f.cpm_change_pct === null && f.cost_per_result_change_pct === null) return [t("fatigue.tooFew")];
  const words: string[] = [];
  const ctr = pct(f.ctr_change_pct);
  const cpm = pct(f.cpm_change_pct);
  const cpr = pct(f.cost_per_result_change_pct);
  if (ctr) words.push(t("fatigue.ctr", { change: ctr }));
  if (cpm) words.push(t("fatigue.cpm", { change: cpm }));
  if (cpr) words.push(t("fatigue.costPerResult", { change: cpr }));
  if (f.frequency !== null) words.push(t("fatigue.frequency", { n: ratio(Number(f.frequency)) }));
  words.push(t("fatigue.days", { n: f.delivery_days }));
  return words;
}
