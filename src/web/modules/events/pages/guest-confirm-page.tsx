import { Alert, Button, Container, Paper, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GuestRegistrationConfirmed } from "../../../../contracts/events";
import { ApiError, post } from "../../../app/api";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { guestConfirmationApi, guestRegistrationPath } from "../api";
import { GuestRegistrationState } from "../components/registration-state";

/**
 * The link is single-use: it is posted once when the page opens (react-query keeps the answer, so a
 * re-render or a second mount never posts it again) and the page shows what it brought.
 */
function useGuestConfirmation(token: string) {
  return useQuery({
    queryKey: ["events-guest-confirmation", token],
    queryFn: () => post<GuestRegistrationConfirmed>(guestConfirmationApi(token)),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // Compared as text: the events codes join the shared list of error codes with the events server.
  const code: string | null = error instanceof ApiError ? error.code : null;
  const key =
    code === "eventGuestLinkUsed"
      ? "used"
      : code === "eventGuestLinkExpired"
        ? "expired"
        : error instanceof ApiError && error.status < 500
          ? "invalid"
          : null;
  return (
    <Stack gap="md">
      <PageHeader title={t(key ? `events.confirm.${key}Title` : "common.errorTitle")} />
      <Alert
        color={key === "used" ? "blue" : "red"}
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        data-testid="guest-confirm-failed"
      >
        <Text size="sm" c="var(--mantine-color-text)">
          {key ? t(`events.confirm.${key}Text`) : t("errors.internal")}
        </Text>
      </Alert>
      <Button component={Link} to="/" variant="subtle" w="fit-content" px={0}>
        {t("common.home")}
      </Button>
    </Stack>
  );
}

/** /termine/bestaetigen/:token: the guest's e-mailed link; a place, a waiting position, or why not. */
export function GuestConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirmation = useGuestConfirmation(token);
  if (confirmation.isPending) return <Loading />;
  return (
    <Container size={560} px={0} py={{ base: "xs", sm: "xl" }}>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        {confirmation.isError ? (
          <Failed error={confirmation.error} />
        ) : (
          <Stack gap="md" data-testid="guest-confirmed">
            <PageHeader
              title={t(
                confirmation.data.status === "waiting"
                  ? "events.confirm.waitingTitle"
                  : "events.confirm.confirmedTitle",
              )}
            />
            <GuestRegistrationState view={confirmation.data} />
            <Button
              component={Link}
              to={guestRegistrationPath(confirmation.data.manageToken)}
              variant="subtle"
              w="fit-content"
              px={0}
            >
              {t("events.confirm.manage")}
            </Button>
          </Stack>
        )}
      </Paper>
    </Container>
  );
}
