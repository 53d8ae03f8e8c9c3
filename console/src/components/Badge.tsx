import { t, type MessageKey } from "../i18n";

/** A status in words (statuses without words stay as the API says them). */
export const statusLabel = (value: string) => {
  const key = `status.${value}` as MessageKey;
  const text = t(key);
  return text === undefined ? value : text;
};

/** A coloured pill; the colour comes from the value (see .badge-* in styles.css). */
export function Badge({ value, title }: { value: string; title?: string }) {
  return (
    <span className={`badge badge-${value.toLowerCase()}`} data-value={value} title={title}>
      {statusLabel(value)}
    </span>
  );
}
