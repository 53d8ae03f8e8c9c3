// The breakdown: the toolbar's "Breakdown:" menu, the progress while Meta computes its reports
// (the list answered 202), a failed report's reason with Retry, and each bucket in words.
import { useQueries } from "@tanstack/react-query";
import { useEffect } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText } from "../api";
import type { Breakdown, BreakdownInfo, BreakdownJob, BreakdownPending, BreakdownRow } from "../apiTypes";
import { intlLocale, t, type MessageKey } from "../i18n";
import { BREAKDOWNS } from "../listState";
import { metricLabel } from "../metrics";

/** A breakdown's name in words ("age,gender" is the message key breakdown.age_gender). */
export const breakdownName = (b: Breakdown) => t(`breakdown.${b.replace(",", "_")}` as MessageKey);

export function BreakdownMenu({ value, onChange }: { value: Breakdown | null; onChange: (value: Breakdown | null) => void }) {
  return (
    <label className="toolbar-select small" data-testid="breakdown-menu">
      <span>{t("breakdown.title")}</span>{" "}
      <select value={value ?? ""} onChange={(e) => onChange(BREAKDOWNS.find((b) => b === e.target.value) ?? null)}>
        <option value="">{t("breakdown.none")}</option>
        {BREAKDOWNS.map((b) => (
          <option key={b} value={b}>
            {breakdownName(b)}
          </option>
        ))}
      </select>
    </label>
  );
}

const FINISHED = new Set(["done", "failed"]);

/** Meta is computing the breakdown: each report's progress, polled; when every one is done the
 * list is asked again (`onReady`); a failed one says why, and Retry asks again (which reruns it). */
export function BreakdownProgress({ pending, asked, onReady }: { pending: BreakdownPending; asked: number; onReady: () => void }) {
  const wait = Math.max(1, pending.retry_after_seconds) * 1000;
  const jobs = useQueries({
    queries: pending.jobs.map((job) => ({
      // Per answer of the list: asking again (Retry) starts from that answer's state of each report.
      queryKey: ["breakdown-job", job.id, asked],
      queryFn: async (): Promise<BreakdownJob> =>
        unwrap(await client.api.GET("/api/ads-manager/breakdown-jobs/{job_id}", { params: { path: { job_id: job.id } } })),
      initialData: job,
      initialDataUpdatedAt: 0,
      staleTime: 0,
      refetchInterval: (query: { state: { data?: BreakdownJob } }) => (query.state.data && FINISHED.has(query.state.data.status) ? false : wait),
    })),
  });
  const current = jobs.map((q, i) => q.data ?? pending.jobs[i]);
  const allDone = current.every((job) => job.status === "done");
  const failed = current.filter((job) => job.status === "failed");
  useEffect(() => {
    if (allDone) onReady();
  }, [allDone, onReady]);
  const percent = Math.round(current.reduce((sum, job) => sum + (job.status === "done" ? 100 : job.percent_complete), 0) / Math.max(1, current.length));
  const pollError = jobs.find((q) => q.isError)?.error;
  return (
    <div className="breakdown-progress" data-testid="breakdown-progress" data-state={failed.length ? "failed" : "running"} role="status">
      {failed.length === 0 ? (
        <>
          <p>{t("breakdown.computing", { what: breakdownName(pending.breakdown), n: current.length })}</p>
          <progress max={100} value={percent} aria-label={t("breakdown.progress")} /> <span className="small">{percent}%</span>
        </>
      ) : (
        <>
          <p className="error">{t("breakdown.failed", { n: failed.length })}</p>
          <ul>
            {failed.map((job) => (
              <li key={job.id} className="reason">
                {job.error ?? t("breakdown.noReason")}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onReady}>
            {t("common.retry")}
          </button>
        </>
      )}
      {pollError && <p className="error small">{errorText(pollError)}</p>}
    </div>
  );
}

const GENDERS = new Set(["female", "male", "unknown"]);
const PLATFORMS = new Set(["facebook", "instagram", "messenger", "audience_network", "threads", "whatsapp"]);

/** One dimension's bucket as a seller reads it (Meta's own value where there are no words for it). */
function bucketWords(dimension: string, value: string): string {
  if (value === "unknown") return t("breakdown.unknown");
  if (dimension === "gender" && GENDERS.has(value)) return t(`breakdown.gender.${value}` as MessageKey);
  if (dimension === "publisher_platform" && PLATFORMS.has(value)) return t(`breakdown.platform.${value}` as MessageKey);
  if (dimension === "country" && /^[A-Z]{2}$/.test(value)) {
    try {
      return new Intl.DisplayNames([intlLocale()], { type: "region" }).of(value) ?? value;
    } catch {
      return value;
    }
  }
  return value.replace(/_/g, " ");
}

/** A breakdown row's buckets in words, dimension by dimension ("25-34 · Female"). */
export const bucketLabel = (row: BreakdownRow, dimensions: string[]) =>
  dimensions.map((d) => bucketWords(d, row.values[d] ?? "")).join(" · ");

/** What the breakdown leaves out (region: actions off Meta), and when Meta computed it. */
export function BreakdownNote({ info }: { info: BreakdownInfo }) {
  if (info.not_broken_down.length === 0) return null;
  return (
    <p className="note small" data-testid="not-broken-down">
      {t("breakdown.notBrokenDown", { what: breakdownName(info.breakdown), metrics: info.not_broken_down.map(metricLabel).join(", ") })}
    </p>
  );
}
