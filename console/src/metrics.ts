// Every metric of the API's Metrics model with its kind and words. A Record over keyof Metrics:
// when the API adds a metric, tsc fails here until it is described (no list silently misses it).
import type { Metrics } from "@pixecom/types";

export type MetricKind = "money" | "count" | "ratio" | "percent";
export const METRICS: Record<keyof Metrics, { label: string; title: string; kind: MetricKind }> = {
  spend: { label: "Spend", title: "Amount spent", kind: "money" },
  impressions: { label: "Impressions", title: "Impressions", kind: "count" },
  clicks: { label: "Clicks (all)", title: "Clicks of any kind", kind: "count" },
  link_clicks: { label: "Link clicks", title: "Clicks to the sellpage", kind: "count" },
  content_views: { label: "Content views", title: "Content views (pixel)", kind: "count" },
  add_to_cart: { label: "Adds to cart", title: "Adds to cart (pixel)", kind: "count" },
  initiate_checkout: { label: "Checkouts", title: "Checkouts initiated (pixel)", kind: "count" },
  purchases: { label: "Purchases", title: "Purchases (pixel)", kind: "count" },
  purchase_value: { label: "Purchase value", title: "Purchase conversion value", kind: "money" },
  results: { label: "Results", title: "Results of the optimisation goal", kind: "count" },
  cpm: { label: "CPM", title: "Cost per 1,000 impressions", kind: "money" },
  ctr: { label: "CTR", title: "Link clicks / impressions", kind: "percent" },
  ctr_all: { label: "CTR (all)", title: "All clicks / impressions", kind: "percent" },
  cpc: { label: "CPC", title: "Cost per link click", kind: "money" },
  cpv: { label: "Cost / view", title: "Cost per content view", kind: "money" },
  cost_per_add_to_cart: { label: "Cost / ATC", title: "Cost per add to cart", kind: "money" },
  cost_per_checkout: { label: "Cost / checkout", title: "Cost per checkout initiated", kind: "money" },
  cost_per_purchase: { label: "CPA", title: "Cost per purchase", kind: "money" },
  cr: { label: "CR", title: "Purchases / content views", kind: "percent" },
  cr1: { label: "CR1", title: "Adds to cart / content views", kind: "percent" },
  cr2: { label: "CR2", title: "Checkouts / adds to cart", kind: "percent" },
  cr3: { label: "CR3", title: "Purchases / checkouts", kind: "percent" },
  cost_per_result: { label: "Cost / result", title: "Spend / results", kind: "money" },
  roas: { label: "ROAS", title: "Purchase value / spend", kind: "ratio" },
  aov: { label: "AOV", title: "Purchase value / purchases", kind: "money" },
};
export const METRIC_NAMES = Object.keys(METRICS) as (keyof Metrics)[];
