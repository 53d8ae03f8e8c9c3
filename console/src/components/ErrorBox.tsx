import { errorText } from "../api";
import { t } from "../i18n";

/** A failed load: what went wrong, and a way to try again. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="error-box" role="alert" data-testid="error-box">
      <span className="error">{errorText(error)}</span>
      <button type="button" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
