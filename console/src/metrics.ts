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
