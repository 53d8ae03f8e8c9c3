// Display formats for the chosen language (Intl): money in the row's own currency, counts,
// ratios and percentages, dates and times; one date format everywhere.
import { intlLocale, t } from "./i18n";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: (locale: string) => T): T {
  const locale = intlLocale();
  let fmt = cache.get(`${locale}|${key}`) as T | undefined;
  if (!fmt) {
    fmt = make(locale);
    cache.set(`${locale}|${key}`, fmt);
  }
  return fmt;
}

export function money(value: string | null | undefined, currency: string): string {
  if (value === null || value === undefined) return "—";
  return cached(`money|${currency}`, (l) => new Intl.NumberFormat(l, { style: "currency", currency })).format(Number(value));
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : cached("count", (l) => new Intl.NumberFormat(l)).format(value);
}

/** A percentage the API gives as a number of percent (2.5 = 2.5%). */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return cached("percent", (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value) + "%";
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return cached("ratio", (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return t("time.never");
  return cached("datetime", (l) => new Intl.DateTimeFormat(l, { dateStyle: "medium", timeStyle: "short" })).format(new Date(value));
}

/** A date (YYYY-MM-DD from the API, a calendar day) in the same date format as dateTime. */
export function dateOnly(value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.split("-").map(Number);
  return cached("date", (l) => new Intl.DateTimeFormat(l, { dateStyle: "medium", timeZone: "UTC" })).format(new Date(Date.UTC(y, m - 1, d)));
}

export function ago(value: string | null | undefined, now = Date.now()): string {
  if (!value) return t("time.never");
  const seconds = Math.round((now - new Date(value).getTime()) / 1000);
  if (seconds < 60) return t("time.justNow");
  if (seconds < 3600) return t("time.minutesAgo", { n: Math.round(seconds / 60) });
  if (seconds < 86400) return t("time.hoursAgo", { n: Math.round(seconds / 3600) });
  return t("time.daysAgo", { n: Math.round(seconds / 86400) });
}

export function waitText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? t("time.waitMinutes", { m, s: String(s).padStart(2, "0") }) : t("time.waitSeconds", { s });
}

/** A relative change (0.123 = +12.3%), signed. */
export function change(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return cached("change", (l) => new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })).format(value);
}
