import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { AdsetRow, CampaignRow } from "@pixecom/types";
import { money } from "../format";
import { t } from "../i18n";

export type BudgetRow = CampaignRow | AdsetRow;
export type Budget = NonNullable<BudgetRow["budget"]>;

const AMOUNT = /^\d+([.,]\d+)?$/;


/** The budget that funds a campaign or ad set row, and (where this row holds it and the member
 * may change it) an inline editor: the new amount is sent as a budget job by `onSave`. */
export function BudgetCell({
  row,
  level,
  editable,
  onSave,
}: {
  row: BudgetRow;
  level: "campaign" | "adset";
  editable: boolean;
  onSave: (row: BudgetRow, budget: Budget, amount: string) => void;
}) {
  const budget = row.budget;
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  if (!budget)
    return <span className="muted small">{level === "campaign" ? t("budget.onAdsets") : "—"}</span>;
  const shared = budget.level !== level; // an ad set under an Advantage campaign budget
  const cancel = () => {
    setDraft(null);
    setInvalid(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = (draft ?? "").trim().replace(",", ".");
    if (!AMOUNT.test(amount) || Number(amount) <= 0) {
      setInvalid(true);
      return;
    }
    cancel();
    onSave(row, budget, amount);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") cancel();
  };
  if (draft !== null)
    return (
      <form className="budget-edit" onSubmit={submit} onKeyDown={onKey}>
        <input
          aria-label={t("budget.amountOf", { type: t(budget.type === "daily" ? "budget.typeDaily" : "budget.typeLifetime"), name: row.name, currency: row.currency })}
          inputMode="decimal"
          autoFocus
          value={draft}
          aria-invalid={invalid}
          onChange={(e) => setDraft(e.target.value)}
        />
        <span className="small muted">{row.currency}</span>
        <button type="submit" className="primary">
          {t("budget.save")}
        </button>
        <button type="button" className="link-button" onClick={cancel}>
          {t("common.cancel")}
        </button>
        {invalid && (
          <div className="error small" role="alert">
            {t("budget.invalid", { example: money("50", row.currency) })}
          </div>
        )}
      </form>
    );
  return (
    <span className="budget-view">
      <span className="budget-amount">{money(budget.amount, row.currency)}</span>
      {/* Narrow on purpose (the editor's button on the second line): the table fits a 1366-pixel
          screen with every preset's columns. */}
      <div className="sub">
        {t(budget.type === "daily" ? "budget.daily" : "budget.lifetime")}
        {budget.type === "lifetime" && budget.remaining !== null && <> · {t("budget.remaining", { amount: money(budget.remaining, row.currency) })}</>}
        {editable && !shared && (
          <button type="button" className="icon-button" aria-label={t("budget.edit", { name: row.name })} title={t("budget.edit", { name: row.name })} onClick={() => setDraft(budget.amount)}>
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M2 14l1-4 8-8 3 3-8 8zM10 3l3 3" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        )}
      </div>
      {shared && (
        <div className="sub" title={t("budget.changeOnCampaign")}>
          {t("budget.campaign")}
        </div>
      )}
    </span>
  );
}
