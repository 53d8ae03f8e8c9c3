// The paging of a keyset-paged list (the Ads Manager levels, the creatives): the page size, and
// previous / next through the cursors the API hands out.
import { useState } from "react";
import { t } from "../i18n";

export const PAGE_SIZES = [25, 50, 100, 200] as const;
// A size from the URL (a link, a hand-edited address) shows as chosen, not as the first offered.
const sizes = (limit: number) => [...new Set<number>([...PAGE_SIZES, limit])].sort((a, b) => a - b);

/** A stack of cursors for this exact query (`queryKey`): a new query starts again at page 1. */
export function useCursorPages(queryKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: queryKey, cursors: [] });
  const cursors = paging.key === queryKey ? paging.cursors : [];
  return {
    /** The cursor of the page shown (none: the first page). */
    cursor: cursors[cursors.length - 1] as string | undefined,
    page: cursors.length + 1,
    previous: () => setPaging({ key: queryKey, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setPaging({ key: queryKey, cursors: [...cursors, cursor] }),
  };
}
export type CursorPages = ReturnType<typeof useCursorPages>;

/** Rows per page, then previous, the page's number and next (`nextCursor`: the page's `paging.next_cursor`). */
export function Pager({ pages, nextCursor, limit, onLimit }: { pages: CursorPages; nextCursor: string | null | undefined; limit: number; onLimit: (limit: number) => void }) {
  return (
    <div className="pager" data-testid="pager">
      <label className="small">
        {t("am.rowsPerPage")}{" "}
        <select value={limit} onChange={(e) => onLimit(Number(e.target.value))}>
          {sizes(limit).map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      <button type="button" disabled={pages.page === 1} onClick={pages.previous}>
        {t("am.previous")}
      </button>
      <span className="small">{t("am.page", { n: pages.page })}</span>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t("am.next")}
      </button>
    </div>
  );
}
