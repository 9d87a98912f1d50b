import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { AttendanceRunDto } from "../../../../contracts/training-records";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { adminPath, STAFF_ROLES } from "../booking-api";
import { TEXT_COLOUR, useRecordsFormat } from "../components/records-format";
import { recordsPaths, useAttendanceRuns } from "../records-api";

type Audience = "trainer" | "staff";

/** Runs with sessions to mark first, then by start, so the one she teaches today is on top. */
function sortRuns(runs: readonly AttendanceRunDto[]): AttendanceRunDto[] {
  return [...runs].sort(
    (a, b) =>
      Number(b.sessionsToRecord > 0) - Number(a.sessionsToRecord > 0) || a.startsOn.localeCompare(b.startsOn),
  );
}

function RunItem({ slug, run, audience }: { slug: string; run: AttendanceRunDto; audience: Audience }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const headingId = `run-${run.id}`;
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="records-run">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz="md" id={headingId} style={{ overflowWrap: "anywhere" }}>
            {audience === "staff" ? (
              <Anchor component={Link} to={recordsPaths.results(slug, run.id)}>
                {run.title}
              </Anchor>
            ) : (
              run.title
            )}
          </Title>
          {run.status !== "published" && (
            <Badge color={run.status === "cancelled" ? "red.9" : "gray.8"} variant="outline" tt="none">
              {t(`trainingRecords.web.runs.status.${run.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {[
            format.period(run.startsOn, run.endsOn),
            t("trainingRecords.web.runs.sessions", { count: run.sessionCount }),
            format.units(run.units),
            t("trainingRecords.web.runs.participants", { count: run.confirmedParticipants }),
          ].join(" · ")}
        </Text>
        <Text
          size="sm"
          fw={run.sessionsToRecord > 0 ? 600 : undefined}
          c={run.sessionsToRecord > 0 ? TEXT_COLOUR.warning : "dimmed"}
          data-testid="records-run-to-record"
        >
          {run.sessionsToRecord > 0
            ? t("trainingRecords.web.runs.toRecord", { count: run.sessionsToRecord })
            : t("trainingRecords.web.runs.nothingToRecord")}
        </Text>
        <Group gap="xs" mt={4}>
          <Button
            component={Link}
            to={recordsPaths.attendance(slug, run.id)}
            size="md"
            aria-label={`${t("trainingRecords.web.runs.attendance")}: ${run.title}`}
            data-testid="records-run-attendance"
          >
            {t("trainingRecords.web.runs.attendance")}
          </Button>
          {audience === "staff" && (
            <>
              <Button
                component={Link}
                to={recordsPaths.results(slug, run.id)}
                variant="default"
                size="md"
                aria-label={`${t("trainingRecords.web.runs.results")}: ${run.title}`}
                data-testid="records-run-results"
              >
                {t("trainingRecords.web.runs.results")}
              </Button>
              <Anchor component={Link} to={adminPath(slug, run.id)} size="sm">
                {t("trainingRecords.web.runs.manage")}
                <VisuallyHidden>{`: ${run.title}`}</VisuallyHidden>
              </Anchor>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function RunsView({ membership, audience }: { membership: MyMembership; audience: Audience }) {
  const { t } = useTranslation();
  const runs = useAttendanceRuns(membership.slug);
  return (
    <Stack gap="md" maw={900}>
      <PageHeader
        title={t(`trainingRecords.web.runs.title.${audience}`)}
        description={t(`trainingRecords.web.runs.intro.${audience}`)}
      />
      <QueryState query={runs}>
        {(data) =>
          data.length === 0 ? (
            <Text data-testid="records-runs-empty">{t(`trainingRecords.web.runs.empty.${audience}`)}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              data-testid="records-runs"
            >
              {sortRuns(data).map((run) => (
                <RunItem key={run.id} slug={membership.slug} run={run} audience={audience} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen/anwesenheit": the runs a trainer teaches ("Meine Kurse"), to mark attendance. */
export function TrainerRunsPage() {
  return (
    <OrgGuard roles={[...STAFF_ROLES, "trainer"]}>
      {(membership) => <RunsView membership={membership} audience="trainer" />}
    </OrgGuard>
  );
}

/** "fortbildungen/abschluesse": every run with attendance, completion and certificates, for staff. */
export function StaffRunsPage() {
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) => <RunsView membership={membership} audience="staff" />}
    </OrgGuard>
  );
}
