import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { unwrap } from "@pixecom/client";
import type { JobItem } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { money } from "../format";
import { t } from "../i18n";
import { reasonText } from "../jobReasons";
import { Badge } from "./Badge";

const DONE = new Set(["succeeded", "partially_failed", "failed"]);

/** A budget of a job's item in the ad account's currency (as a number where it is not known). */
export const budgetAmount = (value: string | null | undefined, currency: string | null | undefined): string =>
  value === null || value === undefined ? "—" : currency ? money(value, currency) : value;

/** One item of a job: its name, a budget job's change, and why it failed or waits, in words. */
export function JobItemLine({ item, budget, currency }: { item: JobItem; budget: boolean; currency?: string | null }) {
  return (
    <li data-outcome={item.outcome}>
      <strong>{item.name}</strong>
      {budget && (
        <>
          {" "}
          {t("job.budgetChange", { from: budgetAmount(item.from_budget, currency), to: budgetAmount(item.to_budget, currency) })} <Badge value={item.outcome} />
        </>
      )}
      {item.error && (
        <>
          : <span className="reason">{reasonText(item.error)}</span>
        </>
      )}
    </li>
  );
}

/** A bulk status or budget job until it ends: progress, then each item's outcome (a budget job)
 * or each failed or waiting item (a status job), with the reason in words. */
export function JobPanel({ jobId, title, onClose, currency }: { jobId: string; title: string; onClose: () => void; currency?: string }) {
  const job = useQuery({
    queryKey: ["job", jobId],
    queryFn: async () => unwrap(await client.api.GET("/api/jobs/{job_id}", { params: { path: { job_id: jobId } } })),
    refetchInterval: (query) => (query.state.data && DONE.has(query.state.data.status) ? false : 1000),
  });
  const done = job.data !== undefined && DONE.has(job.data.status);
  useEffect(() => {
    // The job changed statuses or budgets: every list shows them fresh.
    if (done) void queryClient.invalidateQueries({ queryKey: ["list"] });
  }, [done]);

  const items = job.data?.items ?? [];
  const isBudget = job.data?.kind === "budget_change";
  const finished = items.filter((i) => i.outcome !== "pending").length;
  const counts = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
  const shown = isBudget ? items : items.filter((i) => i.error);
  const itemCurrency = currency ?? job.data?.budget?.currency;
  return (
    <section className="card job-card" data-testid="job-panel" data-status={job.data?.status ?? "loading"}>
      <div className="card-head">
        <h2>{title}</h2>
        {job.data && <Badge value={job.data.status} />}
        <span className="spacer" />
        {done && (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t("job.close")}>
            ×
          </button>
        )}
      </div>
      {job.isError && <div className="error">{errorText(job.error)}</div>}
      {job.data && (
        <>
          <div className="progress" role="progressbar" aria-label={t("job.progressLabel")} aria-valuemin={0} aria-valuemax={items.length} aria-valuenow={finished}>
            <div style={{ width: `${items.length ? (finished * 100) / items.length : 0}%` }} />
          </div>
          <p className="small">
            {t("job.progress", { finished, total: items.length, applied: counts("applied"), failed: counts("failed"), skipped: counts("skipped") })}
          </p>
          {shown.length > 0 && (
            <ul className={isBudget ? "job-outcomes" : "failures"} data-testid={isBudget ? "job-budget-items" : "job-failures"}>
              {shown.map((item) => (
                <JobItemLine key={item.id} item={item} budget={isBudget} currency={itemCurrency} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
