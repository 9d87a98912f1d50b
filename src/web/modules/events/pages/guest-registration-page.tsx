import { Container, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { GuestRegistrationView } from "../../../../contracts/events";
import { post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { eventKeys, guestRegistrationApi, useGuestRegistration } from "../api";
import { GuestRegistrationState } from "../components/registration-state";

/** /termine/anmeldung/:token: the guest's own link from the confirmation mail — see the registration, or cancel it. */
export function GuestRegistrationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const client = useQueryClient();
  const registration = useGuestRegistration(token);
  const cancel = useMutation({
    mutationFn: () => post<GuestRegistrationView>(`${guestRegistrationApi(token)}/cancel`),
    onSuccess: (view) => {
      client.setQueryData(eventKeys.guestRegistration(token), view);
      notifySuccess(t("events.registration.cancelled"));
    },
  });
  return (
    <Container size={560} px={0} py={{ base: "xs", sm: "xl" }}>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        <PageHeader title={t("events.registration.title")} />
        <QueryState query={registration}>
          {(view) => (
            <Stack gap="md" data-testid="guest-registration">
              <Text>{t("events.registration.registeredAs", { name: view.name })}</Text>
              <GuestRegistrationState view={view} />
              {cancel.error && <ErrorAlert error={cancel.error} />}
              {view.status !== "cancelled" &&
                view.event.status !== "cancelled" &&
                (view.canCancel ? (
                  <ConfirmButton
                    variant="default"
                    color="red.9"
                    w="fit-content"
                    title={t("events.registration.cancelTitle")}
                    message={t("events.registration.cancelText")}
                    confirmLabel={t("events.registration.cancel")}
                    onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
                    loading={cancel.isPending}
                    data-testid="guest-cancel"
                  >
                    {t("events.registration.cancel")}
                  </ConfirmButton>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("events.registration.cannotCancel")}
                  </Text>
                ))}
            </Stack>
          )}
        </QueryState>
      </Paper>
    </Container>
  );
}
