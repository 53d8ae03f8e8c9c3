import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import type { components } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { ErrorBox } from "../components/ErrorBox";
import { dateTime } from "../format";
import { t } from "../i18n";
import { count, money, percent, ratio } from "../format";
import { MoneyInput } from "../components/MoneyInput";
import { isMoneyMetric, moneyText, noteText, useDefaultCurrency, type MoneyDraft } from "../currency";
import { useAdAccounts } from "../components/Filters";
import { METRIC_KINDS, SUMMED_METRIC_NAMES, metricLabel } from "../metrics";
import { Link } from "../router";
import { ReadOnlyNote, useCan } from "../permissions";

type Rule = components["schemas"]["RuleOut"];
type RuleSpec = components["schemas"]["RuleSpec"];
type Op = components["schemas"]["ConditionOp"];
type Window = components["schemas"]["RuleWindow"];
type Level = components["schemas"]["EntityLevel"];
type ActionType = components["schemas"]["RuleActionType"];
type ConditionValue = Rule["conditions"][number]["value"];

const OPS: [Op, string][] = [["gt", ">"], ["gte", "≥"], ["lt", "<"], ["lte", "≤"], ["eq", "="]];
const WINDOWS: Window[] = ["today", "yesterday", "last_3d", "last_7d"];
const LEVELS: [Level, "campaigns" | "adsets" | "ads"][] = [["campaign", "campaigns"], ["adset", "adsets"], ["ad", "ads"]];
const ACTIONS: ActionType[] = ["pause", "activate", "change_budget"];
const opWord = (op: string) => OPS.find(([o]) => o === op)?.[1] ?? op;
const levelWords = (level: Level) => t(`level.${LEVELS.find(([l]) => l === level)?.[1] ?? "ads"}`);

export function describeRule(rule: Pick<Rule, "conditions" | "window" | "action" | "level" | "min_spend">): string {
  const when = rule.conditions.map((c) => `${metricLabel(c.metric)} ${opWord(c.op)} ${valueText(c.value)}`).join(t("rules.and"));
  const pct = rule.action.type === "change_budget" && rule.action.percent ? t("rules.by", { percent: rule.action.percent }) : "";
  return t("rules.describe", {
    action: t(`action.${rule.action.type}`) + pct,
    level: levelWords(rule.level).toLowerCase(),
    conditions: when,
    window: t(`window.${rule.window}`).toLowerCase(),
    minSpend: moneyText(rule.min_spend),
  });
}

/** A condition's value: money with its currency, other numbers as written. */
const valueText = (value: ConditionValue): string => (typeof value === "object" ? moneyText(value) : value);

/** A preview value as the Ads Manager shows it: money (a decimal string) in the entity's currency. */
function previewValue(metric: string, value: unknown, currency: string): string {
  if (value === null || value === undefined) return "—";
  const kind = METRIC_KINDS[metric as keyof typeof METRIC_KINDS];
  if (kind === "money") return money(String(value), currency);
  const number = Number(value);
  if (kind === "percent") return percent(number);
  if (kind === "count") return count(number);
  return ratio(number);
}

