// Display formats: money in the row's own currency, ratios and percentages, dates.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(value: string | null | undefined, currency: string): string {
  if (value === null || value === undefined) return "—";
  let fmt = moneyFormats.get(currency);
  if (!fmt) {
    fmt = new Intl.NumberFormat("en-US", { style: "currency", currency });
    moneyFormats.set(currency, fmt);
  }
  return fmt.format(Number(value));
}

const countFormat = new Intl.NumberFormat("en-US");
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : countFormat.format(value);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value.toFixed(2)}%`;
}

export function ratio(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return "never";
  return new Date(value).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

export function ago(value: string | null | undefined, now = Date.now()): string {
  if (!value) return "never";
  const seconds = Math.round((now - new Date(value).getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

export function waitText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, "0")} s` : `${s} s`;
}

/** A date (YYYY-MM-DD from the API) in the one date format the console shows. */
export function dateOnly(value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}
