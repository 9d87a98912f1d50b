import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * A page's filters kept in the address, so that a reload, the back button or a shared link shows the same
 * list. The change is applied to the address as it is at that moment, not as it was when the page last
 * rendered: two quick choices (a kind, then a state) both stay. An empty value removes the parameter.
 */
export function useUrlFilters(): [
  URLSearchParams,
  (changes: Record<string, string>) => void,
  /** Every filter off. */
  () => void,
] {
  const [search, setSearch] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  const clear = useCallback(() => setSearch(new URLSearchParams(), { replace: true }), [setSearch]);
  return [search, update, clear];
}
