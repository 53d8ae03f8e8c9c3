import { Fragment, useState, type ReactNode } from "react";
import type { AdRow, AdsetRow, CampaignRow, Metrics, Summary } from "@pixecom/types";
import { formatMetric, type Column } from "../columns";
import { isUniqueMetric } from "../metrics";
import type { Level } from "../listState";
import { Badge, statusLabel } from "./Badge";
import { t, type MessageKey } from "../i18n";
import { ResultLabel } from "./ResultLabel";
import { ChangeLine } from "./Compare";
import { bucketLabel } from "./Breakdown";
import type { BreakdownInfo } from "../apiTypes";
import { formatStore, storeNote, type StoreColumn, type StoreNumbers } from "../storeColumns";
import { metricNote } from "../nullReasons";

// Meta's effective_status, said in the row when it is why the row does not deliver.
const WHY = new Set(["DISAPPROVED", "WITH_ISSUES", "PENDING_REVIEW", "IN_PROCESS", "ADSET_PAUSED", "CAMPAIGN_PAUSED", "PENDING_BILLING_INFO"]);
const whyNotDelivering = (effective: string) => (WHY.has(effective) ? t(`why.${effective}` as MessageKey) : null);

export type Row = CampaignRow | AdsetRow | AdRow;

/** A column about the entity rather than a metric, after the statuses (the budget; later a
 * breakdown's value): its header and how a row shows it. A metric column is a `Column`. */
export interface EntityColumn {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  value?: (row: Row) => string;
}

interface Props {
  level: Level;
  columns: Column[];
  rows: Row[];
  summary: Summary[];
  sort: string;
  onSort: (sort: string) => void;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (row: Row) => void;
  chartId: string | null;
  onChart: (row: Row) => void;
  accountNames: Map<string, string>;
  entityColumns: EntityColumn[];
  /** Rows can be chosen for bulk actions (the member may pause and activate). */
  selectable: boolean;
  /** With `breakdown=`: its dimensions (each row then carries its breakdown rows). */
  breakdown: BreakdownInfo | null;
  /** The store's numbers after Meta's (none when the seller hid them). */
  storeColumns: StoreColumn[];
}

