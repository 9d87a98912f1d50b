import { notifications } from "@mantine/notifications";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { i18next } from "../../app/i18n";

// The notification's close button has only an icon; it needs a name for screen readers.
const closeLabel = () => ({ "aria-label": i18next.t("common.close") });

interface SaveOptions<TVariables, TResult> {
  mutationFn: (variables: TVariables) => Promise<TResult>;
  /** Shown as a green notification once the server has accepted the change. */
  successMessage: string;
  /** Queries the change makes stale. */
  invalidate: QueryKey[];
  onSuccess?: (result: TResult, variables: TVariables) => void;
  /** Without it, the error's message is shown as a red notification. */
  onError?: (error: unknown) => void;
}

/** A change to the registry: one notification on success and every affected query refreshed. */
export function useSaveMutation<TVariables, TResult>(options: SaveOptions<TVariables, TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: async (result, variables) => {
      notifications.show({ color: "green", message: options.successMessage, closeButtonProps: closeLabel() });
      await Promise.all(options.invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      options.onSuccess?.(result, variables);
    },
    onError:
      options.onError ??
      ((error) =>
        notifications.show({
          color: "red",
          message: error instanceof Error ? error.message : String(error),
        })),
  });
}
