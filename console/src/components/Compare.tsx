// The period comparison: the toolbar's "Compare:" menu and, under each metric, its value over the
// comparison range and the change, coloured by whether that way is good for this metric.
import type { Metrics } from "@pixecom/types";
import type { MetricChanges } from "../apiTypes";
import { formatMetric, type Column } from "../columns";
import { change as changeText } from "../format";
import { t } from "../i18n";
import { COMPARES, type Compare } from "../listState";
import { GOOD_WAY } from "../metrics";

export function CompareMenu({ value, onChange }: { value: Compare | null; onChange: (value: Compare | null) => void }) {
  return (
    <label className="toolbar-select small" data-testid="compare-menu">
      <span>{t("compare.title")}</span>{" "}
      <select value={value ?? ""} onChange={(e) => onChange(COMPARES.find((c) => c === e.target.value) ?? null)}>
        <option value="">{t("compare.off")}</option>
        {COMPARES.map((c) => (
          <option key={c} value={c}>
            {t(`compare.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Where the API compared this metric (reach and frequency never are): the previous value and the change. */
export function ChangeLine({
  column,
  previous,
  changes,
  currency,
}: {
  column: Column;
  previous: Partial<Metrics> | null | undefined;
  changes: MetricChanges | null | undefined;
  currency: string;
}) {
  if (!previous || !(column.key in previous)) return null;
  const delta = changes?.[column.key as keyof MetricChanges] ?? null;
  const way = GOOD_WAY[column.key];
  const tone = delta === null || delta === 0 || way === "neutral" ? "neutral" : (delta > 0) === (way === "up") ? "good" : "bad";
  const arrow = delta === null || delta === 0 ? "" : delta > 0 ? "▲" : "▼";
  const before = formatMetric(column, previous, currency);
  const words = t("compare.cellTitle", { previous: before, change: changeText(delta) });
  return (
    <div className={`change ${tone}`} data-testid="change" data-change={delta === null ? "" : String(delta)} data-tone={tone} title={words}>
      <span className="previous">{before}</span>{" "}
      <span className="delta">
        <span aria-hidden="true">{arrow}</span>
        {changeText(delta)}
      </span>
    </div>
  );
}