/** The sortable metrics table; a summary row per currency below (every matching row, not the page). */
export function EntityTable(props: Props) {
  const { level, rows, summary, selected, onSelect, columns, entityColumns, selectable, breakdown, storeColumns } = props;
  // The rows whose breakdown is open (by id; a new breakdown keeps them open).
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="table-wrap">
      <table className="grid" data-testid="entity-table">
        <thead>
          <tr>
            {selectable && (
              <th className="check">
                <input
                  type="checkbox"
                  aria-label={t("table.selectAll")}
                  checked={allOnPage}
                  onChange={(e) => onSelect(rows.map((r) => r.id), e.target.checked)}
                />
              </th>
            )}
            <SortHeader label={t("table.name")} sortKey="name" {...props} className="name" />
            <th>{t("table.delivery")}</th>
            <th>{t("table.status")}</th>
            {entityColumns.map((c) => (
              <th key={c.key} className={`entity-col ${c.key}`}>
                {c.header}
              </th>
            ))}
            {columns.map((c) =>
              isUniqueMetric(c.key) ? (
                <th key={c.key} className="num" title={c.title}>
                  {c.label}
                </th>
              ) : (
                <SortHeader key={c.key} label={c.label} title={c.title} sortKey={c.key} {...props} className="num" />
              ),
            )}
            {storeColumns.map((c) => (
              <SortHeader key={c.key} label={c.label} title={c.title} sortKey={c.key} {...props} className="num store-col" />
            ))}
            <th className="actions" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.id}>
            <tr data-id={row.id} className={selected.has(row.id) ? "selected" : ""}>
              {selectable && (
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={t("table.select", { name: row.name })}
                    checked={selected.has(row.id)}
                    onChange={(e) => onSelect([row.id], e.target.checked)}
                  />
                </td>
              )}
              <td className="name">
                {level === "ads" ? (
                  <span className="entity-name" title={row.name}>
                    {row.name}
                  </span>
                ) : (
                  <button type="button" className="link-button entity-name" title={row.name} onClick={() => props.onOpen(row)}>
                    {row.name}
                  </button>
                )}
                {breakdown && row.breakdowns && row.breakdowns.length > 0 && (
                  <button
                    type="button"
                    className="link-button breakdown-toggle"
                    aria-expanded={open.has(row.id)}
                    title={t("breakdown.toggleOf", { name: row.name })}
                    onClick={() => toggle(row.id)}
                  >
                    <span aria-hidden="true">{open.has(row.id) ? "▾" : "▸"}</span> {t("breakdown.rows", { n: row.breakdowns.length })}
                  </button>
                )}
                <div className="sub">
                  {props.accountNames.get(row.ad_account_id) ?? row.meta_id} ·{" "}
                  <span className="result-type" data-value={row.result_type ?? ""} title={t("table.resultTypeTitle")}>
                    <ResultLabel level={level} row={row} />
                  </span>
                </div>
              </td>
              <td className="delivery">
                <Badge value={row.delivery_status} title={row.effective_status} />
                {whyNotDelivering(row.effective_status) && (
                  <div className="sub why" data-testid="why-not-delivering">
                    {whyNotDelivering(row.effective_status)}
                  </div>
                )}
              </td>
              <td className="status" data-value={row.status}>
                {statusLabel(row.status)}
              </td>
              {entityColumns.map((c) => (
                <td key={c.key} className={`entity-col ${c.key}`} data-value={c.value?.(row)}>
                  {c.render(row)}
                </td>
              ))}
              {columns.map((c) => (
                <MetricCell key={c.key} column={c} of={row} />
              ))}
              {storeColumns.map((c) => (
                <StoreCell key={c.key} column={c} store={row.store} currency={row.currency} />
              ))}
              <td className="actions">
                <button
                  type="button"
                  className={`icon-button${props.chartId === row.id ? " on" : ""}`}
                  aria-label={t("table.chartOf", { name: row.name })}
                  title={t("table.chart")}
                  onClick={() => props.onChart(row)}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M1 14h14M2 11l4-4 3 3 5-6" fill="none" stroke="currentColor" strokeWidth="1.6" />
                  </svg>
                </button>
              </td>
            </tr>
            {breakdown && open.has(row.id) &&
              (row.breakdowns ?? []).map((b) => {
                const label = bucketLabel(b, breakdown.dimensions);
                return (
                  <tr key={JSON.stringify(b.values)} className="breakdown-row" data-parent={row.id} data-bucket={label}>
                    {selectable && <td />}
                    <td className="name" colSpan={3 + entityColumns.length}>
                      <span className="bucket">{label}</span>
                    </td>
                    {columns.map((c) => (
                      <td key={c.key} className="num" data-metric={c.key} data-value={String(b.metrics[c.key] ?? null)}>
                        {formatMetric(c, b.metrics, row.currency)}
                      </td>
                    ))}
                    {storeColumns.map((c) => (
                      <td key={c.key} className="num store-col" />
                    ))}
                    <td />
                  </tr>
                );
              })}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          {summary.map((s) => (
            <tr key={s.currency} className="summary" data-currency={s.currency}>
              {selectable && <td />}
              <td colSpan={3 + entityColumns.length}>
                {t("table.total", { currency: s.currency })}
              </td>
              {columns.map((c) => (
                <MetricCell key={c.key} column={c} of={s} />
              ))}
              {storeColumns.map((c) => (
                <StoreCell key={c.key} column={c} store={s.store} currency={s.currency} />
              ))}
              <td />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

/** A row's or summary entry's metric, with its comparison; a dash of reach or frequency says why
 * (`reach_unavailable`, in the chosen language) as the cell's note. */
function MetricCell({ column, of }: { column: Column; of: Row | Summary }) {
  const metrics: Partial<Metrics> = of.metrics;
  const note = metricNote(column.key, metrics, of.reach_unavailable);
  return (
    <td className="num" data-metric={column.key} data-value={String(metrics[column.key])} title={note}>
      {formatMetric(column, metrics, of.currency)}
      <CellNote note={note} />
      <ChangeLine column={column} previous={of.previous_metrics} changes={of.change} currency={of.currency} />
    </td>
  );
}

/** A store number; its note (why it is empty, what was converted) as the cell's tooltip and,
 * for screen readers, as text beside the number. */
function StoreCell({ column, store, currency }: { column: StoreColumn; store: StoreNumbers | null; currency: string }) {
  const note = storeNote(column, store);
  const value = store?.[column.key] ?? null;
  return (
    <td className="num store-col" data-store={column.key} data-value={String(value)} title={note}>
      {formatStore(column, store, currency)}
      <CellNote note={note} />
    </td>
  );
}

/** A cell's note (its `title` on hover) as text beside the number, for screen readers. */
function CellNote({ note }: { note: string | undefined }) {
  return note ? <span className="sr-only"> ({note})</span> : null;
}

export function SortHeader({
  label,
  title,
  sortKey,
  sort,
  onSort,
  className,
}: { label: string; title?: string; sortKey: string; className?: string } & Pick<Props, "sort" | "onSort">) {
  const current = sort.replace(/^-/, "") === sortKey;
  const descending = sort.startsWith("-");
  const next = current ? (descending ? sortKey : `-${sortKey}`) : sortKey === "name" ? "name" : `-${sortKey}`;
  return (
    <th className={`${className ?? ""} sortable`} title={title} aria-sort={current ? (descending ? "descending" : "ascending") : "none"}>
      <button type="button" onClick={() => onSort(next)}>
        {label}
        <span className="arrow" aria-hidden="true">{current ? (descending ? "▼" : "▲") : ""}</span>
      </button>
    </th>
  );
}
