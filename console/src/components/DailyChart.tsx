import { useQuery } from "@tanstack/react-query";
import type { DailyPoint } from "@pixecom/types";
import { unwrap } from "@pixecom/client";
import { client, errorText } from "../api";
import { dateOnly, money, ratio } from "../format";
import { t } from "../i18n";
import type { Level, ListState } from "../listState";
import { dateQuery } from "../listState";

const W = 760;
const H = 220;
const PAD = { left: 64, right: 48, top: 12, bottom: 28 };

async function fetchDaily(level: Level, id: string, state: ListState) {
  const params = { path: { entity_id: id }, query: dateQuery(state) };
  switch (level) {
    case "campaigns":
      return unwrap(await client.api.GET("/api/ads-manager/campaigns/{entity_id}/daily", { params }));
    case "adsets":
      return unwrap(await client.api.GET("/api/ads-manager/adsets/{entity_id}/daily", { params }));
    case "ads":
      return unwrap(await client.api.GET("/api/ads-manager/ads/{entity_id}/daily", { params }));
  }
}

/** Spend and purchase value per day (left axis, money) with ROAS on a second axis (right). */
export function DailyChart({ level, id, name, state, onClose }: {
  level: Level;
  id: string;
  name: string;
  state: ListState;
  onClose: () => void;
}) {
  const daily = useQuery({
    queryKey: ["daily", level, id, dateQuery(state)],
    queryFn: () => fetchDaily(level, id, state),
  });
  return (
    <section className="card chart-card" data-testid="daily-chart">
      <div className="card-head">
        <h2>
          {t("chart.daily")} · <span className="muted">{name}</span>
        </h2>
        {daily.data && (
          <span className="muted small">
            {dateOnly(daily.data.date_range.since)} – {dateOnly(daily.data.date_range.until)} · {daily.data.currency}
          </span>
        )}
        <span className="spacer" />
        <Legend />
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("chart.close")}>
          ×
        </button>
      </div>
      {daily.isPending && <div className="chart-placeholder muted">{t("common.loading")}</div>}
      {daily.isError && <div className="error">{errorText(daily.error)}</div>}
      {daily.data && <Chart points={daily.data.data} currency={daily.data.currency} />}
    </section>
  );
}

function Legend() {
  return (
    <span className="legend small">
      <span className="swatch spend" /> {t("chart.spend")} <span className="swatch value" /> {t("chart.value")}{" "}
      <span className="swatch roas" /> {t("chart.roas")}
    </span>
  );
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function Chart({ points, currency }: { points: DailyPoint[]; currency: string }) {
  if (points.length === 0) return <div className="chart-placeholder muted">{t("chart.noDays")}</div>;
  const spend = points.map((p) => Number(p.metrics.spend));
  const value = points.map((p) => Number(p.metrics.purchase_value));
  const roas = points.map((p) => p.metrics.roas);
  const moneyMax = niceMax(Math.max(...spend, ...value));
  const roasMax = niceMax(Math.max(0, ...roas.map((r) => r ?? 0)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const yMoney = (v: number) => PAD.top + innerH - (v / moneyMax) * innerH;
  const yRoas = (v: number) => PAD.top + innerH - (v / roasMax) * innerH;
  const line = (ys: (number | null)[], y: (v: number) => number) =>
    ys
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .reduce<string[]>((segments, pt, i) => {
        // A day without ROAS (no spend) breaks the line instead of drawing it at zero.
        if (pt === null) return segments;
        const joined = i > 0 && ys[i - 1] !== null;
        segments.push(`${joined ? "L" : "M"}${pt}`);
        return segments;
      }, [])
      .join(" ");
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label={t("chart.aria")}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={W - PAD.right} y1={yMoney(tick * moneyMax)} y2={yMoney(tick * moneyMax)} className="grid-line" />
          <text x={PAD.left - 6} y={yMoney(tick * moneyMax) + 4} textAnchor="end" className="axis">
            {money(String(tick * moneyMax), currency).replace(/\.00$/, "")}
          </text>
          <text x={W - PAD.right + 6} y={yRoas(tick * roasMax) + 4} className="axis">
            {ratio(tick * roasMax)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 || (i === points.length - 1 && i % labelEvery > labelEvery / 2) ? (
          <text key={p.date} x={x(i)} y={H - 8} textAnchor="middle" className="axis">
            {p.date.slice(5)}
          </text>
        ) : null,
      )}
      <path d={line(spend, yMoney)} className="series spend" />
      <path d={line(value, yMoney)} className="series value" />
      <path d={line(roas, yRoas)} className="series roas" />
      {points.map((p, i) => (
        <g key={p.date} className="point">
          <rect x={x(i) - innerW / points.length / 2} y={PAD.top} width={innerW / points.length} height={innerH} className="hover" />
          <title>
            {`${dateOnly(p.date)}\n${t("chart.spend")} ${money(p.metrics.spend, currency)}\n${t("chart.value")} ${money(p.metrics.purchase_value, currency)}\nROAS ${ratio(p.metrics.roas)}`}
          </title>
        </g>
      ))}
    </svg>
  );
}
