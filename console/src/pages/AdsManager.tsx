import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, listPage } from "../api";
import { DailyChart } from "../components/DailyChart";
import { BudgetCell, type Budget, type BudgetRow } from "../components/BudgetCell";
import { EntityTable, type EntityColumn, type Row } from "../components/EntityTable";
import { Filters, useAdAccounts } from "../components/Filters";
import { ColumnChooser, useColumns } from "../components/ColumnChooser";
import { ConvertedTotal } from "../components/ConvertedTotal";
import { storeColumns as allStoreColumns, useStoreColumnsShown } from "../storeColumns";
import { ErrorBox } from "../components/ErrorBox";
import { Pager, useCursorPages } from "../components/Pager";
import { downloadCsv, screenCsv } from "../csv";
import { t, type MessageKey } from "../i18n";
import { dateOnly, money } from "../format";
import { ReadOnlyNote, useCan } from "../permissions";
import { JobPanel } from "../components/JobPanel";
import { ConnectButton } from "../connect/ConnectButton";
import { CompareMenu } from "../components/Compare";
import { BreakdownMenu, BreakdownNote, BreakdownProgress } from "../components/Breakdown";
import type { BreakdownPending } from "../apiTypes";
import { creativesHref, hasFilters, hrefFor, LEVELS, NO_FILTERS, levelInfo, listQuery, readState, versionFilter, type Level, type ListQuery, type ListState } from "../listState";
import { Link, navigate, useLocation } from "../router";

/** A list page, or (with `breakdown=`, while Meta computes its reports) the reports to wait for. */
async function fetchListOrPending(level: Level, query: ListQuery & { cursor?: string }) {
  const params = { params: { query } };
  switch (level) {
    case "campaigns":
      return unwrap(await client.api.GET("/api/ads-manager/campaigns", params));
    case "adsets":
      return unwrap(await client.api.GET("/api/ads-manager/adsets", params));
    case "ads":
      return unwrap(await client.api.GET("/api/ads-manager/ads", params));
  }
}
const fetchList = async (level: Level, query: ListQuery & { cursor?: string }) => listPage(await fetchListOrPending(level, query));

/** One entity's name for the breadcrumb, read through the list endpoint's id filter. */
function useEntityName(level: "campaigns" | "adsets", id: string | undefined) {
  return useQuery({
    queryKey: ["name", level, id],
    enabled: Boolean(id),
    staleTime: Infinity,
    queryFn: async () => {
      const query = level === "campaigns" ? { campaign_id: [id!], limit: 1 } : { adset_id: [id!], limit: 1 };
      const page = await fetchList(level, query as ListQuery);
      return page.data[0]?.name ?? "(not found)";
    },
  });
}

