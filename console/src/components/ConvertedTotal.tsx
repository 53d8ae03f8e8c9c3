import { type ConvertedTotal as Total } from "../currency";
import { dateOnly, money, ratio } from "../format";
import { t } from "../i18n";
import { Link } from "../router";

/** Under the per-currency totals: every currency's money converted into the seller's reporting
 * currency at dated reference rates (not Meta's numbers), and any currency left out. Without a
 * reporting currency and with more than one currency: where to choose one. */
export function ConvertedTotal({ total, currencies }: { total: Total | null; currencies: number }) {
  if (!total)
    return currencies > 1 ? (
      <p className="small muted converted-total" data-testid="converted-total-none">
        {t("converted.none")} <Link to="/ad-accounts">{t("converted.choose")}</Link>
      </p>
    ) : null;
  const first = total.rates.map((r) => r.first_rate_date).sort()[0];
  const last = total.rates.map((r) => r.last_rate_date).sort().at(-1);
  const sources = [...new Set(total.rates.flatMap((r) => r.source.split("+")))].map((s) => (s === "ecb" ? t("money.ecb") : s)).join(", ");
  return (
    <div className="converted-total small" data-testid="converted-total" data-currency={total.currency} data-spend={total.spend} data-purchase-value={total.purchase_value}>
      <strong>{t("converted.title", { currency: total.currency })}</strong>{" "}
      {t("converted.figures", {
        spend: money(total.spend, total.currency),
        value: money(total.purchase_value, total.currency),
        roas: ratio(total.roas),
      })}
      <div className="muted">
        {total.rates.length === 0
          ? t("converted.noConversion", { currency: total.currency })
          : t("converted.rates", {
              source: sources,
              currencies: total.rates.map((r) => r.currency).join(", "),
              range: first === last ? dateOnly(first) : `${dateOnly(first)} – ${dateOnly(last)}`,
            })}
      </div>
      {total.left_out.length > 0 && (
        <div className="warn" data-testid="converted-left-out">
          {t("converted.leftOut", { currencies: total.left_out.map((l) => l.currency).join(", ") })}
        </div>
      )}
    </div>
  );
}
