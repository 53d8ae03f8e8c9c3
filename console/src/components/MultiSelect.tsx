import { useEffect, useRef } from "react";
import { t } from "../i18n";

export interface Option {
  value: string;
  label: string;
}

/** A dropdown of checkboxes on <details>: "Status: All" / "Status: Paused" / "Status: 2 selected". */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  testId,
}: {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
  testId: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);
  const chosen = options.filter((o) => selected.includes(o.value));
  const summary = chosen.length === 0 ? t("multi.all") : chosen.length === 1 ? chosen[0].label : t("multi.selected", { n: chosen.length });
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <details className={`multi${chosen.length ? " has-value" : ""}`} ref={ref} data-testid={testId}>
      <summary>
        <span className="muted">{label}:</span> {summary}
      </summary>
      <div className="menu">
        {options.length === 0 && <div className="muted small">{t("multi.nothing")}</div>}
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
        {chosen.length > 0 && (
          <button type="button" className="link-button small" onClick={() => onChange([])}>
            {t("multi.clear")}
          </button>
        )}
      </div>
    </details>
  );
}
