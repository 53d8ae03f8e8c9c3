// Every metric of the API's Metrics model with its kind. A Record over keyof Metrics: when the
// API adds a metric, tsc fails here until it is described (no list silently misses it); its
// words are `metric.<name>` and `metricTitle.<name>` in both languages.
import type { Metrics } from "@pixecom/types";
import { t, type MessageKey } from "./i18n";

export type MetricKind = "money" | "count" | "ratio" | "percent";
export const METRIC_KINDS: Record<keyof Metrics, MetricKind> = {
  spend: "money",
  impressions: "count",
  clicks: "count",
  link_clicks: "count",
  content_views: "count",
  add_to_cart: "count",
  initiate_checkout: "count",
  purchases: "count",
  purchase_value: "money",
  landing_page_views: "count",
  results: "count",
  cpm: "money",
  ctr: "percent",
  ctr_all: "percent",
  cpc: "money",
  cpv: "money",
  cost_per_add_to_cart: "money",
  cost_per_checkout: "money",
  cost_per_purchase: "money",
  cr: "percent",
  cr1: "percent",
  cr2: "percent",
  cr3: "percent",
  cost_per_result: "money",
  roas: "ratio",
  aov: "money",
  cost_per_landing_page_view: "money",
  video_views: "count",
  video_plays: "count",
  thruplays: "count",
  video_p25: "count",
  video_p50: "count",
  video_p75: "count",
  video_p95: "count",
  video_p100: "count",
  video_30s_plays: "count",
  video_watch_time: "count",
  hook_rate: "percent",
  hold_rate: "percent",
  cost_per_thruplay: "money",
  completion_rate: "percent",
  avg_watch_time: "ratio",
  reach: "count",
  frequency: "ratio",
};
export const METRIC_NAMES = Object.keys(METRIC_KINDS) as (keyof Metrics)[];
// Meta's own values for each object and range, never computed from sums: not a sort key of the
// lists nor a metric rules and alerts evaluate.
export const UNIQUE_METRICS: readonly (keyof Metrics)[] = ["reach", "frequency"];
export const isUniqueMetric = (name: string): boolean => (UNIQUE_METRICS as readonly string[]).includes(name);
export const SUMMED_METRIC_NAMES = METRIC_NAMES.filter((name) => !isUniqueMetric(name));
export const metricLabel = (name: string) => t(`metric.${name}` as MessageKey) ?? name;
export const metricTitle = (name: string) => t(`metricTitle.${name}` as MessageKey) ?? name;

// Which way is good when a metric changes (the comparison's colour): more results and better
// rates are good, a cost per anything going down is good, spend and reach are neither.
export type GoodWay = "up" | "down" | "neutral";
export const GOOD_WAY: Record<keyof Metrics, GoodWay> = {
  spend: "neutral",
  impressions: "up",
  clicks: "up",
  link_clicks: "up",
  content_views: "up",
  add_to_cart: "up",
  initiate_checkout: "up",
  purchases: "up",
  purchase_value: "up",
  landing_page_views: "up",
  results: "up",
  cpm: "down",
  ctr: "up",
  ctr_all: "up",
  cpc: "down",
  cpv: "down",
  cost_per_add_to_cart: "down",
  cost_per_checkout: "down",
  cost_per_purchase: "down",
  cr: "up",
  cr1: "up",
  cr2: "up",
  cr3: "up",
  cost_per_result: "down",
  roas: "up",
  aov: "up",
  cost_per_landing_page_view: "down",
  video_views: "up",
  video_plays: "up",
  thruplays: "up",
  video_p25: "up",
  video_p50: "up",
  video_p75: "up",
  video_p95: "up",
  video_p100: "up",
  video_30s_plays: "up",
  video_watch_time: "up",
  hook_rate: "up",
  hold_rate: "up",
  cost_per_thruplay: "down",
  completion_rate: "up",
  avg_watch_time: "up",
  reach: "neutral",
  frequency: "neutral",
};
