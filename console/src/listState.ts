// The Ads Manager's state lives in the URL (so reload, back, and "log in again and come back"
// all keep it): the level is the path, filters/sort/page size/chart are the query string.
import type { SortKey } from "@pixecom/types";
import type { Breakdown } from "./apiTypes";

import { t } from "./i18n";

export type Level = "campaigns" | "adsets" | "ads";
export const LEVELS: { level: Level; singular: "campaign" | "adset" | "ad" }[] = [
  { level: "campaigns", singular: "campaign" },
  { level: "adsets", singular: "adset" },
  { level: "ads", singular: "ad" },
];
export const levelInfo = (level: Level) => {
  const info = LEVELS.find((l) => l.level === level)!;
  return { ...info, label: t(`level.${level}`), noun: t(`noun.${level}`), one: t(`one.${info.singular}`) };
};

export const DATE_PRESETS = ["today", "yesterday", "last_7d", "last_14d", "last_30d", "this_month", "last_month"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const STATUSES = ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"] as const;
export const DELIVERY_STATUSES = ["ACTIVE", "LEARNING", "LIMITED", "ERROR", "NOT_DELIVERING", "INACTIVE"] as const;
export type EntityStatus = (typeof STATUSES)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const COMPARES = ["previous_period", "previous_year"] as const;
export type Compare = (typeof COMPARES)[number];
// Meta's breakdown dimensions in the order a seller looks for them (the API's Breakdown values).
export const BREAKDOWNS: readonly Breakdown[] = [
  "age", "gender", "age,gender", "country", "region", "publisher_platform", "platform_position", "device_platform", "impression_device",
];

export interface ListState {
  date_preset: DatePreset | null; // null: custom since/until
  since: string;
  until: string;
  sellpage_id: string[];
  status: EntityStatus[];
  delivery_status: DeliveryStatus[];
  ad_account_id: string[];
  campaign_id: string[];
  adset_id: string[];
  q: string;
  sort: string;
  limit: number;
  chart: string | null; // id of the entity whose daily chart is open
  compare: Compare | null;
  breakdown: Breakdown | null;
  // The ads using one creative version (a drill from the Creatives tab): ads level only.
  media_version: string[];
  ad_text_version: string[];
  thumbnail_version: string[];
  post_version: string[];
}

export const VERSION_KEYS = ["media_version", "ad_text_version", "thumbnail_version", "post_version"] as const;
export type VersionKey = (typeof VERSION_KEYS)[number];

export const DEFAULT_SORT = "-spend";
export const DEFAULT_LIMIT = 50;

const many = (search: URLSearchParams, key: string) =>
  search.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

export function readState(search: URLSearchParams): ListState {
  const since = search.get("since") ?? "";
  const until = search.get("until") ?? "";
  const custom = Boolean(since && until);
  const preset = search.get("date_preset") as DatePreset | null;
  return {
    date_preset: custom ? null : DATE_PRESETS.some((p) => p === preset) ? preset : "last_7d",
    since: custom ? since : "",
    until: custom ? until : "",
    sellpage_id: many(search, "sellpage_id"),
    status: many(search, "status") as EntityStatus[],
    delivery_status: many(search, "delivery_status") as DeliveryStatus[],
    ad_account_id: many(search, "ad_account_id"),
    campaign_id: many(search, "campaign_id"),
    adset_id: many(search, "adset_id"),
    q: search.get("q") ?? "",
    sort: search.get("sort") || DEFAULT_SORT,
    limit: Number(search.get("limit")) || DEFAULT_LIMIT,
    chart: search.get("chart"),
    compare: COMPARES.find((c) => c === search.get("compare")) ?? null,
    breakdown: BREAKDOWNS.find((b) => b === search.get("breakdown")) ?? null,
    media_version: many(search, "media_version"),
    ad_text_version: many(search, "ad_text_version"),
    thumbnail_version: many(search, "thumbnail_version"),
    post_version: many(search, "post_version"),
  };
}

export function hrefFor(level: Level, state: ListState): string {
  const qs = new URLSearchParams();
  if (state.date_preset) {
    if (state.date_preset !== "last_7d") qs.set("date_preset", state.date_preset);
  } else {
    qs.set("since", state.since);
    qs.set("until", state.until);
  }
  for (const key of ["sellpage_id", "status", "delivery_status", "ad_account_id", "campaign_id", "adset_id", ...VERSION_KEYS] as const) {
    const values = (level === "campaigns" && key === "adset_id") || (level !== "ads" && key.endsWith("_version")) ? [] : state[key];
    for (const value of values) qs.append(key, value);
  }
  if (state.q) qs.set("q", state.q);
  if (state.sort !== DEFAULT_SORT) qs.set("sort", state.sort);
  if (state.limit !== DEFAULT_LIMIT) qs.set("limit", String(state.limit));
  if (state.chart) qs.set("chart", state.chart);
  if (state.compare) qs.set("compare", state.compare);
  if (state.breakdown) qs.set("breakdown", state.breakdown);
  const query = qs.toString();
  return `/ads-manager/${level}${query ? `?${query}` : ""}`;
}

/** The Creatives view: the list's dates, filters and sort, and how its rows are grouped. */
export function creativesHref(state: ListState, groupBy: string | null = null): string {
  const levelHref = hrefFor("adsets", { ...state, chart: null, compare: null, breakdown: null });
  const qs = new URLSearchParams(levelHref.split("?")[1] ?? "");
  if (groupBy && groupBy !== "media") qs.set("group_by", groupBy);
  const query = qs.toString();
  return `/ads-manager/creatives${query ? `?${query}` : ""}`;
}

export const NO_FILTERS: Partial<ListState> = {
  sellpage_id: [], status: [], delivery_status: [], ad_account_id: [], campaign_id: [], adset_id: [], q: "",
  media_version: [], ad_text_version: [], thumbnail_version: [], post_version: [],
};
export const hasFilters = (state: ListState) =>
  Boolean(state.sellpage_id.length + state.status.length + state.delivery_status.length + state.ad_account_id.length +
    state.campaign_id.length + state.adset_id.length + versionFilter(state).length) || Boolean(state.q);

/** The creative version the ads list is narrowed to, if any (the drill from a creative group). */
export const versionFilter = (state: ListState): { key: VersionKey; value: string }[] =>
  VERSION_KEYS.flatMap((key) => state[key].map((value) => ({ key, value })));

/** The date part of any Ads Manager query (lists and daily series). */
export function dateQuery(state: ListState): { date_preset?: DatePreset; since?: string; until?: string } {
  return state.date_preset ? { date_preset: state.date_preset } : { since: state.since, until: state.until };
}

/** The list endpoint's query for this state (no cursor): exactly what the table asks the API. */
export function listQuery(level: Level, state: ListState) {
  const nonEmpty = <T,>(values: T[]) => (values.length ? values : undefined);
  return {
    ...dateQuery(state),
    sellpage_id: nonEmpty(state.sellpage_id),
    status: nonEmpty(state.status),
    delivery_status: nonEmpty(state.delivery_status),
    ad_account_id: nonEmpty(state.ad_account_id),
    campaign_id: nonEmpty(state.campaign_id),
    adset_id: level === "campaigns" ? undefined : nonEmpty(state.adset_id),
    q: state.q || undefined,
    // The URL's sort as the API's SortKey: an unknown key in a hand-edited URL gets the API's 422.
    sort: state.sort as SortKey,
    limit: state.limit,
    compare: state.compare ?? undefined,
    breakdown: state.breakdown ?? undefined,
    ...(level === "ads"
      ? {
          media_version: nonEmpty(state.media_version),
          ad_text_version: nonEmpty(state.ad_text_version),
          thumbnail_version: nonEmpty(state.thumbnail_version),
          post_version: nonEmpty(state.post_version),
        }
      : {}),
  };
}
export type ListQuery = ReturnType<typeof listQuery>;
