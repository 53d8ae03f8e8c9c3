// "Download CSV": exactly the table on the screen (its rows, its columns, the totals), as raw
// values a spreadsheet reads (money as the API's decimal strings, with the currency beside them).
import type { Metrics, Summary } from "@pixecom/types";
import type { BreakdownInfo, MetricChanges } from "./apiTypes";
import type { Column } from "./columns";
import { bucketLabel } from "./components/Breakdown";
import type { EntityColumn, Row } from "./components/EntityTable";
import { t } from "./i18n";
import { resultWords } from "./results";
import type { StoreColumn, StoreNumbers } from "./storeColumns";

interface Compared {
  metrics: Partial<Metrics>;
  previous_metrics?: Partial<Metrics> | null;
  change?: MetricChanges | null;
}

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** With a comparison, each compared metric is followed by its previous value and its change
 * (reach and frequency are not compared); with a breakdown, each row by its buckets' lines. */
export function screenCsv(
  rows: Row[],
  summary: Summary[],
  columns: Column[],
  accountNames: Map<string, string>,
  entityColumns: EntityColumn[] = [],
  breakdown: BreakdownInfo | null = null,
  storeColumns: StoreColumn[] = [],
): string {
  const storeCells = (store: StoreNumbers | null | undefined) => storeColumns.map((c) => store?.[c.key]);
  const sample: Compared | undefined = summary[0] ?? rows[0];
  const compared = (c: Column) => Boolean(sample?.previous_metrics && c.key in sample.previous_metrics);
  const metricHead = columns.flatMap((c) =>
    compared(c) ? [c.label, t("compare.csvPrevious", { metric: c.label }), t("compare.csvChange", { metric: c.label })] : [c.label],
  );
  const metricCells = (r: Compared) =>
    columns.flatMap((c) =>
      compared(c) ? [r.metrics[c.key], r.previous_metrics?.[c.key], r.change?.[c.key as keyof MetricChanges]] : [r.metrics[c.key]],
    );
  const head = [
    t("table.name"), t("filter.account"), t("table.delivery"), t("table.status"), t("table.resultType"), t("table.currency"),
    ...(breakdown ? [t("breakdown.csvBucket")] : []),
    ...entityColumns.map((c) => c.header), ...metricHead, ...storeColumns.map((c) => c.label),
  ];
  const lines = rows.flatMap((r) => {
    const account = accountNames.get(r.ad_account_id) ?? r.meta_id;
    const line = [
      r.name, account, r.delivery_status, r.status, resultWords(r.result_type), r.currency,
      ...(breakdown ? [""] : []),
      ...entityColumns.map((c) => c.value?.(r) ?? ""),
      ...metricCells(r),
      ...storeCells(r.store),
    ];
    const buckets = breakdown
      ? (r.breakdowns ?? []).map((b) => [
          r.name, account, "", "", resultWords(r.result_type), r.currency, bucketLabel(b, breakdown.dimensions),
          ...entityColumns.map(() => ""),
          ...metricCells({ metrics: b.metrics }),
          ...storeColumns.map(() => ""),
        ])
      : [];
    return [line, ...buckets];
  });
  const totals = summary.map((s) => [
    t("table.total", { currency: s.currency }), "", "", "", resultWords(s.result_type), s.currency,
    ...(breakdown ? [""] : []),
    ...entityColumns.map(() => ""), ...metricCells(s), ...storeCells(s.store),
  ]);
  return [head, ...lines, ...totals].map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
