// "Download CSV": exactly the table on the screen (its rows, its columns, the totals), as raw
// values a spreadsheet reads (money as the API's decimal strings, with the currency beside them).
import type { Summary } from "@pixecom/types";
import type { Column } from "./columns";
import type { EntityColumn, Row } from "./components/EntityTable";
import { t } from "./i18n";
import { resultWords } from "./results";

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function screenCsv(rows: Row[], summary: Summary[], columns: Column[], accountNames: Map<string, string>, entityColumns: EntityColumn[] = []): string {
  const head = [
    t("table.name"), t("filter.account"), t("table.delivery"), t("table.status"), t("table.resultType"), t("table.currency"),
    ...entityColumns.map((c) => c.header), ...columns.map((c) => c.label),
  ];
  const lines = rows.map((r) => [
    r.name,
    accountNames.get(r.ad_account_id) ?? r.meta_id,
    r.delivery_status,
    r.status,
    resultWords(r.result_type),
    r.currency,
    ...entityColumns.map((c) => c.value?.(r) ?? ""),
    ...columns.map((c) => r.metrics[c.key]),
  ]);
  const totals = summary.map((s) => [t("table.total", { currency: s.currency }), "", "", "", resultWords(s.result_type), s.currency, ...entityColumns.map(() => ""), ...columns.map((c) => s.metrics[c.key])]);
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
