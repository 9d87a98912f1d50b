import { Alert, Anchor, Button, Container, Paper, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCalendarDown, IconCircleCheck, IconClock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GuestConfirmResponse } from "../../../../contracts/training";
import { ApiError, post } from "../../../app/api";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { publicCourseCalendarUrl } from "../booking-api";
import { useCourseFormat } from "../components/course-format";
import { SessionList } from "../components/course-sessions";

/**
 * The link is single-use: it is posted once when the page opens (react-query keeps the answer, so a
 * re-render or a second mount never posts it again) and the page shows what it brought.
 */
function useGuestConfirmation(token: string) {
  return useQuery({
    queryKey: ["training-guest-confirmation", token],
    queryFn: () =>
      post<GuestConfirmResponse>(`/api/public/training-guest-confirmations/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

function Confirmed({ result }: { result: GuestConfirmResponse }) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const isWaiting = result.status === "waiting";
  return (
    <Stack gap="md" data-testid="guest-confirmed">
      <PageHeader
        title={t(isWaiting ? "training.web.confirm.waitingTitle" : "training.web.confirm.confirmedTitle")}
        description={`${result.courseTitle} · ${format.period(result.startsOn, result.endsOn)}`}
      />
      <Alert
        color={isWaiting ? "yellow" : "teal"}
        variant="light"
        icon={isWaiting ? <IconClock aria-hidden /> : <IconCircleCheck aria-hidden />}
        role="status"
      >
        <Text size="sm" c="var(--mantine-color-text)" data-testid="guest-confirm-status">
          {isWaiting
            ? t("training.web.confirm.waitingText", {
                position: result.waitingPosition ?? "–",
                organisation: result.organisationName,
              })
            : t("training.web.confirm.confirmedText", { organisation: result.organisationName })}
        </Text>
      </Alert>
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
    </Stack>
  );
}

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  const slug = error instanceof ApiError ? error.details.organisationSlug : undefined;
  const organisationSlug = typeof slug === "string" ? slug : null;
  const key =
    code === "trainingGuestLinkUsed"
      ? "used"
      : code === "trainingGuestLinkExpired"
        ? "expired"
        : error instanceof ApiError && error.status < 500
          ? "invalid"
          : null;
  return (
    <Stack gap="md">
      <PageHeader title={t(key ? `training.web.confirm.${key}Title` : "common.errorTitle")} />
      <Alert
        color={key === "used" ? "blue" : "red"}
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        data-testid="guest-confirm-failed"
      >
        <Text size="sm" c="var(--mantine-color-text)">
          {key ? t(`training.web.confirm.${key}Text`) : t("errors.internal")}
        </Text>
      </Alert>
      {/* The API names the organisation where the link was known, so she finds its other dates. */}
      {organisationSlug ? (
        <Button component={Link} to={`/o/${organisationSlug}/fortbildungen`} w="fit-content">
          {t("training.web.mine.toCatalogue")}
        </Button>
      ) : (
        <Button component={Link} to="/" variant="subtle" w="fit-content" px={0}>
          {t("common.home")}
        </Button>
      )}
    </Stack>
  );
}

/** /fortbildung/bestaetigen/:token: the guest's e-mailed link; a place, a waiting position, or why not. */
export function GuestConfirmPage() {
  const { token = "" } = useParams();
  const confirmation = useGuestConfirmation(token);
  if (confirmation.isPending) return <Loading />;
  return (
    <Container size={560} px={0} py={{ base: "xs", sm: "xl" }}>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        {confirmation.isError ? (
          <Failed error={confirmation.error} />
        ) : (
          <Confirmed result={confirmation.data} />
        )}
      </Paper>
    </Container>
  );
}
