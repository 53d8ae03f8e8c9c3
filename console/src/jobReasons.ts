// Why a job's item failed or waits, in the chosen language. The API writes each reason as an
// English sentence (pixecom.control.budgets' refusals, pixecom.control.outcomes' rate limit and
// retries); each pattern here reads one of them back into its words and values.
// tests/unit/foundation/test_console_job_reasons.py checks every pattern against the API's own
// sentences, so a reworded one fails there rather than showing English to a Vietnamese reader.
import { statusLabel } from "./components/Badge";
import { dateTime, money } from "./format";
import { t } from "./i18n";

type Words = (m: RegExpMatchArray) => string;

/** A time the API wrote ("2026-12-06 14:05 UTC" or ISO 8601) in the chosen format. */
const when = (text: string): string => dateTime(text.endsWith(" UTC") ? text.replace(" ", "T").replace(" UTC", ":00Z") : text);

export const REASONS: [RegExp, Words][] = [
  [/^Its campaign '(.*)' uses Advantage campaign budget: change the budget on the campaign$/, (m) => t("refusal.campaignBudget", { campaign: m[1] })],
  [/^This campaign has no campaign budget: its ad sets hold the budgets, change them there$/, () => t("refusal.adsetBudgets")],
  [/^It has a (daily|lifetime) budget; Meta does not switch a budget between daily and lifetime$/, (m) => t("refusal.otherType", { kind: t(m[1] === "daily" ? "budget.typeDaily" : "budget.typeLifetime") })],
  [/^It has no budget to change$/, () => t("refusal.noBudget")],
  [/^The amount is in (\w+) but the ad account bills in (\w+)$/, (m) => t("refusal.currency", { currency: m[1], account: m[2] })],
  [/^(\w+) budgets are set in steps of ([\d.]+)$/, (m) => t("refusal.step", { currency: m[1], unit: money(m[2], m[1]) })],
  [/^A budget must be more than zero$/, () => t("refusal.positive")],
  [
    /^([\d.]+) (\w+) is below Meta's minimum daily budget of ([\d.]+) \w+ for ad sets optimising for (.+) \([\w, ]+\)$/,
    (m) => t("refusal.belowMinimum", { amount: money(m[1], m[2]), minimum: money(m[3], m[2]), goals: m[4] }),
  ],
  [
    /^Meta allows 4 budget changes per ad set per hour and this ad set had them; it may change again from (\d{4}-\d\d-\d\d \d\d:\d\d UTC)$/,
    (m) => t("refusal.hourlyLimit", { when: when(m[1]) }),
  ],
  [/^Rate limited by Meta; retrying after (\S+)$/, (m) => t("refusal.rateLimited", { when: when(m[1]) })],
  [/^Temporary Meta error \(attempt (\d+)\); retrying: (.*)$/, (m) => t("refusal.temporary", { n: m[1], message: m[2] })],
  [/^(\w+) objects cannot change budget on Meta$/, (m) => t("refusal.notControllable", { status: statusLabel(m[1].toUpperCase()) })],
];

/** The reason in words; Meta's own message (any other) as Meta wrote it. */
export function reasonText(error: string): string {
  for (const [pattern, words] of REASONS) {
    const match = error.match(pattern);
    if (match) return words(match);
  }
  return t("refusal.meta", { message: error });
}
