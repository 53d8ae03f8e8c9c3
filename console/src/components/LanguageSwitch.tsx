import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@pixecom/client";
import { client, errorText, queryClient } from "../api";
import { LOCALES, rememberLocale, setLocale, t, useLocale, type Locale } from "../i18n";

/** English / Tiếng Việt; signed in, the choice is saved for the user on the server. */
export function LanguageSwitch({ saveForUser = false }: { saveForUser?: boolean }) {
  const locale = useLocale();
  const save = useMutation({
    mutationFn: async (next: Locale) => unwrap(await client.api.PATCH("/api/preferences", { body: { locale: next } })),
    onSuccess: (prefs) => queryClient.setQueryData(["preferences"], prefs),
  });
  const change = (next: Locale) => {
    setLocale(next);
    rememberLocale(next);
    if (saveForUser) save.mutate(next);
  };
  return (
    <label className="language">
      <span className="sr-only">{t("nav.language")}</span>
      <select value={locale} onChange={(e) => change(e.target.value as Locale)} data-testid="language">
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      {save.isError && <span className="error small">{errorText(save.error)}</span>}
    </label>
  );
}
