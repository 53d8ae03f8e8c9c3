const LABELS: Record<string, string> = {
  ACTIVE: "Active",
  INACTIVE: "Inactive",
  LEARNING: "Learning",
  LIMITED: "Learning limited",
  ERROR: "Error",
  NOT_DELIVERING: "Not delivering",
  PAUSED: "Paused",
  ARCHIVED: "Archived",
  DELETED: "Deleted",
  NEEDS_REAUTH: "Needs re-auth",
  DISABLED: "Disabled",
  THROTTLED: "Throttled",
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  partially_failed: "Partly failed",
  failed: "Failed",
};

export const statusLabel = (value: string) => LABELS[value] ?? value;

/** A coloured pill; the colour comes from the value (see .badge-* in styles.css). */
export function Badge({ value, title }: { value: string; title?: string }) {
  return (
    <span className={`badge badge-${value.toLowerCase()}`} data-value={value} title={title}>
      {statusLabel(value)}
    </span>
  );
}
