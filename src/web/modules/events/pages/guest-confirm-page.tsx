import { Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GuestRegistrationConfirmed } from "../../../../contracts/events";
import { GuestLinkPage, useGuestLinkConfirmation } from "../../../components/guest-link";
import { PageHeader } from "../../../components/page-header";
import { guestConfirmationApi, guestRegistrationPath } from "../api";
import { GuestRegistrationState } from "../components/registration-state";

/** /termine/bestaetigen/:token: the guest's e-mailed link; a place, a waiting position, or why not. */
export function GuestConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirmation = useGuestLinkConfirmation<GuestRegistrationConfirmed>(
    "events",
    guestConfirmationApi(token),
  );
  return (
    <GuestLinkPage
      result={confirmation}
      back={{ to: (slug) => `/o/${slug}/termine`, label: t("events.confirm.toDates") }}
    >
      {(result) => (
        <Stack gap="md" data-testid="guest-confirmed">
          <PageHeader
            title={t(
              result.status === "waiting" ? "events.confirm.waitingTitle" : "events.confirm.confirmedTitle",
            )}
          />
          <GuestRegistrationState view={result} />
          <Button
            component={Link}
            to={guestRegistrationPath(result.manageToken)}
            variant="subtle"
            w="fit-content"
            px={0}
          >
            {t("events.confirm.manage")}
          </Button>
        </Stack>
      )}
    </GuestLinkPage>
  );
}
