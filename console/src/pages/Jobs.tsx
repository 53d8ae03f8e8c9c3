import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@pixecom/client";
import { client } from "../api";
import { Badge, statusLabel } from "../components/Badge";
import { ErrorBox } from "../components/ErrorBox";
import { budgetAmount } from "../components/JobPanel";
import { reasonText } from "../jobReasons";
import { dateTime } from "../format";
import { t, type MessageKey } from "../i18n";
import { navigate, useLocation } from "../router";

/** Which rule made each job: the rules' runs name their jobs. */
function useJobRules() {
  return useQuery({
    queryKey: ["job-rules"],
    queryFn: async () => {
      const rules = unwrap(await client.api.GET("/api/rules")).data;
      const byJob = new Map<string, string>();
      await Promise.all(
        rules.map(async (rule) => {
          const runs = unwrap(await client.api.GET("/api/rules/{rule_id}/runs", { params: { path: { rule_id: rule.id } } }));
          for (const run of runs.data) if (run.job_id) byJob.set(run.job_id, rule.name);
        }),
      );
      return byJob;
    },
  });
}

/** Bulk and rule-made jobs; one opens to its items with Meta's message for each failure. */
export function JobsPage() {
  const { search } = useLocation();
  const openId = search.get("job");
  const jobs = useQuery({
    queryKey: ["jobs"],
    queryFn: async () => unwrap(await client.api.GET("/api/jobs", { params: { query: { limit: 50 } } })),
    refetchInterval: 5000,
  });
  const rules = useJobRules();
  return (
    <div className="jobs-page">
      <h1>{t("jobs.title")}</h1>
      {jobs.isError && <ErrorBox error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data?.data.length === 0 && (
        <div className="empty">{t("jobs.empty")}</div>
      )}
      {jobs.data && jobs.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="jobs-table">
            <thead>
              <tr>
                <th>{t("jobs.started")}</th>
                <th>{t("jobs.what")}</th>
                <th>{t("jobs.by")}</th>
                <th>{t("jobs.status")}</th>
                <th className="num">{t("jobs.applied")}</th>
                <th className="num">{t("jobs.failed")}</th>
                <th className="num">{t("jobs.skipped")}</th>
                <th>
                  <span className="sr-only">{t("jobs.details")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.data.map((job) => {
                const rule = rules.data?.get(job.id);
                return (
                  <tr key={job.id} data-id={job.id}>
                    <td className="small">{dateTime(job.created_at)}</td>
                    <td>
                      {job.target_status === null
                        ? t("jobs.setBudget", { level: t(`noun.${job.level}s` as MessageKey) })
                        : t("jobs.set", { status: statusLabel(job.target_status).toLowerCase(), level: t(`noun.${job.level}s` as MessageKey) })}
                    </td>
                    <td data-testid="job-by">{rule ? t("jobs.byRule", { name: rule }) : t("jobs.byYou")}</td>
                    <td>
                      <Badge value={job.status} />
                    </td>
                    <td className="num">{job.counts.applied}</td>
                    <td className="num">{job.counts.failed}</td>
                    <td className="num">{job.counts.skipped}</td>
                    <td>
                      <button type="button" onClick={() => navigate(openId === job.id ? "/jobs" : `/jobs?job=${job.id}`)} aria-expanded={openId === job.id}>
                        {openId === job.id ? t("jobs.hideItems") : t("jobs.items")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {openId && <JobItems jobId={openId} />}
    </div>
  );
}

function JobItems({ jobId }: { jobId: string }) {
  const job = useQuery({
    queryKey: ["job", jobId],
    queryFn: async () => unwrap(await client.api.GET("/api/jobs/{job_id}", { params: { path: { job_id: jobId } } })),
  });
  if (job.isPending) return <p className="muted">{t("jobs.loading")}</p>;
  if (job.isError) return <ErrorBox error={job.error} onRetry={() => void job.refetch()} />;
  return (
    <section className="card" data-testid="job-items">
      <h2>{t("jobs.items")}</h2>
      <ul className="job-items">
        {job.data.items.map((item) => (
          <li key={item.id} data-outcome={item.outcome}>
            <strong>{item.name}</strong>:{" "}
            {job.data.kind === "budget_change"
              ? t("job.budgetChange", { from: budgetAmount(item.from_budget, job.data.budget?.currency), to: budgetAmount(item.to_budget, job.data.budget?.currency) })
              : `${statusLabel(item.from_status)} → ${statusLabel(item.to_status)}`}{" "}
            · <Badge value={item.outcome} />
            {item.error && <div className="error small">{reasonText(item.error)}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
