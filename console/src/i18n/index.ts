// The console's two languages: the chosen one (the user's saved preference, else the browser's),
// t() for every text, and the Intl locale numbers, money and dates are formatted for.
import { useSyncExternalStore } from "react";
import type { ErrorCode } from "@pixecom/types";
import { en, type MessageKey } from "./en";
import { errorsEn, errorsVi } from "./errors";
import { vi } from "./vi";

export type Locale = "en" | "vi";
export const LOCALES: { id: Locale; name: string; intl: string }[] = [
  { id: "en", name: "English", intl: "en-US" },
  { id: "vi", name: "Tiếng Việt", intl: "vi-VN" },
];
const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, vi };

// Before a user's saved choice is known: this browser's last choice, else its language.
const STORAGE_KEY = "pixecom.locale";
const stored = (): Locale | null => {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value === "en" || value === "vi" ? value : null;
};
const browserLocale = (): Locale => stored() ?? (navigator.language.toLowerCase().startsWith("vi") ? "vi" : "en");
let current: Locale = browserLocale();
document.documentElement.lang = current;

export function rememberLocale(locale: Locale): void {
  window.localStorage.setItem(STORAGE_KEY, locale);
}
const listeners = new Set<() => void>();

export function setLocale(locale: Locale | null | undefined): void {
  const next = locale ?? browserLocale();
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}
export const getLocale = (): Locale => current;
export const intlLocale = (): string => LOCALES.find((l) => l.id === current)!.intl;

/** Re-render with the language (App subscribes once: every screen below follows). */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The text of `key` in the current language; `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[current][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}
export type { MessageKey };

/** The API error code's words in the current language (undefined for a code the console predates). */
export function errorWords(code: ErrorCode): string | undefined {
  return (current === "vi" ? errorsVi : errorsEn)[code];
}
