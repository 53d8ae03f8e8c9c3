// Money amounts with their currency (rules and alert thresholds state theirs), the seller's
// reporting currency, and the currencies a seller can choose from.
import { useMutation, useQuery } from "@tanstack/react-query";
import { unwrap } from "@pixecom/client";
import type { components } from "@pixecom/types";
import { client, queryClient } from "./api";
import { useAdAccounts } from "./components/Filters";
import { dateOnly, money } from "./format";
import { t, type MessageKey } from "./i18n";
import { METRIC_KINDS, metricLabel } from "./metrics";

export type MoneyAmount = components["schemas"]["MoneyAmount-Output"];
export type ThresholdNote = components["schemas"]["ThresholdNote"];
export type ConvertedTotal = components["schemas"]["ConvertedTotal"];

/** What a form holds for a money amount: the amount as typed and its currency. */
export interface MoneyDraft {
  amount: string;
  currency: string;
}

/** Whether a metric's value is money (a condition on it states a currency). */
export const isMoneyMetric = (metric: string): boolean => METRIC_KINDS[metric as keyof typeof METRIC_KINDS] === "money";

/** An amount with its currency, for the chosen language ("20,00 US$", "$20.00"). */
export const moneyText = (value: MoneyAmount | MoneyDraft): string => money(String(value.amount), value.currency);

export function useReportingCurrency() {
  return useQuery({
    queryKey: ["reporting-currency"],
    queryFn: async () => unwrap(await client.api.GET("/api/reporting-currency")).currency,
  });
}

export function useSetReportingCurrency() {
  return useMutation({
    mutationFn: async (currency: string) => unwrap(await client.api.PUT("/api/reporting-currency", { body: { currency } })).currency,
    onSuccess: (currency) => {
      queryClient.setQueryData(["reporting-currency"], currency);
      // Every list carries its converted total in the reporting currency.
      void queryClient.invalidateQueries({ queryKey: ["list"] });
    },
  });
}

/** A new amount's currency: the seller's reporting currency, else their first ad account's, else USD. */
export function useDefaultCurrency(): string | undefined {
  const reporting = useReportingCurrency();
  const accounts = useAdAccounts();
  if (reporting.isPending || accounts.isPending) return undefined;
  return reporting.data ?? accounts.data?.data[0]?.currency ?? "USD";
}

/** The currencies to choose from: the seller's accounts', the reporting one, and every currency
 * with a reference rate today (an amount in any of them can apply to every account). */
export function useCurrencyChoices(...keep: (string | null | undefined)[]): string[] {
  const accounts = useAdAccounts();
  const reporting = useReportingCurrency();
  const rates = useQuery({
    queryKey: ["exchange-rates"],
    queryFn: async () => unwrap(await client.api.GET("/api/exchange-rates")),
    staleTime: 3_600_000,
  });
  const own = [...(accounts.data?.data ?? []).map((a) => a.currency), reporting.data, ...keep];
  const rated = (rates.data?.rates ?? []).map((r) => r.currency);
  const all = new Set([...own, ...(rated.length ? ["EUR", ...rated] : [])].filter((c): c is string => Boolean(c)));
  return [...all].sort();
}

const THRESHOLD_WORDS: Record<string, MessageKey> = {
  min_spend: "money.minSpend",
  spend_without_purchase: "money.spendWithoutPurchase",
  target_cost_per_purchase: "money.targetCostPerPurchase",
};

/** A threshold's name as a note names it: a metric (a rule's condition) or a setting. */
export const thresholdWords = (name: string): string =>
  THRESHOLD_WORDS[name] ? t(THRESHOLD_WORDS[name]) : name in METRIC_KINDS ? metricLabel(name) : name;

/** A threshold of another currency as it applied to an account, in words. */
export function noteText(note: ThresholdNote, accountCurrency: string | null): string {
  const threshold = thresholdWords(note.threshold);
  if (note.from && note.to)
    return t("money.converted", {
      threshold,
      from: note.from,
      to: note.to,
      source: note.source === "ecb" ? t("money.ecb") : (note.source ?? ""),
      date: dateOnly(note.rate_date),
    });
  return t("money.notApplied", { threshold, currency: accountCurrency ?? "" });
}
