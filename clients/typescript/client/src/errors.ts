import type { ApiError, ErrorCode } from "@pixecom/types";

/** Every failed API call rejects with this: switch on `code`, show `message`. */
export class PixecomApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field?: string;
  /** Seconds to wait before trying again (429, some 503), from the Retry-After header. */
  readonly retryAfter?: number;
  readonly details?: { field: string; message: string }[];

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    field?: string;
    retryAfter?: number;
    details?: { field: string; message: string }[];
  }) {
    super(init.message);
    this.name = "PixecomApiError";
    this.status = init.status;
    this.code = init.code;
    if (init.field !== undefined) this.field = init.field;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.details !== undefined) this.details = init.details;
  }

  /** The error of a response the API answered with a status >= 400. */
  static fromBody(status: number, body: unknown, headers?: Headers): PixecomApiError {
    const error = (body as Partial<ApiError> | null | undefined)?.error;
    const retry = Number.parseInt(headers?.get("Retry-After") ?? "", 10);
    return new PixecomApiError({
      status,
      code: error?.code ?? fallbackCode(status),
      message: error?.message ?? `HTTP ${status}`,
      ...(error?.field ? { field: error.field } : {}),
      ...(error?.details ? { details: error.details } : {}),
      ...(Number.isFinite(retry) ? { retryAfter: retry } : {}),
    });
  }

  static async fromResponse(response: Response): Promise<PixecomApiError> {
    const body: unknown = await response.json().catch(() => null);
    return PixecomApiError.fromBody(response.status, body, response.headers);
  }
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "too_many_requests";
  if (status >= 500) return status === 503 ? "unavailable" : "internal_error";
  return "http_error";
}

/**
 * The data of an openapi-fetch result, or a thrown PixecomApiError:
 * `const page = unwrap(await client.api.GET("/api/ads-manager/campaigns", { params: { query } }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw PixecomApiError.fromBody(result.response.status, result.error, result.response.headers);
}
