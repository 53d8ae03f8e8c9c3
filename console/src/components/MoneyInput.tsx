import { useCurrencyChoices, type MoneyDraft } from "../currency";

/** An amount and, beside it, its currency (a money threshold always states its currency). The
 * currency's label must not contain the amount's (a label finds one control). */
export function MoneyInput({
  label,
  currencyLabel,
  value,
  onChange,
  required = true,
}: {
  label: string;
  currencyLabel: string;
  value: MoneyDraft;
  onChange: (value: MoneyDraft) => void;
  required?: boolean;
}) {
  const choices = useCurrencyChoices(value.currency);
  return (
    <span className="money-input">
      <input aria-label={label} inputMode="decimal" required={required} value={value.amount} onChange={(e) => onChange({ ...value, amount: e.target.value })} />
      <select aria-label={currencyLabel} value={value.currency} onChange={(e) => onChange({ ...value, currency: e.target.value })}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </span>
  );
}
