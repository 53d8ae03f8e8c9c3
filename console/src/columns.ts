import type { Metrics } from "@pixecom/types";
import { count, money, percent, ratio } from "./format";
import { METRIC_KINDS, METRIC_NAMES, metricLabel, metricTitle, type MetricKind } from "./metrics";

export interface Column {
  key: keyof Metrics;
  label: string;
  title: string;
  kind: MetricKind;
}

/** The columns for these metric names (unknown names, e.g. from an older saved choice, are skipped). */
export function columnsFor(names: readonly string[]): Column[] {
  return names
    .filter((name): name is keyof Metrics => (METRIC_NAMES as string[]).includes(name))
    .map((key) => ({ key, label: metricLabel(key), title: metricTitle(key), kind: METRIC_KINDS[key] }));
}

/** Until the API's presets load: the performance preset's columns. */
export const FALLBACK_COLUMN_NAMES = [
  "spend", "purchases", "purchase_value", "roas", "cost_per_purchase", "results", "cost_per_result",
  "cpm", "ctr", "cpc", "cr", "cr1", "cr2",
];

/** A list row's metrics hold every metric, or those `columns=` chose (absent ones read as empty). */
export function formatMetric(column: Column, metrics: Partial<Metrics>, currency: string): string {
  return formatValue(column.kind, metrics[column.key] ?? null, currency);
}

/** A number of this kind as the table shows it (money in `currency`; a dash for null). */
export function formatValue(kind: MetricKind, value: string | number | null, currency: string): string {
  switch (kind) {
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
