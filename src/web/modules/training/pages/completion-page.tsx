import { Anchor, Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  type IssueCertificatesBody,
  type IssueCertificatesResponse,
  type ParticipantResultDto,
  placeKinds,
  type RunResults,
} from "../../../../contracts/training-records";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { adminPath, STAFF_ROLES } from "../booking-api";
import {
  CertificateFacts,
  CertificatePdfLink,
  ReissueButton,
  RevokeButton,
} from "../components/records-certificate";
import { TEXT_COLOUR, useRecordsFormat } from "../components/records-format";
import { AssessmentForm, PracticeConfirmForm, PracticeForm } from "../components/records-results-forms";
import { recordsApi, recordsPaths, refreshRecords, useRunResults } from "../records-api";

type Course = RunResults["course"];
type OpenForm = { kind: "assessment" } | { kind: "practice" } | { kind: "confirm"; entryId: string } | null;

/** Who may get a certificate now: everything complete and none issued yet. */
const isReady = (p: ParticipantResultDto) => p.completion.isComplete && p.certificate === null;

function Completion({ participant }: { participant: ParticipantResultDto }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const { completion } = participant;
  if (completion.isComplete) {
    return (
      <Text size="sm" c={TEXT_COLOUR.good} fw={600} data-testid="completion-complete">
        {t("trainingRecords.web.results.complete", { date: format.day(completion.completedOn ?? "") })}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="completion-missing">
      <Text size="sm" fw={600}>
        {t("trainingRecords.web.results.missingTitle")}
      </Text>
      <List size="sm" spacing={2}>
        {completion.missing.map((item) => (
          <List.Item key={`${item.code}-${"placeKind" in item ? item.placeKind : ""}`}>
            {format.missing(item)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Assessments({ course, participant }: { course: Course; participant: ParticipantResultDto }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  if (course.assessments.length === 0) return null;
  return (
    <Stack gap={2}>
      <Title order={4} fz="sm">
        {t("trainingRecords.web.results.assessments")}
      </Title>
      {participant.assessments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("trainingRecords.web.results.noAssessments")}
        </Text>
      ) : (
        <List size="sm" spacing={2} data-testid="assessment-list">
          {participant.assessments.map((a) => (
            <List.Item key={a.id}>
              {t(
                a.passed
                  ? "trainingRecords.web.results.assessmentPassed"
                  : "trainingRecords.web.results.assessmentFailed",
                {
                  assessment: format.assessment(a.kind),
                  date: format.day(a.on),
                },
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Practice({
  slug,
  course,
  participant,
  onConfirm,
}: {
  slug: string;
  course: Course;
  participant: ParticipantResultDto;
  onConfirm: (entryId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const client = useQueryClient();
  // Only hours not yet confirmed can go: a confirmed entry is what the place signed.
  const remove = useMutation({
    mutationFn: (entryId: string) => del(recordsApi.practiceEntry(slug, course.id, entryId)),
    onSuccess: async () => {
      await refreshRecords(client, slug);
      notifySuccess(t("trainingRecords.web.results.practiceDeleted"));
    },
  });
  if (course.practiceHours.kita + course.practiceHours.dayCare === 0) return null;
  return (
    <Stack gap={2}>
      <Title order={4} fz="sm">
        {t("trainingRecords.web.results.practice")}
      </Title>
      <Text size="sm">
        {t("trainingRecords.web.results.practiceNeeded", {
          list: placeKinds
            .filter((kind) => course.practiceHours[kind] > 0)
            .map((kind) =>
              t(`trainingRecords.web.results.practiceNeed.${kind}`, {
                hours: format.hours(course.practiceHours[kind]),
              }),
            )
            .join(", "),
        })}
      </Text>
      {participant.practice.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("trainingRecords.web.results.noPractice")}
        </Text>
      ) : (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }} data-testid="practice-list">
          {participant.practice.map((entry) => (
            <Group component="li" key={entry.id} gap="xs" wrap="wrap">
              <Text size="sm">
                {[
                  `${format.place(entry.placeKind)}: ${entry.placeName}`,
                  format.period(entry.from, entry.to),
                  format.hours(entry.hours),
                ].join(" · ")}
              </Text>
              {entry.confirmedOn ? (
                <Text size="sm" c={TEXT_COLOUR.good}>
                  {t("trainingRecords.web.results.confirmedValue", {
                    date: format.day(entry.confirmedOn),
                    name: entry.confirmedBy ?? "",
                  })}
                </Text>
              ) : (
                <>
                  <Badge color="orange" variant="light" tt="none">
                    {t("trainingRecords.web.results.unconfirmed")}
                  </Badge>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => onConfirm(entry.id)}
                    data-testid="practice-confirm"
                  >
                    {t("trainingRecords.web.results.confirm")}
                  </Button>
                  <ConfirmButton
                    size="compact-sm"
                    variant="subtle"
                    c="red.9"
                    color="red.9"
                    title={t("trainingRecords.web.results.practiceDeleteTitle")}
                    message={t("trainingRecords.web.results.practiceDeleteText", {
                      place: entry.placeName,
                      hours: format.hours(entry.hours),
                    })}
                    confirmLabel={t("trainingRecords.web.results.practiceDelete")}
                    onConfirm={() => remove.mutateAsync(entry.id).catch(() => undefined)}
                    loading={remove.isPending}
                    data-testid="practice-delete"
                  >
                    {t("trainingRecords.web.results.practiceDelete")}
                  </ConfirmButton>
                </>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}

function ParticipantCard({
  slug,
  course,
  participant,
  isSelected,
  onSelect,
}: {
  slug: string;
  course: Course;
  participant: ParticipantResultDto;
  isSelected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const close = () => setOpenForm(null);
  const target = {
    slug,
    courseId: course.id,
    participantId: participant.participantId,
    participantName: participant.name,
  };
  const headingId = `participant-${participant.participantId}`;
  const certificate = participant.certificate;
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      aria-labelledby={headingId}
      data-testid="result-participant"
      data-participant={participant.name}
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          {isReady(participant) && (
            <Checkbox
              mt={4}
              checked={isSelected}
              onChange={(event) => onSelect(event.currentTarget.checked)}
              aria-label={t("trainingRecords.web.results.select", { name: participant.name })}
              data-testid="result-select"
            />
          )}
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={3} fz="md" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {participant.name}
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {participant.email}
            </Text>
          </Stack>
        </Group>
        <Completion participant={participant} />
        <Text size="sm" data-testid="result-attendance">
          {t("trainingRecords.web.results.attendance", {
            attended: format.number(participant.attendance.attendedUnits),
            planned: format.units(participant.attendance.plannedUnits),
            required: format.units(participant.attendance.requiredUnits),
          })}
        </Text>
        <Assessments course={course} participant={participant} />
        <Practice
          slug={slug}
          course={course}
          participant={participant}
          onConfirm={(entryId) => setOpenForm({ kind: "confirm", entryId })}
        />
        {openForm?.kind === "assessment" && (
          <AssessmentForm target={target} kinds={course.assessments} onDone={close} />
        )}
        {openForm?.kind === "practice" && <PracticeForm target={target} onDone={close} />}
        {openForm?.kind === "confirm" && (
          <PracticeConfirmForm target={target} entryId={openForm.entryId} onDone={close} />
        )}
        {openForm === null &&
          (course.assessments.length > 0 || course.practiceHours.kita + course.practiceHours.dayCare > 0) && (
            <Group gap="xs">
              {course.assessments.length > 0 && (
                <Button
                  variant="default"
                  size="sm"
                  onClick={() => setOpenForm({ kind: "assessment" })}
                  data-testid="assessment-add"
                >
                  {t("trainingRecords.web.results.addAssessment")}
                </Button>
              )}
              {course.practiceHours.kita + course.practiceHours.dayCare > 0 && (
                <Button
                  variant="default"
                  size="sm"
                  onClick={() => setOpenForm({ kind: "practice" })}
                  data-testid="practice-add"
                >
                  {t("trainingRecords.web.results.addPractice")}
                </Button>
              )}
            </Group>
          )}
        {certificate && (
          <Stack gap="xs" data-testid="result-certificate">
            <Title order={4} fz="sm">
              {t("trainingRecords.web.results.certificate")}
            </Title>
            {certificate.participantName !== participant.name && (
              <Text size="sm">
                {t("trainingRecords.web.results.printedName", { name: certificate.participantName })}
              </Text>
            )}
            <CertificateFacts certificate={certificate} />
            <Group gap="xs">
              <CertificatePdfLink href={recordsApi.pdf(slug, certificate.id)} title={participant.name} />
              <ReissueButton slug={slug} certificate={certificate} />
              <RevokeButton slug={slug} certificate={certificate} />
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function IssueSection({
  slug,
  results,
  selected,
  onIssued,
}: {
  slug: string;
  results: RunResults;
  selected: string[];
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const participants = results.participants;
  const complete = participants.filter((p) => p.completion.isComplete).length;
  const ready = participants.filter(isReady);
  const issue = useMutation({
    mutationFn: (body: IssueCertificatesBody) =>
      post<IssueCertificatesResponse>(recordsApi.issue(slug, results.course.id), body),
    onSuccess: async (outcome) => {
      await refreshRecords(client, slug);
      onIssued();
      notifySuccess(t("trainingRecords.web.results.issued", { count: outcome.issued.length }));
    },
  });
  return (
    <Section
      id="zertifikate"
      title={t("trainingRecords.web.results.issueTitle")}
      intro={t("trainingRecords.web.results.issueIntro")}
    >
      <Text data-testid="results-counts">
        {t("trainingRecords.web.results.counts", {
          count: participants.length,
          complete,
          ready: ready.length,
        })}
      </Text>
      <Group gap="xs">
        <ConfirmButton
          disabled={ready.length === 0}
          title={t("trainingRecords.web.results.issueAllTitle")}
          message={t("trainingRecords.web.results.issueAllText", { count: ready.length })}
          confirmLabel={t("trainingRecords.web.results.issueAllConfirm", { count: ready.length })}
          onConfirm={() => issue.mutateAsync({}).catch(() => undefined)}
          loading={issue.isPending}
          h="auto"
          mih={36}
          py={6}
          styles={{ label: { whiteSpace: "normal" } }}
          data-testid="results-issue-all"
        >
          {ready.length === 0
            ? t("trainingRecords.web.results.issueNone")
            : t("trainingRecords.web.results.issueAll", { count: ready.length })}
        </ConfirmButton>
        {selected.length > 0 && (
          <ConfirmButton
            variant="default"
            title={t("trainingRecords.web.results.issueSelectedTitle")}
            message={t("trainingRecords.web.results.issueSelectedText", { count: selected.length })}
            confirmLabel={t("trainingRecords.web.results.issueAllConfirm", { count: selected.length })}
            onConfirm={() => issue.mutateAsync({ participantIds: selected }).catch(() => undefined)}
            loading={issue.isPending}
            data-testid="results-issue-selected"
          >
            {t("trainingRecords.web.results.issueSelected", { count: selected.length })}
          </ConfirmButton>
        )}
      </Group>
      {issue.isError && <ErrorAlert error={issue.error} />}
    </Section>
  );
}

function ResultsView({ slug, results }: { slug: string; results: RunResults }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const [selected, setSelected] = useState<string[]>([]);
  const course = results.course;
  const readyIds = new Set(results.participants.filter(isReady).map((p) => p.participantId));
  // A participant who got her certificate meanwhile is no longer selectable.
  const selection = selected.filter((id) => readyIds.has(id));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("trainingRecords.web.results.title", { title: course.title })}
        description={t("trainingRecords.web.results.intro", {
          category: format.category(course.category),
          period: format.period(course.startsOn, course.endsOn),
          units: format.units(course.units),
          percent: course.minAttendancePercent,
        })}
        actions={
          <>
            <Button
              component={Link}
              to={recordsPaths.attendance(slug, course.id)}
              data-testid="results-to-attendance"
            >
              {t("trainingRecords.web.runs.attendance")}
            </Button>
            <Button component={Link} to={adminPath(slug, course.id)} variant="default">
              {t("trainingRecords.web.runs.manage")}
            </Button>
          </>
        }
      />
      <IssueSection slug={slug} results={results} selected={selection} onIssued={() => setSelected([])} />
      <Section id="teilnehmende" title={t("trainingRecords.web.results.participantsTitle")}>
        {results.participants.length === 0 ? (
          <Text>{t("trainingRecords.web.attendance.nobody")}</Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            data-testid="result-participants"
          >
            {results.participants.map((participant) => (
              <ParticipantCard
                key={participant.participantId}
                slug={slug}
                course={course}
                participant={participant}
                isSelected={selection.includes(participant.participantId)}
                onSelect={(isOn) =>
                  setSelected((current) =>
                    isOn
                      ? [...current, participant.participantId]
                      : current.filter((id) => id !== participant.participantId),
                  )
                }
              />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function Results({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const results = useRunResults(membership.slug, courseId);
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={recordsPaths.results(membership.slug)} size="sm" w="fit-content">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t("trainingRecords.web.runs.backStaff")}
        </Group>
      </Anchor>
      <QueryState query={results}>
        {(data) => <ResultsView slug={membership.slug} results={data} />}
      </QueryState>
    </Stack>
  );
}

/**
 * "fortbildungen/abschluesse/:courseId": who has completed a run and what the others still miss; assessments,
 * practice hours, and the certificates with their PDFs.
 */
export function CompletionPage() {
  return <OrgGuard roles={STAFF_ROLES}>{(membership) => <Results membership={membership} />}</OrgGuard>;
}
