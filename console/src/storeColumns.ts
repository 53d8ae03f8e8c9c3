// The store's numbers beside Meta's (each row's and summary entry's `store` object): what the
// PixEcom store sold, attributed to the row. One group of columns the seller shows or hides; the
// choice is kept in this browser (the saved column choice on the server names Meta's metrics only).
// Hidden until chosen: with a preset's metrics the table already fills a 1366 px laptop screen.
import { useSyncExternalStore } from "react";
import type { components } from "@pixecom/types";
import { formatValue } from "./columns";
import { dateOnly } from "./format";
import { t, type MessageKey } from "./i18n";
import type { MetricKind } from "./metrics";
import { storeReasonText } from "./nullReasons";

export type StoreNumbers = components["schemas"]["StoreNumbers"];
type StoreKey = "store_orders" | "store_revenue" | "store_roas" | "purchase_value_gap";

export interface StoreColumn {
  /** The `store` field, and the list's sort key of the same name. */
  key: StoreKey;
  label: string;
  title: string;
  kind: Exclude<MetricKind, "percent">;
}

const STORE_KINDS: Record<StoreKey, StoreColumn["kind"]> = {
  store_orders: "count",
  store_revenue: "money",
  store_roas: "ratio",
  purchase_value_gap: "money",
};
const STORE_KEYS = Object.keys(STORE_KINDS) as StoreKey[];

/** The store group's columns in the current language. */
export function storeColumns(): StoreColumn[] {
  return STORE_KEYS.map((key) => ({
    key,
    label: t(`store.${key}` as MessageKey),
    title: t(`storeTitle.${key}` as MessageKey),
    kind: STORE_KINDS[key],
  }));
}

/** A store number as the table shows it, in the row's currency (a dash for null). */
export function formatStore(column: StoreColumn, store: StoreNumbers | null | undefined, currency: string): string {
  return formatValue(column.kind, store?.[column.key] ?? null, currency);
}

/** What a store cell says on hover and to a screen reader beyond its number: why it is empty,
 * and which currencies were converted at whose rates (undefined when there is nothing to say). */
export function storeNote(column: StoreColumn, store: StoreNumbers | null | undefined): string | undefined {
  const notes: string[] = [];
  if (!store) notes.push(t("store.noneHere"));
  else {
    if (store[column.key] === null) {
      const reason = store.null_reason ? storeReasonText(store.null_reason) : t("store.noSpend");
      notes.push(t("store.nullBecause", { reason }));
    }
    const c = store.conversion;
    if (c && column.key !== "store_orders") {
      notes.push(
        t("store.converted", {
          from: c.from.join(", "),
          source: c.source,
          first: dateOnly(c.first_rate_date),
          last: dateOnly(c.last_rate_date),
        }),
      );
    }
  }
  return notes.length ? notes.join(" ") : undefined;
}

const STORAGE_KEY = "pixecom.storeColumns";
const listeners = new Set<() => void>();
const readShown = (): boolean => window.localStorage.getItem(STORAGE_KEY) === "shown";

export function setStoreColumnsShown(shown: boolean): void {
  if (shown) window.localStorage.setItem(STORAGE_KEY, "shown");
  else window.localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

/** Whether the store group is shown (every component using it follows a change at once). */
export function useStoreColumnsShown(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readShown,
  );
}
