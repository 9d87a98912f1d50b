import { Badge, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttendanceInput, RegistrationList, StaffRegistration } from "../../../../contracts/events";
import { post, put } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { refreshEvents, registrationApi, registrationsApi, useEventPeople, useRegistrations } from "../api";
import { ReasonButton } from "./reason-button";

function Answers({ registration }: { registration: StaffRegistration }) {
  const { t } = useTranslation();
  if (registration.answers.length === 0) return null;
  return (
    <Box component="dl" m={0} fz="sm">
      {registration.answers.map((answer) => (
        <div key={answer.questionId}>
          <Box component="dt" fw={600} display="inline">
            {answer.label}:
          </Box>{" "}
          <Box component="dd" m={0} display="inline">
            {typeof answer.value === "boolean"
              ? t(answer.value ? "events.questions.yes" : "events.questions.no")
              : answer.value || "–"}
          </Box>
        </div>
      ))}
    </Box>
  );
}

/** One person: name, status, answers; for those with a place the attendance switch (big enough for a thumb). */
function Row({
  slug,
  eventId,
  registration,
  canTickAttendance,
}: {
  slug: string;
  eventId: string;
  registration: StaffRegistration;
  canTickAttendance: boolean;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const client = useQueryClient();
  const attendance = useMutation({
    mutationFn: (body: AttendanceInput) =>
      put<StaffRegistration>(`${registrationApi(slug, eventId, registration.id)}/attendance`, body),
    onSuccess: () => refreshEvents(client, slug),
  });
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      post<StaffRegistration>(`${registrationApi(slug, eventId, registration.id)}/cancel`, { reason }),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.registrations.cancelDone", { name: registration.name }));
    },
  });
  const attended = attendance.isPending ? (attendance.variables?.attended ?? null) : registration.attended;
  return (
    <Paper component="li" withBorder p="sm" data-testid="registration-row">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {registration.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              <a
                href={`mailto:${registration.email}`}
                aria-label={t("events.registrations.email", { name: registration.name })}
              >
                {registration.email}
              </a>
            </Text>
          </Stack>
          <Group gap={4}>
            {registration.isGuest && (
              <Badge variant="outline" tt="none" color="gray">
                {t("events.registrations.guest")}
              </Badge>
            )}
            {registration.status === "waiting" && (
              <Badge variant="light" color="yellow" tt="none">
                {t("events.status.waiting", { position: registration.waitingPosition ?? "–" })}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t("events.registrations.registeredAt", { date: formatDateTime(registration.registeredAt) })}
        </Text>
        <Answers registration={registration} />
        {(attendance.error ?? cancel.error) && <ErrorAlert error={attendance.error ?? cancel.error} />}
        <Group gap="xs" justify="space-between">
          {canTickAttendance && registration.status === "confirmed" && (
            <SegmentedControl
              size="md"
              aria-label={t("events.registrations.attendanceOf", { name: registration.name })}
              value={attended === null ? "open" : attended ? "yes" : "no"}
              onChange={(value) => attendance.mutate({ attended: value === "open" ? null : value === "yes" })}
              data={[
                { value: "yes", label: t("events.registrations.attended") },
                { value: "no", label: t("events.registrations.absent") },
                { value: "open", label: t("events.registrations.open") },
              ]}
              data-testid="attendance"
            />
          )}
          <ReasonButton
            size="compact-sm"
            title={t("events.registrations.cancelTitle", { name: registration.name })}
            message={t("events.registrations.cancelText")}
            reasonLabel={t("events.registrations.cancelReason")}
            confirmLabel={t("events.registrations.cancel")}
            onConfirm={(reason) => cancel.mutateAsync(reason)}
            loading={cancel.isPending}
            error={cancel.error}
          >
            {t("events.registrations.cancel")}
          </ReasonButton>
        </Group>
      </Stack>
    </Paper>
  );
}

function RegistrationGroup({
  title,
  items,
  children,
}: {
  title: string;
  items: readonly StaffRegistration[];
  children: (r: StaffRegistration) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={700} component="h3" m={0} fz="md">
        {title} ({items.length})
      </Text>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
        {items.map((r) => children(r))}
      </Stack>
    </Stack>
  );
}

/** Staff put a member on the list by hand: she called, or she stands at the door. */
function AddMember({ slug, eventId }: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const people = useEventPeople(slug);
  const [userId, setUserId] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (id: string) => post<StaffRegistration>(registrationsApi(slug, eventId), { userId: id }),
    onSuccess: async (created) => {
      await refreshEvents(client, slug);
      setUserId(null);
      notifySuccess(
        created.status === "waiting"
          ? t("events.registrations.addedWaiting", { name: created.name })
          : t("events.registrations.added", { name: created.name }),
      );
    },
  });
  // Someone already on the list is refused by the server with her name in the message.
  const choices = (people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.name }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) add.mutate(userId);
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("events.registrations.addMember")}
          placeholder={t("events.registrations.addMemberPlaceholder")}
          data={choices}
          value={userId}
          onChange={setUserId}
          searchable
          nothingFoundMessage={t("events.registrations.addMemberNone")}
          miw={240}
          comboboxProps={{ withinPortal: true }}
          data-testid="add-member"
        />
        <Button type="submit" variant="light" disabled={!userId} loading={add.isPending}>
          {t("events.registrations.add")}
        </Button>
      </Group>
      {add.error && <ErrorAlert error={add.error} />}
    </form>
  );
}

