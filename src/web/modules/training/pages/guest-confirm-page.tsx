import { Anchor, Button } from "@mantine/core";
import { IconCalendarDown, IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GuestConfirmResponse } from "../../../../contracts/training";
import { GuestLinkConfirmed, GuestLinkPage, useGuestLinkConfirmation } from "../../../components/guest-link";
import { publicCourseCalendarUrl } from "../booking-api";
import { useCourseFormat } from "../components/course-format";
import { SessionList } from "../components/course-sessions";

function Confirmed({ result }: { result: GuestConfirmResponse }) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const isWaiting = result.status === "waiting";
  return (
    <GuestLinkConfirmed
      testId="guest-confirmed"
      messageTestId="guest-confirm-status"
      title={t(isWaiting ? "training.web.confirm.waitingTitle" : "training.web.confirm.confirmedTitle")}
      description={`${result.courseTitle} · ${format.period(result.startsOn, result.endsOn)}`}
      tone={isWaiting ? "waiting" : "done"}
      icon={isWaiting ? <IconClock aria-hidden /> : undefined}
      message={
        isWaiting
          ? t("training.web.confirm.waitingText", {
              position: result.waitingPosition ?? "–",
              organisation: result.organisationName,
            })
          : t("training.web.confirm.confirmedText", { organisation: result.organisationName })
      }
    >
      <SessionList sessions={result.sessions} />
      {!isWaiting && result.sessions.length > 0 && (
        <Button
          component="a"
          href={publicCourseCalendarUrl(result.organisationSlug, result.courseId)}
          download
          variant="default"
          w="fit-content"
          leftSection={<IconCalendarDown size={16} aria-hidden />}
        >
          {t("training.web.calendarFile")}
        </Button>
      )}
      <Anchor component={Link} to={`/o/${result.organisationSlug}/fortbildungen`}>
        {t("training.web.confirm.toCatalogue", { organisation: result.organisationName })}
      </Anchor>
    </GuestLinkConfirmed>
  );
}

/** /fortbildung/bestaetigen/:token: the guest's e-mailed link; a place, a waiting position, or why not. */
export function GuestConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirmation = useGuestLinkConfirmation<GuestConfirmResponse>(
    "training",
    `/api/public/training-guest-confirmations/${encodeURIComponent(token)}`,
  );
  return (
    <GuestLinkPage
      result={confirmation}
      back={{ to: (slug) => `/o/${slug}/fortbildungen`, label: t("training.web.mine.toCatalogue") }}
    >
      {(result) => <Confirmed result={result} />}
    </GuestLinkPage>
  );
}
