import { Alert, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import type { Role } from "../../../../contracts/roles";
import type { TrainingReportDto } from "../../../../contracts/training-reports";
import { COURSE_CATEGORIES } from "../../../../core/training/catalogue";
import { get } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { DownloadButton, Num, numeric, ReportTable, useNumbers } from "../../../components/report-table";
import { Section } from "../../../components/section";
import { useUrlFilters } from "../../../components/url-filters";

/** Who reads the training reports (the server's `training.readReports`). */
const reportReaders: readonly Role[] = ["admin", "coordinator", "board", "youthOffice"];

const api = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/training/reports`;

function query(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The years a report can start in: from five years back to next year, newest first. */
function yearChoices(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => String(now + 1 - i));
}

function Summary({ report }: { report: TrainingReportDto }) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  const sum = (pick: (row: TrainingReportDto["years"][number]) => number) =>
    report.years.reduce((total, row) => total + pick(row), 0);
  const finished = sum((row) => row.finishedParticipants);
  const figures = [
    { key: "participants", value: number(sum((row) => row.participants)) },
    {
      key: "completionRate",
      value: finished > 0 ? percent(sum((row) => row.completed) / finished) : "–",
      hint: t("trainingReports.summary.completionHint"),
    },
    { key: "unitsTaught", value: number(sum((row) => row.unitsTaught)) },
    { key: "waitingNow", value: number(sum((row) => row.waitingNow)) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" data-testid="training-report-summary">
      {figures.map((figure) => (
        <div key={figure.key}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`trainingReports.summary.${figure.key}`)}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {figure.value}
          </Text>
          {figure.hint && (
            <Text component="dd" m={0} size="xs" c="dimmed">
              {figure.hint}
            </Text>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}

function YearsTable({ report }: { report: TrainingReportDto }) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  const c = (key: string) => t(`trainingReports.columns.${key}`);
  const numbers = ["runs", "participants", "cancellations", "unitsTaught", "unitsAttended"] as const;
  return (
    <ReportTable
      caption={t("trainingReports.tables.yearsHeading")}
      testId="training-report-years"
      minWidth={760}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{c("year")}</Table.Th>
          <Table.Th scope="col">{c("category")}</Table.Th>
          {numbers.map((key) => (
            <Table.Th key={key} scope="col" style={numeric}>
              {c(key)}
            </Table.Th>
          ))}
          <Table.Th scope="col" style={numeric}>
            {c("completed")}
          </Table.Th>
          <Table.Th scope="col" style={numeric}>
            {c("completionRate")}
          </Table.Th>
          <Table.Th scope="col" style={numeric}>
            {c("waitingNow")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.years.map((row) => (
          <Table.Tr key={`${row.year}-${row.category}`}>
            <Table.Th scope="row">{row.year}</Table.Th>
            <Table.Td>{t(`training.categories.${row.category}`)}</Table.Td>
            {numbers.map((key) => (
              <Num key={key}>{number(row[key])}</Num>
            ))}
            <Num>
              {row.completed} / {row.finishedParticipants}
            </Num>
            <Num>{percent(row.completionRate)}</Num>
            <Num>{row.waitingNow}</Num>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

function RunsTable({ report }: { report: TrainingReportDto }) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  const { formatDate: date } = useDateFormat();
  const c = (key: string) => t(`trainingReports.columns.${key}`);
  return (
    <ReportTable
      caption={t("trainingReports.tables.runsHeading")}
      testId="training-report-runs"
      minWidth={900}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{c("run")}</Table.Th>
          <Table.Th scope="col">{c("dates")}</Table.Th>
          <Table.Th scope="col">{c("status")}</Table.Th>
          {(["capacity", "participants", "waiting", "cancellations", "sessions", "unitsTaught"] as const).map(
            (key) => (
              <Table.Th key={key} scope="col" style={numeric}>
                {c(key)}
              </Table.Th>
            ),
          )}
          <Table.Th scope="col" style={numeric}>
            {c("attendanceRate")}
          </Table.Th>
          <Table.Th scope="col" style={numeric}>
            {c("completed")}
          </Table.Th>
          <Table.Th scope="col" style={numeric}>
            {c("completionRate")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.runs.map((row) => (
          <Table.Tr key={row.runId}>
            <Table.Th scope="row">
              {row.title}
              <Text size="xs" c="dimmed" fw={400}>
                {t(`training.categories.${row.category}`)}
              </Text>
            </Table.Th>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              {date(row.startsOn)} – {date(row.endsOn)}
            </Table.Td>
            <Table.Td>
              {t(
                `trainingReports.status.${row.isCancelled ? "cancelled" : row.isFinished ? "finished" : "open"}`,
              )}
            </Table.Td>
            <Num>{row.capacity}</Num>
            <Num>{row.participants}</Num>
            <Num>{row.waiting}</Num>
            <Num>{row.cancellations}</Num>
            <Num>
              {row.sessionsHeld} / {row.sessionsPlanned}
            </Num>
            <Num>{number(row.unitsTaught)}</Num>
            <Num>{percent(row.attendanceRate)}</Num>
            <Num>{row.completed}</Num>
            <Num>{percent(row.completionRate)}</Num>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

function CohortsTable({ report }: { report: TrainingReportDto }) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  const c = (key: string) => t(`trainingReports.columns.${key}`);
  return (
    <Stack gap="xs">
      <ReportTable
        caption={t("trainingReports.tables.cohortsHeading")}
        testId="training-report-cohorts"
        minWidth={820}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c("run")}</Table.Th>
            {(
              [
                "participants",
                "unitsTaughtOfPlanned",
                "medianUnitsAttended",
                "onTrack",
                "practiceHours",
                "assessmentsPassed",
                "completed",
              ] as const
            ).map((key) => (
              <Table.Th key={key} scope="col" style={numeric}>
                {c(key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.cohorts.map((row) => (
            <Table.Tr key={row.runId}>
              <Table.Th scope="row">
                {row.title}
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`training.categories.${row.category}`)}
                </Text>
              </Table.Th>
              <Num>{row.participants}</Num>
              <Num>
                {number(row.unitsTaughtSoFar)} / {number(row.unitsPlanned)}
              </Num>
              <Num>{number(row.medianUnitsAttended)}</Num>
              <Num>
                {row.onTrack} / {row.participants}
              </Num>
              <Num>
                {number(row.practiceHoursConfirmed)} / {number(row.practiceHoursRequired)}
              </Num>
              <Num>{row.assessmentsPassed}</Num>
              <Num>{row.completed}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
      <Text size="sm" c="dimmed">
        {t("trainingReports.onTrackHint")}
      </Text>
    </Stack>
  );
}

function Reports({ membership }: { membership: MyMembership }) {
  const { t, i18n } = useTranslation();
  const slug = membership.slug;
  const [search, updateSearch] = useUrlFilters();
  const params = {
    from: search.get("von") ?? "",
    to: search.get("bis") ?? "",
    category: search.get("kursart") ?? "",
  };
  const update = (key: "von" | "bis" | "kursart", value: string) => {
    updateSearch({ [key]: value });
  };
  const report = useQuery({
    queryKey: ["orgs", slug, "training", "reports", params],
    queryFn: () => get<TrainingReportDto>(`${api(slug)}${query(params)}`),
    placeholderData: keepPreviousData,
  });
  const file = (suffix: string) => `${api(slug)}${suffix}${query({ ...params, lang: i18n.language })}`;
  const years = yearChoices();
  const shown = report.data;

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t("trainingReports.title")} description={t("trainingReports.intro")} />
      <Group align="flex-end" gap="sm" role="search" aria-label={t("trainingReports.title")}>
        <NativeSelect
          label={t("trainingReports.filters.from")}
          value={params.from || String(shown?.from ?? "")}
          onChange={(e) => update("von", e.currentTarget.value)}
          data={years}
          style={{ flex: "0 1 140px" }}
          data-testid="training-report-from"
        />
        <NativeSelect
          label={t("trainingReports.filters.to")}
          value={params.to || String(shown?.to ?? "")}
          onChange={(e) => update("bis", e.currentTarget.value)}
          data={years}
          style={{ flex: "0 1 140px" }}
          data-testid="training-report-to"
        />
        <NativeSelect
          label={t("trainingReports.filters.category")}
          value={params.category}
          onChange={(e) => update("kursart", e.currentTarget.value)}
          data={[
            { value: "", label: t("trainingReports.filters.allCategories") },
            ...COURSE_CATEGORIES.map((code) => ({ value: code, label: t(`training.categories.${code}`) })),
          ]}
          style={{ flex: "1 1 220px" }}
          data-testid="training-report-category"
        />
      </Group>
      <Group gap="sm" role="group" aria-label={t("trainingReports.downloads.label")}>
        <DownloadButton
          href={file(".pdf")}
          label={t("trainingReports.downloads.pdf")}
          accessibleName={t("trainingReports.downloads.pdf")}
          testId="training-report-pdf"
        />
        {(["years", "runs", "cohorts"] as const).map((table) => (
          <DownloadButton
            key={table}
            href={file(`/${table}.csv`)}
            label={t(`trainingReports.downloads.${table}`)}
            accessibleName={t(`trainingReports.downloads.${table}`)}
            testId={`training-report-${table}-csv`}
          />
        ))}
      </Group>

      {report.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {shown && (
        <Stack
          gap="lg"
          aria-busy={report.isPlaceholderData}
          style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}
        >
          {shown.runs.length === 0 ? (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
              {t("trainingReports.empty")}
            </Alert>
          ) : (
            <>
              <Summary report={shown} />
              <Section id="jahre" title={t("trainingReports.tables.years")}>
                <YearsTable report={shown} />
              </Section>
              <Section id="kurse" title={t("trainingReports.tables.runs")}>
                <RunsTable report={shown} />
              </Section>
              {shown.cohorts.length > 0 && (
                <Section id="qhb" title={t("trainingReports.tables.cohorts")}>
                  <CohortsTable report={shown} />
                </Section>
              )}
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}

export function ReportsPage() {
  return <OrgGuard roles={reportReaders}>{(membership) => <Reports membership={membership} />}</OrgGuard>;
}