export function AdsManagerPage({ level }: { level: Level }) {
  const { search } = useLocation();
  const state = useMemo(() => readState(search), [search]);
  const query = useMemo(() => listQuery(level, state), [level, state]);
  const queryKey = JSON.stringify([level, query]);
  const update = useCallback(
    (patch: Partial<ListState>, to: Level = level) => navigate(hrefFor(to, { ...state, ...patch })),
    [state, level],
  );

  const pages = useCursorPages(queryKey);
  const cursor = pages.cursor;
  const [selection, setSelection] = useState<{ level: Level; ids: Set<string> }>({ level, ids: new Set() });
  const selected = selection.level === level ? selection.ids : new Set<string>();
  const [job, setJob] = useState<{ id: string; title: string; currency?: string } | null>(null);
  const mayWrite = useCan("ads.write");

  const list = useQuery({
    queryKey: ["list", level, query, cursor ?? null],
    queryFn: () => fetchListOrPending(level, { ...query, cursor }),
    placeholderData: keepPreviousData,
  });
  // With a breakdown Meta has not computed yet, the list answers with the reports to wait for.
  const pending = list.data && "jobs" in list.data ? (list.data as BreakdownPending) : null;
  const page = list.data && !("jobs" in list.data) ? list.data : undefined;
  const refetchList = list.refetch;
  const askAgain = useCallback(() => void refetchList(), [refetchList]);
  const accounts = useAdAccounts();
  const columns = useColumns();
  const storeColumns = useStoreColumnsShown() ? allStoreColumns() : [];
  const accountNames = useMemo(
    () => new Map((accounts.data?.data ?? []).map((a) => [a.id, a.name])),
    [accounts.data],
  );

  const info = levelInfo(level);
  const bulk = useMutation({
    mutationFn: async (status: "ACTIVE" | "PAUSED") =>
      unwrap(
        await client.api.POST("/api/ads-manager/status", {
          body: { level: info.singular, ids: [...selected], status },
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
      ),
    onSuccess: (accepted, status) => {
      const noun = selected.size === 1 ? info.one : info.noun;
      const key = status === "PAUSED" ? "am.jobTitlePause" : "am.jobTitleActivate";
      setJob({ id: accepted.job_id, title: t(key, { n: selected.size, noun }) });
      setSelection({ level, ids: new Set() });
    },
  });

  // One row's budget, inline: a budget job of one item (its outcome and reason show in the panel).
  const budget = useMutation({
    mutationFn: async ({ row, current, amount }: { row: BudgetRow; current: Budget; amount: string }) =>
      unwrap(
        await client.api.POST("/api/ads-manager/budgets", {
          body: { level: current.level, ids: [row.id], budget: { type: current.type, amount: { amount, currency: row.currency } } },
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
      ),
    onSuccess: (accepted, { row, amount }) =>
      setJob({ id: accepted.job_id, title: t("budget.jobTitle", { name: row.name, amount: money(amount, row.currency) }), currency: row.currency }),
  });
  // Columns about the entity after the statuses: the budget where it lives (campaigns, ad sets).
  const holder = level === "campaigns" ? "campaign" : "adset";
  const entityColumns: EntityColumn[] =
    level === "ads"
      ? []
      : [
          {
            key: "budget",
            header: t("budget.column"),
            value: (row) => (row as BudgetRow).budget?.amount ?? "",
            render: (row) => (
              <BudgetCell row={row as BudgetRow} level={holder} editable={mayWrite} onSave={(r, current, amount) => budget.mutate({ row: r, current, amount })} />
            ),
          },
        ];

  const drillCampaign = state.campaign_id.length === 1 && level !== "campaigns" ? state.campaign_id[0] : undefined;
  const drillAdset = state.adset_id.length === 1 && level === "ads" ? state.adset_id[0] : undefined;
  const campaignName = useEntityName("campaigns", drillCampaign);
  const adsetName = useEntityName("adsets", drillAdset);

  const rows = (page?.data ?? []) as Row[];
  const chartRow = rows.find((r) => r.id === state.chart);
  const open = (row: Row) => {
    if (level === "campaigns") update({ campaign_id: [row.id], adset_id: [], chart: null }, "adsets");
    else if (level === "adsets") update({ campaign_id: [(row as { campaign_id: string }).campaign_id], adset_id: [row.id], chart: null }, "ads");
  };
  const onSelect = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    setSelection({ level, ids: next });
  };

  return (
    <div className="ads-manager">
      <div className="page-head">
        <AdsManagerTabs current={level} state={state} />
        {(drillCampaign || drillAdset) && (
          <nav className="breadcrumb" aria-label={t("am.breadcrumb")}>
            <Link to={hrefFor("campaigns", { ...state, campaign_id: [], adset_id: [], chart: null })}>{t("am.allCampaigns")}</Link>
            {drillCampaign && (
              <>
                <span className="sep">›</span>
                {level === "adsets" ? (
                  <span aria-current="page">{campaignName.data ?? "…"}</span>
                ) : (
                  <Link to={hrefFor("adsets", { ...state, campaign_id: [drillCampaign], adset_id: [], chart: null })}>
                    {campaignName.data ?? "…"}
                  </Link>
                )}
              </>
            )}
            {drillAdset && (
              <>
                <span className="sep">›</span>
                <span aria-current="page">{adsetName.data ?? "…"}</span>
              </>
            )}
          </nav>
        )}
      </div>
      <Filters state={state} onChange={update} />
      {level === "ads" && versionFilter(state).length > 0 && (
        <p className="note small" data-testid="version-filter">
          {t("am.versionFilter", { group: t(`creatives.group.${versionFilter(state)[0].key.replace(/_version$/, "")}` as MessageKey) })}{" "}
          <button type="button" className="link-button" onClick={() => update({ media_version: [], ad_text_version: [], thumbnail_version: [], post_version: [] })}>
            {t("am.versionClear")}
          </button>
        </p>
      )}

      {!mayWrite && <ReadOnlyNote what="perm.whatAds" />}
      {budget.isError && (
        <p className="error" role="alert">
          {errorText(budget.error)}
        </p>
      )}
      {mayWrite && selected.size > 0 && (
        <div className="bulk-bar" data-testid="bulk-bar">
          <strong>{t("am.selected", { n: selected.size })}</strong>
          <button type="button" disabled={bulk.isPending} onClick={() => bulk.mutate("PAUSED")}>
            {t("am.pause")}
          </button>
          <button type="button" disabled={bulk.isPending} onClick={() => bulk.mutate("ACTIVE")}>
            {t("am.activate")}
          </button>
          <button type="button" className="link-button" onClick={() => setSelection({ level, ids: new Set() })}>
            {t("am.clearSelection")}
          </button>
          {bulk.isError && <span className="error inline">{errorText(bulk.error)}</span>}
        </div>
      )}
      {job && <JobPanel key={job.id} jobId={job.id} title={job.title} currency={job.currency} onClose={() => setJob(null)} />}
      {state.chart && (
        <DailyChart level={level} id={state.chart} name={chartRow?.name ?? ""} state={state} onClose={() => update({ chart: null })} />
      )}

      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      <div className={`results${list.isFetching ? " fetching" : ""}`} data-testid="results" data-state={list.isFetching ? "loading" : "idle"}>
        {list.data && (
          <div className="results-head">
            {page ? (
              <span className="small muted">
                {t("am.totalsNote", { since: dateOnly(page.date_range.since), until: dateOnly(page.date_range.until), noun: info.one })}
                {page.compare_range && (
                  <>
                    {" · "}
                    <span data-testid="compare-range">
                      {t("compare.rangeNote", { since: dateOnly(page.compare_range.since), until: dateOnly(page.compare_range.until) })}
                    </span>
                  </>
                )}
              </span>
            ) : (
              <span />
            )}
            <span className="spacer" />
            <CompareMenu value={state.compare} onChange={(compare) => update({ compare })} />
            <BreakdownMenu value={state.breakdown} onChange={(breakdown) => update({ breakdown })} />
            <ColumnChooser columns={columns} store />
            <button
              type="button"
              disabled={!page}
              onClick={() =>
                page &&
                downloadCsv(
                  `${level}-${page.date_range.since}-${page.date_range.until}.csv`,
                  screenCsv(rows, page.summary, columns, accountNames, entityColumns, page.breakdown, storeColumns),
                )
              }
            >
              {t("am.csv")}
            </button>
          </div>
        )}
        {pending && <BreakdownProgress pending={pending} asked={list.dataUpdatedAt} onReady={askAgain} />}
        {page && (
          <>
            {page.breakdown && <BreakdownNote info={page.breakdown} />}
            <EntityTable
              level={level}
              columns={columns}
              rows={rows}
              summary={page.summary}
              sort={state.sort}
              onSort={(sort) => update({ sort })}
              selected={selected}
              onSelect={onSelect}
              onOpen={open}
              chartId={state.chart}
              onChart={(row) => update({ chart: state.chart === row.id ? null : row.id })}
              accountNames={accountNames}
              entityColumns={entityColumns}
              selectable={mayWrite}
              breakdown={page.breakdown}
              storeColumns={storeColumns}
            />
            <ConvertedTotal total={page.converted_total} currencies={page.summary.length} />
            {rows.length === 0 && <EmptyList noun={info.noun} filtered={hasFilters(state)} noAccounts={accounts.data?.data.length === 0} onClear={() => update(NO_FILTERS)} />}
            <Pager pages={pages} nextCursor={page.paging.next_cursor} limit={state.limit} onLimit={(limit) => update({ limit })} />
          </>
        )}
        {list.isPending && <div className="empty muted">{t("am.loading", { noun: info.noun })}</div>}
      </div>
    </div>
  );
}

/** The Ads Manager's tabs: the three levels, then the creatives (the filters and dates follow). */
export function AdsManagerTabs({ current, state }: { current: Level | "creatives"; state: ListState }) {
  // A breakdown's report serves every level: it stays on; the creatives have neither it nor compare.
  const keep = { ...state, chart: null };
  return (
    <nav className="tabs" role="tablist">
      {LEVELS.map((l) => (
        <Link
          key={l.level}
          to={hrefFor(l.level, keep)}
          role="tab"
          aria-selected={l.level === current}
          className={l.level === current ? "tab active" : "tab"}
        >
          {t(`level.${l.level}`)}
        </Link>
      ))}
      <Link
        to={creativesHref(keep)}
        role="tab"
        aria-selected={current === "creatives"}
        className={current === "creatives" ? "tab active" : "tab"}
        data-testid="creatives-tab"
      >
        {t("creatives.tab")}
      </Link>
    </nav>
  );
}

/** An empty table says why, and what to do next. */
function EmptyList({ noun, filtered, noAccounts, onClear }: { noun: string; filtered: boolean; noAccounts: boolean; onClear: () => void }) {
  if (noAccounts)
    return (
      <div className="empty" data-testid="empty-no-accounts">
        <p>{t("am.emptyNoAccounts", { noun })}</p>
        <ConnectButton />
      </div>
    );
  if (filtered)
    return (
      <div className="empty" data-testid="empty-filtered">
        {t("am.emptyFiltered", { noun })}{" "}
        <button type="button" className="link-button" onClick={onClear}>
          {t("filter.clear")}
        </button>
      </div>
    );
  return (
    <div className="empty" data-testid="empty-dates">
      {t("am.emptyDates", { noun })}
    </div>
  );
}
