import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { unwrap } from "@pixecom/client";
import type { components } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { columnsFor, FALLBACK_COLUMN_NAMES, type Column } from "../columns";
import { t, type MessageKey } from "../i18n";
import { METRIC_NAMES, metricLabel, metricTitle } from "../metrics";
import { setStoreColumnsShown, useStoreColumnsShown } from "../storeColumns";

type Prefs = components["schemas"]["PreferencesOut"];

export function usePreferences() {
  return useQuery({ queryKey: ["preferences"], queryFn: async () => unwrap(await client.api.GET("/api/preferences")), staleTime: Infinity });
}

function usePresets() {
  return useQuery({
    queryKey: ["column-presets"],
    queryFn: async () => unwrap(await client.api.GET("/api/ads-manager/column-presets")),
    staleTime: Infinity,
  });
}

/** A preset's name in the chosen language (the API's label for a preset the console does not know). */
const presetLabel = (preset: { id: string; label: string }) => t(`columnPreset.${preset.id}` as MessageKey) ?? preset.label;

/** The Ads Manager's columns: the user's saved choice (on the server), else the default preset. */
export function useColumns(): Column[] {
  const prefs = usePreferences();
  const presets = usePresets();
  const saved = prefs.data?.ads_manager_columns;
  if (saved) return columnsFor(saved);
  const preset = presets.data?.data.find((p) => p.id === presets.data?.default);
  return columnsFor(preset ? preset.columns : FALLBACK_COLUMN_NAMES);
}

/** "Columns: …": a preset, or any metrics ticked one by one; saved for the user on the server.
 * With `store`, also the store's numbers as one group, shown or hidden (kept in this browser). */
export function ColumnChooser({ columns, store = false }: { columns: Column[]; store?: boolean }) {
  const storeShown = useStoreColumnsShown();
  const ref = useRef<HTMLDetailsElement>(null);
  const presets = usePresets();
  // The clicked choice at once (a controlled radio would otherwise show the old one until the
  // query cache's update re-renders, a moment after the click).
  const [clicked, setClicked] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: async (names: string[] | null) =>
      unwrap(await client.api.PATCH("/api/preferences", { body: { ads_manager_columns: names } })),
    // The table follows the click at once; the server's answer (or a refetch on error) settles it.
    onMutate: (names) => queryClient.setQueryData(["preferences"], (old: Prefs | undefined) => (old ? { ...old, ads_manager_columns: names } : old)),
    onSuccess: (prefs) => queryClient.setQueryData(["preferences"], prefs),
    onError: () => void queryClient.invalidateQueries({ queryKey: ["preferences"] }),
    onSettled: () => setClicked(null),
  });
  const choose = (names: string[]) => {
    setClicked(names);
    save.mutate(names);
  };
  const names = clicked ?? columns.map((c) => c.key as string);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const current = presets.data?.data.find((p) => same(p.columns, names));
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...names, name] : names.filter((n) => n !== name);
    if (next.length) choose(next);
  };
  return (
    <details className="multi columns-chooser" ref={ref} data-testid="column-chooser">
      <summary>
        <span className="muted">{t("columns.title")}</span> {current ? presetLabel(current) : t("columns.custom", { n: names.length })}
        {store && storeShown && ` + ${t("columns.store")}`}
      </summary>
      <div className="menu wide">
        <fieldset>
          <legend className="small muted">{t("columns.presets")}</legend>
          {presets.data?.data.map((p) => (
            <label key={p.id} title={p.description}>
              <input type="radio" name="column-preset" checked={current?.id === p.id} onChange={() => choose(p.columns)} />
              {presetLabel(p)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="small muted">{t("columns.metrics")}</legend>
          <div className="metric-grid">
            {METRIC_NAMES.map((name) => (
              <label key={name} title={metricTitle(name)}>
                <input type="checkbox" checked={names.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
                {metricLabel(name)}
              </label>
            ))}
          </div>
        </fieldset>
        {store && (
          <fieldset>
            <legend className="small muted">{t("columns.store")}</legend>
            <label title={t("columns.storeTitle")}>
              <input type="checkbox" checked={storeShown} onChange={(e) => setStoreColumnsShown(e.target.checked)} />
              {t("columns.storeShow")}
            </label>
          </fieldset>
        )}
        {save.isError && <span className="error small">{errorText(save.error)}</span>}
      </div>
    </details>
  );
}
