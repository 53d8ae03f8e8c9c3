// The one client of the app, its query cache, and what happens when the session ends.
import { QueryClient } from "@tanstack/react-query";
import { createPixecomClient, PixecomApiError } from "@pixecom/client";
import { errorWords } from "./i18n";
import { currentHref, loginHref, navigate } from "./router";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not change on retry; network and 5xx get two more tries.
      retry: (count, error) => !(error instanceof PixecomApiError && error.status < 500) && count < 2,
    },
  },
});

export const client = createPixecomClient({
  baseUrl: "",
  onSessionExpired: () => {
    // The session could not be renewed: back to login, coming back here after it.
    queryClient.clear();
    if (!window.location.pathname.startsWith("/login")) navigate(loginHref(currentHref()), { replace: true });
  },
});

/** What went wrong, in the chosen language: chosen by the API's stable error code (invalid_input
 * adds the API's detail, which names the field). */
export function errorText(error: unknown): string {
  if (error instanceof PixecomApiError) {
    const words = errorWords(error.code);
    if (!words) return error.message;
    return error.code === "invalid_input" ? `${words} ${error.message}` : words;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A list page. The console asks for no `breakdown`, so a list answers 200 with its rows; the 202
 * ("Meta is computing the breakdown") only ever answers a request with `breakdown=`. */
export function listPage<T extends object>(body: T): Exclude<T, { jobs: unknown }> {
  if ("jobs" in body) throw new Error("a breakdown is still being computed");
  return body as Exclude<T, { jobs: unknown }>;
}
