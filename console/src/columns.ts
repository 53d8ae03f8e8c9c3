import type { Metrics } from "@pixecom/types";
import { count, money, percent, ratio } from "./format";

type Kind = "money" | "count" | "ratio" | "percent";
export interface Column {
  key: keyof Metrics;
  label: string;
  title: string;
  kind: Kind;
}

/** The table's metric columns, in the order a seller reads them. */
export const COLUMNS: Column[] = [
  { key: "spend", label: "Spend", title: "Amount spent", kind: "money" },
  { key: "purchases", label: "Purchases", title: "Purchases (pixel)", kind: "count" },
  { key: "purchase_value", label: "Purchase value", title: "Purchase conversion value", kind: "money" },
  { key: "roas", label: "ROAS", title: "Purchase value / spend", kind: "ratio" },
  { key: "cost_per_purchase", label: "CPA", title: "Cost per purchase", kind: "money" },
  { key: "results", label: "Results", title: "Results of the optimisation goal", kind: "count" },
  { key: "cost_per_result", label: "Cost / result", title: "Spend / results", kind: "money" },
  { key: "cpm", label: "CPM", title: "Cost per 1,000 impressions", kind: "money" },
  { key: "ctr", label: "CTR", title: "Link clicks / impressions", kind: "percent" },
  { key: "cpc", label: "CPC", title: "Cost per link click", kind: "money" },
  { key: "cr", label: "CR", title: "Purchases / content views", kind: "percent" },
  { key: "cr1", label: "CR1", title: "Adds to cart / content views", kind: "percent" },
  { key: "cr2", label: "CR2", title: "Checkouts / adds to cart", kind: "percent" },
];

export function formatMetric(column: Column, metrics: Metrics, currency: string): string {
  const value = metrics[column.key];
  switch (column.kind) {
    case "money":
      return money(value as string | null, currency);
    case "count":
      return count(value as number | null);
    case "percent":
      return percent(value as number | null);
    case "ratio":
      return ratio(value as number | null);
  }
}