/**
 * The registrations of one date for staff and organisers: who has a place (with the attendance switch once
 * the date has begun), who waits in which order, and who gave the place back.
 */
export function RegistrationsSection({ slug, eventId }: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  const registrations = useRegistrations(slug, eventId);
  return (
    <QueryState query={registrations}>
      {(data: RegistrationList) => {
        const confirmed = data.items.filter((r) => r.status === "confirmed");
        const waiting = data.items
          .filter((r) => r.status === "waiting")
          .sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
        const cancelled = data.items.filter((r) => r.status === "cancelled");
        const attendedCount = confirmed.filter((r) => r.attended === true).length;
        const hasBegun = new Date(data.event.startsAt).getTime() <= Date.now() + 60 * 60 * 1000;
        const row = (r: StaffRegistration) => (
          <Row key={r.id} slug={slug} eventId={eventId} registration={r} canTickAttendance={hasBegun} />
        );
        return (
          <Section
            id="anmeldungen"
            title={t("events.registrations.title")}
            intro={
              <>
                {t("events.registrations.intro", { confirmed: confirmed.length, waiting: waiting.length })}
                {hasBegun && confirmed.length > 0 && (
                  <>
                    {" "}
                    {t("events.registrations.attendanceIntro")}{" "}
                    {t("events.registrations.attendanceCount", {
                      attended: attendedCount,
                      count: confirmed.length,
                    })}
                  </>
                )}
              </>
            }
          >
            <Stack gap="md" data-testid="registrations">
              {data.items.length === 0 && <Text>{t("events.registrations.none")}</Text>}
              {data.event.status !== "cancelled" && <AddMember slug={slug} eventId={eventId} />}
              {data.items.length > 0 && (
                <Button
                  component="a"
                  href={`${registrationsApi(slug, eventId)}.csv`}
                  download
                  variant="default"
                  w="fit-content"
                  leftSection={<IconDownload size={16} aria-hidden="true" />}
                  data-testid="registrations-csv"
                >
                  {t("events.registrations.download")}
                </Button>
              )}
              <RegistrationGroup title={t("events.registrations.confirmed")} items={confirmed}>
                {row}
              </RegistrationGroup>
              <RegistrationGroup title={t("events.registrations.waiting")} items={waiting}>
                {row}
              </RegistrationGroup>
              {cancelled.length > 0 && (
                <Stack gap="xs">
                  <Text fw={700} component="h3" m={0} fz="md">
                    {t("events.registrations.cancelled")} ({cancelled.length})
                  </Text>
                  <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
                    {cancelled.map((r) => (
                      <Text component="li" key={r.id} size="sm" c="dimmed">
                        {r.name}
                      </Text>
                    ))}
                  </Stack>
                </Stack>
              )}
            </Stack>
          </Section>
        );
      }}
    </QueryState>
  );
}
