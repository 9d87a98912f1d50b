import { Alert, Anchor, Box, Button, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconChecks } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { AttendanceSheet, SessionAttendanceBody } from "../../../../contracts/training-records";
import { validateAttendance } from "../../../../core/training/attendance";
import { ApiError, put } from "../../../app/api";
import { hasAnyRole } from "../../../app/session";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { STAFF_ROLES } from "../booking-api";
import { AttendanceRow } from "../components/records-attendance-row";
import { TEXT_COLOUR, useRecordsFormat } from "../components/records-format";
import {
  type AttendanceMark,
  defaultSession,
  fieldErrorsByParticipant,
  isSessionRecorded,
  type Marks,
  markRestPresent,
  savedMarks,
} from "../components/records-sheet";
import { recordsApi, recordsKeys, recordsPaths, useAttendanceSheet } from "../records-api";

type FieldErrors = Record<string, { lateUnits?: string; earlyLeaveUnits?: string; status?: string }>;

function AttendanceForm({ slug, sheet }: { slug: string; sheet: AttendanceSheet }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const client = useQueryClient();
  const [sessionId, setSessionId] = useState(() => defaultSession(sheet)?.id ?? "");
  // Unsaved marks per session: switching to another session and back keeps what she ticked.
  const [drafts, setDrafts] = useState<Record<string, Marks>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const session = sheet.sessions.find((s) => s.id === sessionId);
  const saved = useMemo(() => savedMarks(sheet, sessionId), [sheet, sessionId]);
  const draft = drafts[sessionId] ?? {};
  const isDirty = Object.keys(draft).length > 0;
  const marks: Marks = { ...saved, ...draft };
  const unmarked = sheet.participants.filter((p) => !marks[p.participantId]);

  // The rules of core/training checked at once, so a wrong figure shows at the field before saving.
  const localErrors: FieldErrors = {};
  if (session) {
    for (const [participantId, mark] of Object.entries(marks)) {
      for (const problem of validateAttendance(session, { sessionId, participantId, ...mark })) {
        localErrors[participantId] = {
          ...localErrors[participantId],
          [problem.field]:
            problem.code === "lostUnitsExceedSession"
              ? t("trainingRecords.web.attendance.lostTooMuch", { units: format.units(session.units) })
              : t("trainingRecords.web.attendance.lostInvalid"),
        };
      }
    }
  }
  const hasLocalErrors = Object.keys(localErrors).length > 0;

  const setMark = (participantId: string, mark: AttendanceMark) => {
    setServerErrors((errors) => ({ ...errors, [participantId]: {} }));
    setDrafts((all) => ({ ...all, [sessionId]: { ...all[sessionId], [participantId]: mark } }));
  };
  const markAllPresent = () => {
    setDrafts((all) => ({
      ...all,
      [sessionId]: markRestPresent(
        unmarked.map((p) => p.participantId),
        all[sessionId] ?? {},
      ),
    }));
  };

  const save = useMutation({
    mutationFn: (body: SessionAttendanceBody) =>
      put<AttendanceSheet>(recordsApi.session(slug, sheet.course.id, sessionId), body),
    onMutate: () => setServerErrors({}),
    onSuccess: async (updated) => {
      // The answer is the whole list with the new figures: shown at once, together with the dropped draft.
      client.setQueryData(recordsKeys.sheet(slug, sheet.course.id), updated);
      setDrafts((all) => {
        const { [sessionId]: _saved, ...rest } = all;
        return rest;
      });
      await client.invalidateQueries({
        queryKey: recordsKeys.all(slug),
        predicate: (query) => query.queryKey[2] !== "sheet",
      });
      notifySuccess(t("trainingRecords.web.attendance.saved"));
    },
    onError: (error, body) => {
      // Field paths name the list index ("records.3.lateUnits"): they go back to that participant's field.
      if (error instanceof ApiError) setServerErrors(fieldErrorsByParticipant(error.fields, body.records));
    },
  });
  const submit = () => {
    const records = sheet.participants
      .filter((p) => marks[p.participantId])
      .map((p) => ({ participantId: p.participantId, ...(marks[p.participantId] as AttendanceMark) }));
    if (records.length > 0) save.mutate({ records });
  };

  if (sheet.sessions.length === 0) return <Text>{t("trainingRecords.web.attendance.noSessions")}</Text>;
  const isFuture = session?.isFuture ?? true;
  return (
    <Stack gap="md">
      <NativeSelect
        label={t("trainingRecords.web.attendance.session")}
        value={sessionId}
        onChange={(event) => {
          setSessionId(event.currentTarget.value);
          save.reset();
        }}
        data={sheet.sessions.map((s) => ({
          value: s.id,
          label: [
            `${format.sessionDay(s.date)}, ${s.from}–${s.to}`,
            format.units(s.units),
            s.isFuture
              ? t("trainingRecords.web.attendance.sessionFuture")
              : isSessionRecorded(sheet, s.id)
                ? t("trainingRecords.web.attendance.sessionDone")
                : t("trainingRecords.web.attendance.sessionOpen"),
          ].join(" · "),
        }))}
        size="md"
        data-testid="attendance-session"
      />
      {session?.place && (
        <Text size="sm" c="dimmed" mt={-8}>
          {session.place}
        </Text>
      )}
      {sheet.participants.length === 0 ? (
        <Text data-testid="attendance-nobody">{t("trainingRecords.web.attendance.nobody")}</Text>
      ) : isFuture ? (
        <Alert color="blue" role="status" data-testid="attendance-future">
          {t("trainingRecords.web.attendance.futureText")}
        </Alert>
      ) : (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite" data-testid="attendance-open-count">
              {unmarked.length === 0
                ? t("trainingRecords.web.attendance.allMarked", { count: sheet.participants.length })
                : t("trainingRecords.web.attendance.openCount", {
                    count: unmarked.length,
                    total: sheet.participants.length,
                  })}
            </Text>
            <Button
              variant="light"
              color="green"
              size="md"
              leftSection={<IconChecks size={20} aria-hidden="true" />}
              onClick={markAllPresent}
              disabled={unmarked.length === 0}
              data-testid="attendance-all-present"
            >
              {unmarked.length === 0 || unmarked.length === sheet.participants.length
                ? t("trainingRecords.web.attendance.allPresent")
                : t("trainingRecords.web.attendance.othersPresent")}
            </Button>
          </Group>
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            data-testid="attendance-list"
          >
            {sheet.participants.map((participant) => (
              <AttendanceRow
                key={`${sessionId}-${participant.participantId}`}
                participant={participant}
                sessionUnits={session?.units ?? 0}
                mark={marks[participant.participantId] ?? null}
                onChange={(mark) => setMark(participant.participantId, mark)}
                errors={{
                  ...serverErrors[participant.participantId],
                  ...localErrors[participant.participantId],
                }}
                isReadOnly={false}
              />
            ))}
          </Stack>
          {save.isError && !(save.error instanceof ApiError && save.error.fields.length > 0) && (
            <ErrorAlert error={save.error} />
          )}
          {/* The button stays in reach of the thumb at the bottom of the phone while the list scrolls. */}
          <Paper
            withBorder
            p="sm"
            shadow="sm"
            style={{ position: "sticky", bottom: 8, zIndex: 2 }}
            data-testid="attendance-save-bar"
          >
            <Stack gap={4}>
              {isDirty && (
                <Text size="sm" fw={600} c={TEXT_COLOUR.warning} data-testid="attendance-unsaved">
                  {t("trainingRecords.web.attendance.unsaved")}
                </Text>
              )}
              <Button
                size="md"
                fullWidth
                onClick={submit}
                loading={save.isPending}
                disabled={!isDirty || hasLocalErrors}
                data-testid="attendance-save"
              >
                {t("trainingRecords.web.attendance.save")}
              </Button>
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function AttendanceView({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const { courseId = "" } = useParams();
  const slug = membership.slug;
  const sheet = useAttendanceSheet(slug, courseId);
  const isStaff = hasAnyRole(membership, STAFF_ROLES);
  return (
    <Stack gap="md" maw={720}>
      <Anchor
        component={Link}
        to={isStaff ? recordsPaths.results(slug) : recordsPaths.myCourses(slug)}
        size="sm"
        w="fit-content"
      >
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden="true" />
          {isStaff ? t("trainingRecords.web.runs.backStaff") : t("trainingRecords.web.runs.backTrainer")}
        </Group>
      </Anchor>
      <QueryState query={sheet}>
        {(data) => (
          <Box>
            <PageHeader
              title={t("trainingRecords.web.attendance.title", { title: data.course.title })}
              description={t("trainingRecords.web.attendance.intro", {
                period: format.period(data.course.startsOn, data.course.endsOn),
                units: format.units(data.course.units),
                percent: data.course.minAttendancePercent,
              })}
              actions={
                isStaff ? (
                  <Button
                    component={Link}
                    to={recordsPaths.results(slug, data.course.id)}
                    variant="default"
                    data-testid="attendance-to-results"
                  >
                    {t("trainingRecords.web.runs.results")}
                  </Button>
                ) : undefined
              }
            />
            <AttendanceForm key={data.course.id} slug={slug} sheet={data} />
          </Box>
        )}
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen/anwesenheit/:courseId": the attendance list of a run, one session at a time, on the phone. */
export function AttendancePage() {
  return (
    <OrgGuard roles={[...STAFF_ROLES, "trainer"]}>
      {(membership) => <AttendanceView membership={membership} />}
    </OrgGuard>
  );
}