/** Automated rules: list, create/edit with a form, preview before enabling, enable/disable, runs. */
export function RulesPage() {
  const rules = useQuery({ queryKey: ["rules"], queryFn: async () => unwrap(await client.api.GET("/api/rules")) });
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const mayWrite = useCan("rules.write");
  return (
    <div className="rules-page">
      <div className="page-title">
        <h1>{t("rules.title")}</h1>
        {mayWrite && (
          <button type="button" className="primary" onClick={() => setEditing("new")}>
            {t("rules.new")}
          </button>
        )}
      </div>
      {!mayWrite && <ReadOnlyNote what="perm.whatRules" />}
      {editing && <RuleForm key={editing === "new" ? "new" : editing.id} rule={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      {rules.isError && <ErrorBox error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data?.data.length === 0 && !editing && (
        <div className="empty">
          <p>{t("rules.empty")}</p>
          {mayWrite && (
            <button type="button" className="primary" onClick={() => setEditing("new")}>
              {t("rules.createFirst")}
            </button>
          )}
        </div>
      )}
      {rules.data?.data.map((rule) => <RuleCard key={rule.id} rule={rule} mayWrite={mayWrite} onEdit={() => setEditing(rule)} />)}
    </div>
  );
}

/** A rule; its preview, edit and enable/disable only for a member who may write rules (the
 * preview is a rules.write call: it runs the rule's evaluation). */
function RuleCard({ rule, mayWrite, onEdit }: { rule: Rule; mayWrite: boolean; onEdit: () => void }) {
  const [open, setOpen] = useState<"preview" | "runs" | null>(null);
  const toggle = useMutation({
    mutationFn: async () => {
      const path = { params: { path: { rule_id: rule.id } } };
      return unwrap(rule.enabled ? await client.api.POST("/api/rules/{rule_id}/disable", path) : await client.api.POST("/api/rules/{rule_id}/enable", path));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["rules"] }),
  });
  return (
    <section className="card" data-testid="rule-card" data-rule={rule.name} data-enabled={String(rule.enabled)}>
      <div className="card-head">
        <h2>{rule.name}</h2>
        <span className={`badge ${rule.enabled ? "badge-active" : ""}`}>{rule.enabled ? t("rules.enabled") : t("rules.disabled")}</span>
        <span className="spacer" />
        {mayWrite && (
          <button type="button" onClick={() => setOpen(open === "preview" ? null : "preview")} aria-expanded={open === "preview"}>
            {t("rules.preview")}
          </button>
        )}
        <button type="button" onClick={() => setOpen(open === "runs" ? null : "runs")} aria-expanded={open === "runs"}>
          {t("rules.runs")}
        </button>
        {mayWrite && (
          <>
            <button type="button" onClick={onEdit}>
              {t("rules.edit")}
            </button>
            <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
              {rule.enabled ? t("rules.disable") : t("rules.enable")}
            </button>
          </>
        )}
      </div>
      <p className="small">{describeRule(rule)}</p>
      <p className="small muted">{t("rules.lastChecked", { at: dateTime(rule.last_evaluated_at) })}</p>
      {toggle.isError && <p className="error small">{errorText(toggle.error)}</p>}
      {open === "preview" && <Preview rule={rule} />}
      {open === "runs" && <Runs rule={rule} />}
    </section>
  );
}

/** The currencies of the rule's amounts other than the account's ("VND", "VND and EUR"). */
function ruleCurrencies(rule: Rule, account: string): string {
  const amounts = [rule.min_spend, ...rule.conditions.map((c) => c.value).filter((v): v is Exclude<ConditionValue, string> => typeof v === "object")];
  return [...new Set(amounts.map((a) => a.currency))].filter((c) => c !== account).join(t("rules.and"));
}

function Preview({ rule }: { rule: Rule }) {
  const accounts = useAdAccounts();
  const accountNames = new Map((accounts.data?.data ?? []).map((a) => [a.id, a.name]));
  const preview = useQuery({
    queryKey: ["rule-preview", rule.id, rule.updated_at],
    queryFn: async () => unwrap(await client.api.POST("/api/rules/{rule_id}/preview", { params: { path: { rule_id: rule.id } } })),
  });
  if (preview.isPending) return <p className="muted">{t("rules.checking")}</p>;
  if (preview.isError) return <ErrorBox error={preview.error} onRetry={() => void preview.refetch()} />;
  const entities = preview.data.entities;
  const skipped = preview.data.skipped_accounts;
  const metricKeys = rule.conditions.map((c) => c.metric);
  return (
    <div className="table-wrap" data-testid="rule-preview">
      <p className="small" style={{ padding: "8px 12px", margin: 0 }}>
        {entities.length === 0 ? t("rules.previewNone") : t("rules.previewSome", { n: entities.length })}
      </p>
      {skipped.length > 0 && (
        <ul className="small notes" data-testid="rule-skipped">
          {skipped.map((s) => (
            <li key={s.ad_account_id} className="warn">
              {t("rules.skipped", { account: accountNames.get(s.ad_account_id) ?? s.ad_account_id, currency: s.currency, amounts: ruleCurrencies(rule, s.currency) })}
            </li>
          ))}
        </ul>
      )}
      {entities.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t("table.name")}</th>
              {metricKeys.map((m) => (
                <th key={m} className="num">
                  {metricLabel(m)}
                </th>
              ))}
              {rule.action.type === "change_budget" && <th className="num">{t("rules.dailyBudget")}</th>}
              <th>{t("rules.conversions")}</th>
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => (
              <tr key={e.entity_id} data-currency={e.currency}>
                <td>{e.name}</td>
                {metricKeys.map((m) => (
                  <td key={m} className="num" data-metric={m}>
                    {previewValue(m, (e.values as Record<string, unknown>)[m], e.currency)}
                  </td>
                ))}
                {rule.action.type === "change_budget" && (
                  <td className="num">
                    {money(e.daily_budget_from ?? null, e.currency)} → {money(e.daily_budget_to ?? null, e.currency)}
                  </td>
                )}
                <td className="small" data-testid="conversions">
                  {e.conversions.length === 0 ? t("rules.noConversion", { currency: e.currency }) : e.conversions.map((n) => noteText(n, e.currency)).join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Runs({ rule }: { rule: Rule }) {
  const runs = useQuery({
    queryKey: ["rule-runs", rule.id],
    queryFn: async () => unwrap(await client.api.GET("/api/rules/{rule_id}/runs", { params: { path: { rule_id: rule.id } } })),
  });
  if (runs.isPending) return <p className="muted">{t("rules.loadingRuns")}</p>;
  if (runs.isError) return <ErrorBox error={runs.error} onRetry={() => void runs.refetch()} />;
  if (runs.data.data.length === 0) return <p className="muted small">{t("rules.noRuns")}</p>;
  return (
    <ul className="runs" data-testid="rule-runs">
      {runs.data.data.map((run) => (
        <li key={run.id}>
          {t("rules.runLine", { at: dateTime(run.created_at), action: t(`action.${run.action}`), names: run.entities.map((e) => e.name).join(", ") })}
          {run.job_id && (
            <>
              {" · "}
              <Link to={`/jobs?job=${run.job_id}`}>{t("rules.itsJob")}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

interface Draft {
  name: string;
  level: Level;
  window: Window;
  // A condition's currency is used only when its metric is money.
  conditions: { metric: string; op: Op; value: string; currency: string }[];
  min_spend: MoneyDraft;
  action: ActionType;
  percent: string;
  cooldown_minutes: number;
}

/** The form waits for the default currency (the reporting one, else the first account's). */
function RuleForm(props: { rule: Rule | null; onDone: () => void }) {
  const currency = useDefaultCurrency();
  if (!currency) return <p className="muted">{t("common.loading")}</p>;
  return <RuleFormWith {...props} currency={currency} />;
}

function draftOf(rule: Rule | null, currency: string): Draft {
  if (!rule)
    return {
      name: "",
      level: "ad",
      window: "today",
      conditions: [{ metric: "cost_per_purchase", op: "gt", value: "30", currency }],
      min_spend: { amount: "20", currency },
      action: "pause",
      percent: "10",
      cooldown_minutes: 60,
    };
  return {
    name: rule.name,
    level: rule.level,
    window: rule.window,
    conditions: rule.conditions.map((c) =>
      typeof c.value === "object"
        ? { metric: c.metric, op: c.op, value: c.value.amount, currency: c.value.currency }
        : { metric: c.metric, op: c.op, value: c.value, currency },
    ),
    min_spend: { ...rule.min_spend },
    action: rule.action.type,
    percent: rule.action.percent ?? "10",
    cooldown_minutes: rule.cooldown_minutes,
  };
}

function RuleFormWith({ rule, onDone, currency }: { rule: Rule | null; onDone: () => void; currency: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, currency));
  const save = useMutation({
    mutationFn: async () => {
      const body: Omit<RuleSpec, "enabled"> = {
        name: draft.name,
        level: draft.level,
        window: draft.window,
        conditions: draft.conditions.map((c) => ({
          metric: c.metric,
          op: c.op,
          value: isMoneyMetric(c.metric) ? { amount: c.value, currency: c.currency } : c.value,
        })),
        min_spend: draft.min_spend,
        action: { type: draft.action, percent: draft.action === "change_budget" ? draft.percent : null },
        cooldown_minutes: draft.cooldown_minutes,
      };
      return rule
        ? unwrap(await client.api.PATCH("/api/rules/{rule_id}", { params: { path: { rule_id: rule.id } }, body }))
        : unwrap(await client.api.POST("/api/rules", { body: { ...body, enabled: false } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["rules"] });
      onDone();
    },
  });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setCondition = (i: number, patch: Partial<Draft["conditions"][number]>) =>
    set({ conditions: draft.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form rule-form" onSubmit={submit} aria-label={rule ? t("rules.formEdit") : t("rules.formNew")}>
      <h2>{rule ? t("rules.headingEdit", { name: rule.name }) : t("rules.headingNew")}</h2>
      <label>
        {t("rules.name")}
        <input required value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <div className="row">
        <label>
          {t("rules.appliesTo")}
          <select value={draft.level} onChange={(e) => set({ level: e.target.value as Level })}>
            {LEVELS.map(([v]) => (
              <option key={v} value={v}>
                {levelWords(v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("rules.numbersOf")}
          <select value={draft.window} onChange={(e) => set({ window: e.target.value as Window })}>
            {WINDOWS.map((v) => (
              <option key={v} value={v}>
                {t(`window.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span aria-hidden="true">{t("rules.minSpend")}</span>
          <MoneyInput label={t("rules.minSpend")} currencyLabel={t("rules.minSpendCurrency")} value={draft.min_spend} onChange={(min_spend) => set({ min_spend })} />
        </div>
      </div>
      <fieldset>
        <legend>{t("rules.conditions")}</legend>
        {draft.conditions.map((c, i) => (
          <div className="row condition" key={i} data-testid="condition">
            <select aria-label={t("rules.conditionMetric", { n: i + 1 })} value={c.metric} onChange={(e) => setCondition(i, { metric: e.target.value })}>
              {SUMMED_METRIC_NAMES.map((m) => (
                <option key={m} value={m}>
                  {metricLabel(m)}
                </option>
              ))}
            </select>
            <select aria-label={t("rules.conditionOp", { n: i + 1 })} value={c.op} onChange={(e) => setCondition(i, { op: e.target.value as Op })}>
              {OPS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
            {isMoneyMetric(c.metric) ? (
              <MoneyInput
                label={t("rules.conditionValue", { n: i + 1 })}
                currencyLabel={t("rules.conditionCurrency", { n: i + 1 })}
                value={{ amount: c.value, currency: c.currency }}
                onChange={(v) => setCondition(i, { value: v.amount, currency: v.currency })}
              />
            ) : (
              <input aria-label={t("rules.conditionValue", { n: i + 1 })} inputMode="decimal" required value={c.value} onChange={(e) => setCondition(i, { value: e.target.value })} />
            )}
            {draft.conditions.length > 1 && (
              <button type="button" onClick={() => set({ conditions: draft.conditions.filter((_, j) => j !== i) })} aria-label={t("rules.removeCondition", { n: i + 1 })}>
                {t("common.remove")}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => set({ conditions: [...draft.conditions, { metric: "roas", op: "lt", value: "1", currency }] })}>
          {t("rules.addCondition")}
        </button>
      </fieldset>
      <div className="row">
        <label>
          {t("rules.then")}
          <select value={draft.action} onChange={(e) => set({ action: e.target.value as ActionType })}>
            {ACTIONS.map((v) => (
              <option key={v} value={v}>
                {t(`action.${v}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.action === "change_budget" && (
          <label>
            {t("rules.percent")}
            <input inputMode="decimal" required value={draft.percent} onChange={(e) => set({ percent: e.target.value })} />
          </label>
        )}
        <label>
          {t("rules.cooldown")}
          <input type="number" min={0} value={draft.cooldown_minutes} onChange={(e) => set({ cooldown_minutes: Number(e.target.value) })} />
        </label>
      </div>
      <div className="card-foot">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("rules.save")}
        </button>
        <button type="button" onClick={onDone}>
          {t("common.cancel")}
        </button>
        {save.isError && (
          <span className="error small" role="alert">
            {errorText(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}
