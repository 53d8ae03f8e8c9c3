import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { t } from "../i18n";
import { Badge } from "./Badge";

const DONE = new Set(["succeeded", "partially_failed", "failed"]);

/** A bulk status job until it ends: progress, then each failed item with Meta's message. */
export function JobPanel({ jobId, title, onClose }: { jobId: string; title: string; onClose: () => void }) {
  const job = useQuery({
    queryKey: ["job", jobId],
    queryFn: async () => unwrap(await client.api.GET("/api/jobs/{job_id}", { params: { path: { job_id: jobId } } })),
    refetchInterval: (query) => (query.state.data && DONE.has(query.state.data.status) ? false : 1000),
  });
  const done = job.data !== undefined && DONE.has(job.data.status);
  useEffect(() => {
    // The job changed statuses: every list shows them fresh.
    if (done) void queryClient.invalidateQueries({ queryKey: ["list"] });
  }, [done]);

  const items = job.data?.items ?? [];
  const finished = items.filter((i) => i.outcome !== "pending").length;
  const counts = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
  const failures = items.filter((i) => i.outcome === "failed");
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
          {failures.length > 0 && (
            <ul className="failures" data-testid="job-failures">
              {failures.map((item) => (
                <li key={item.id}>
                  <strong>{item.name}</strong>: {item.error ?? t("status.failed")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
