import { Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import { del } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { orgApiPath } from "../api";

/**
 * Leaving an organisation, after a confirmation; used on the account page and on one's own entry in the
 * member list. The last admin is refused by the server with a message saying what to do first.
 */
export function LeaveOrganisationButton({
  membership,
  onLeft,
}: {
  membership: Pick<MyMembership, "slug" | "name"> & { kind?: MyMembership["kind"] };
  onLeft?: () => void;
}) {
  const { t } = useTranslation();
  // In an association one does not "leave the organisation" but ends one's membership.
  const texts = membership.kind === "association" ? "membership.leave" : "organisations.leave";
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const leave = useMutation({
    mutationFn: () => del(`${orgApiPath(membership.slug)}/me`),
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t(`${texts}.done`, { organisation: membership.name }));
      // Drop the organisation at once, so that no page (or /app's redirect) leads back into it.
      client.setQueryData<MyMembership[]>(["memberships"], (list) =>
        list?.filter((m) => m.slug !== membership.slug),
      );
      client.removeQueries({ queryKey: ["org", membership.slug] });
      onLeft?.();
      await client.invalidateQueries({ queryKey: ["memberships"] });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Stack gap="xs" align="flex-start">
      <ConfirmButton
        color="red"
        variant="outline"
        size="xs"
        title={t(`${texts}.title`, { organisation: membership.name })}
        message={t(`${texts}.confirm`, { organisation: membership.name })}
        confirmLabel={t(`${texts}.confirmButton`)}
        onConfirm={() => leave.mutateAsync().catch(() => undefined)}
        loading={leave.isPending}
        aria-label={t(`${texts}.buttonLabel`, { organisation: membership.name })}
        data-testid="leave-organisation"
      >
        {t(`${texts}.button`)}
      </ConfirmButton>
      <FormAlert message={error} />
    </Stack>
  );
}
