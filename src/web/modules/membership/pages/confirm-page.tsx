import { Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ApplicationConfirmedResponse } from "../../../../contracts/membership";
import { post } from "../../../app/api";
import { GuestLinkConfirmed, GuestLinkFailure, GuestLinkFrame } from "../../../components/guest-link";
import { PageHeader } from "../../../components/page-header";

/**
 * /mitglied-werden/bestaetigen/:token: the link from the mail. Confirming takes a click, so that a mail
 * program that opens links to check them does not use up the single-use link.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirm = useMutation({
    mutationFn: () =>
      post<ApplicationConfirmedResponse>(`/api/membership-confirmations/${encodeURIComponent(token)}`),
  });
  return (
    <GuestLinkFrame>
      {confirm.data ? (
        <GuestLinkConfirmed
          testId="membership-confirmed"
          title={t("membership.confirm.doneTitle")}
          message={t("membership.confirm.done", { organisation: confirm.data.organisationName })}
        />
      ) : confirm.isError ? (
        <GuestLinkFailure error={confirm.error} />
      ) : (
        <Stack gap="md" align="flex-start">
          <PageHeader title={t("membership.confirm.title")} />
          <Text>{t("membership.confirm.text")}</Text>
          <Button
            size="md"
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
            data-testid="membership-confirm"
          >
            {t("membership.confirm.button")}
          </Button>
        </Stack>
      )}
    </GuestLinkFrame>
  );
}
