// Why a number of the lists is missing, in the chosen language. The API says it in English: a
// row's or summary entry's `reach_unavailable` (pixecom.adsmanager.reach's sentences) and a
// `store.null_reason` (pixecom.adsmanager.store_columns'). Each pattern here reads one of them
// back into its words and values; tests/unit/foundation/test_console_null_reasons.py checks every
// pattern against the API's own sentences, so a reworded one fails there rather than showing
// English to a Vietnamese reader. A sentence no pattern knows is shown as the API wrote it.
import type { Metrics } from "@pixecom/types";
import { t } from "./i18n";

type Words = (m: RegExpMatchArray) => string;

export const REACH_REASONS: [RegExp, Words][] = [
  [/^Meta's reach for this range has not been read yet; a later stats run reads it$/, () => t("reachWhy.notRead")],
  [/^Meta's rate limit for this ad account is reached; reach is read again once it resets$/, () => t("reachWhy.throttled")],
  [/^Meta answers this range's reach only through a report run, which is not awaited here$/, () => t("reachWhy.tooBig")],
  [/^Meta did not answer the reach read$/, () => t("reachWhy.refused")],
  [
    /^reach counts unique people per ad account: people reached by several accounts cannot be told apart, so no total reach is given across accounts$/,
    () => t("reachWhy.severalAccounts"),
  ],
  [
    /^reach of a filtered selection is not a sum of its rows and Meta has no single value for it; it is given for one account unfiltered, one campaign or one ad set$/,
    () => t("reachWhy.filtered"),
  ],
];

export const STORE_REASONS: [RegExp, Words][] = [
  [/^its campaign links to no sellpage and no store order names it$/, () => t("storeWhy.noSellpage")],
  [/^no row of this currency has store numbers: none links to a sellpage or is named by an order$/, () => t("storeWhy.noStoreRows")],
  [
    /^store revenue in ([A-Z]{3}(?:, [A-Z]{3})*) is not converted to ([A-Z]{3}) \(no exchange rate on some day\)$/,
    (m) => t("storeWhy.noRate", { from: m[1], to: m[2] }),
  ],
];

function read(patterns: [RegExp, Words][], sentence: string): string {
  for (const [pattern, words] of patterns) {
    const match = sentence.match(pattern);
    if (match) return words(match);
  }
  return sentence;
}

/** Why the store's number is null, in words (the API's sentence when it is not one of ours). */
export const storeReasonText = (sentence: string): string => read(STORE_REASONS, sentence);

/** What a metric cell says beyond its dash: for reach and frequency, why Meta's unique count is
 * not known (`reach_unavailable`), or that the row reached nobody (undefined: nothing to say). */
export function metricNote(key: keyof Metrics, metrics: Partial<Metrics>, reachUnavailable: string | null | undefined): string | undefined {
  if ((key !== "reach" && key !== "frequency") || (metrics[key] ?? null) !== null) return undefined;
  const subject = t(key === "reach" ? "reachWhy.noReach" : "reachWhy.noFrequency");
  if (reachUnavailable) return t("reachWhy.because", { subject, reason: read(REACH_REASONS, reachUnavailable) });
  if (key === "frequency" && metrics.reach === 0) return t("reachWhy.because", { subject, reason: t("reachWhy.nobodyReached") });
  return undefined;
}
