// The one client of the app, its query cache, and what happens when the session ends.
import { QueryClient } from "@tanstack/react-query";
import { createPixecomClient, PixecomApiError } from "@pixecom/client";
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

/** openapi-fetch answers `{ data, error }`: give the data, or throw the typed API error. */
export async function unwrap<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (error !== undefined) throw toApiError(error, response);
  return data as T;
}

function toApiError(error: unknown, response: Response): PixecomApiError {
  if (error instanceof PixecomApiError) return error;
  const detail = (error as { error?: { code?: string; message?: string; field?: string } })?.error ?? {};
  const retryAfter = response.headers.get("Retry-After");
  return new PixecomApiError(
    response.status,
    detail.code ?? "unknown",
    detail.message ?? response.statusText,
    detail.field,
    retryAfter ? Number(retryAfter) : undefined,
  );
}

export function errorText(error: unknown): string {
  if (error instanceof PixecomApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
