import { Alert, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { ageGroups } from "../../../../contracts/placement";
import type {
  DayStatsDto,
  DemandReportDto,
  FreeCapacityReportDto,
  FreeDayDto,
  PlacementTimesReportDto,
} from "../../../../contracts/placement-reports";
import type { Role } from "../../../../contracts/roles";
import { get } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat, useWeekdayNames } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import {
  Num,
  numeric,
  ReportTable,
  DownloadButton as SharedDownloadButton,
  useNumbers,
} from "../../../components/report-table";
import { Section } from "../../../components/section";
import { orgApi, placementKeys } from "../api";
import { formatMonth } from "../format";

/** Who reads the planning reports (the server's `placementReports.read`). */
const reportReaders: readonly Role[] = ["admin", "coordinator", "youthOffice"];

type ReportPath = "demand" | "placement-times" | "free-capacity";

function query(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * One report; the earlier figures stay on screen (dimmed) while a changed filter loads. Its key sits under
 * the organisation's placement keys, so a changed request or contract refreshes the reports with the rest.
 */
function useReport<T>(slug: string, path: ReportPath, params: Record<string, string>) {
  return useQuery({
    queryKey: [...placementKeys.all(slug), "reports", path, params],
    queryFn: () => get<T>(`${orgApi(slug)}/placement-reports/${path}${query(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** Today in the browser's calendar. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The next 1 August: most places turn over then, so it is the date offices plan for. */
function nextFirstOfAugust(today: string): string {
  const year = Number(today.slice(0, 4));
  return today < `${year}-08-01` ? `${year}-08-01` : `${year + 1}-08-01`;
}

function DownloadButton({ href, name, testId }: { href: string; name: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <SharedDownloadButton
      href={href}
      label={t("placementReports.download")}
      accessibleName={t("placementReports.downloadNamed", { name })}
      testId={testId}
    />
  );
}

function ReportState({ report }: { report: ReturnType<typeof useReport> }) {
  const { t } = useTranslation();
  if (report.isPending) return <Loader role="status" aria-label={t("placementReports.loading")} />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  return null;
}

// ---------------------------------------------------------------------------------------------------------

function DemandTables({ report }: { report: DemandReportDto }) {
  const { t, i18n } = useTranslation();
  const { number, percent } = useNumbers();
  const ageHeaders = ageGroups.map((group) => (
    <Table.Th key={group} scope="col" style={numeric}>
      {t(`placement.ageGroups.${group}`)}
    </Table.Th>
  ));
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {ageHeaders}
        <Table.Th scope="col" style={numeric}>
          {t("placementReports.demand.requests")}
        </Table.Th>
        <Table.Th scope="col" style={numeric}>
          {t("placementReports.demand.hours")}
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  const cells = (
    row: { byAgeGroup: Record<string, number>; requests: number; weeklyHours: number },
    isTotal = false,
  ) => (
    <>
      {ageGroups.map((group) => (
        <Num key={group} isTotal={isTotal}>
          {row.byAgeGroup[group]}
        </Num>
      ))}
      <Num isTotal>{row.requests}</Num>
      <Num isTotal={isTotal}>{number(row.weeklyHours)}</Num>
    </>
  );
  const totalRow = (
    <Table.Tfoot>
      <Table.Tr>
        <Table.Th scope="row">{t("placementReports.demand.total")}</Table.Th>
        {cells(report.total, true)}
      </Table.Tr>
    </Table.Tfoot>
  );

  return (
    <Stack gap="md">
      <Text aria-live="polite" data-testid="demand-summary">
        {report.total.requests === 0
          ? t("placementReports.demand.summaryEmpty")
          : t("placementReports.demand.summary", {
              requests: report.total.requests,
              hours: number(report.total.weeklyHours),
              share: percent(report.total.underOneShare),
            })}
      </Text>
      {report.total.requests > 0 && (
        <>
          <ReportTable
            caption={t("placementReports.demand.byMonthCaption")}
            testId="demand-by-month"
            minWidth={640}
          >
            {head(t("placementReports.demand.month"))}
            <Table.Tbody>
              {report.byStartMonth.map((row) => (
                <Table.Tr key={row.month}>
                  <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                    {formatMonth(row.month, i18n.language)}
                  </Table.Th>
                  {cells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {totalRow}
          </ReportTable>
          <ReportTable
            caption={t("placementReports.demand.byAreaCaption")}
            testId="demand-by-area"
            minWidth={640}
          >
            {head(t("placementReports.demand.area"))}
            <Table.Tbody>
              {report.byArea.map((row) => (
                <Table.Tr key={`${row.postalCode} ${row.town}`}>
                  <Table.Th scope="row">
                    {row.postalCode} {row.town}
                  </Table.Th>
                  {cells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {totalRow}
          </ReportTable>
        </>
      )}
    </Stack>
  );
}

function TimesTables({ report }: { report: PlacementTimesReportDto }) {
  const { t, i18n } = useTranslation();
  const { number } = useNumbers();
  const k = (key: string) => t(`placementReports.times.${key}`);
  const statHeaders = [
    "placements",
    "toContractMedian",
    "toContractP90",
    "toContractMean",
    "toStartMedian",
    "toStartP90",
    "toStartMean",
  ];
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {statHeaders.map((key) => (
          <Table.Th key={key} scope="col" style={numeric}>
            {k(key)}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  const stats = (s: DayStatsDto, isTotal: boolean) => (
    <>
      <Num isTotal={isTotal}>{number(s.median)}</Num>
      <Num isTotal={isTotal}>{number(s.p90)}</Num>
      <Num isTotal={isTotal}>{number(s.mean)}</Num>
    </>
  );
  const figures = (
    row: { placements: number; toContract: DayStatsDto; toStart: DayStatsDto },
    isTotal = false,
  ) => (
    <>
      <Num isTotal={isTotal}>{row.placements}</Num>
      {stats(row.toContract, isTotal)}
      {stats(row.toStart, isTotal)}
    </>
  );
  const totalRow = (
    <Table.Tfoot>
      <Table.Tr>
        <Table.Th scope="row">{k("total")}</Table.Th>
        {figures(report.total, true)}
      </Table.Tr>
    </Table.Tfoot>
  );
  const { waiting } = report;

  return (
    <Stack gap="md">
      <Text aria-live="polite" data-testid="times-summary">
        {report.total.placements === 0
          ? k("summaryEmpty")
          : t("placementReports.times.summary", {
              count: report.total.placements,
              median: number(report.total.toContract.median),
              toStart: number(report.total.toStart.median),
            })}
      </Text>
      {report.total.placements > 0 && (
        <>
          <ReportTable caption={k("byMonthCaption")} testId="times-by-month" minWidth={760}>
            {head(k("month"))}
            <Table.Tbody>
              {report.byContractMonth.map((row) => (
                <Table.Tr key={row.month}>
                  <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                    {formatMonth(row.month, i18n.language)}
                  </Table.Th>
                  {figures(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {totalRow}
          </ReportTable>
          <ReportTable caption={k("byAgeCaption")} testId="times-by-age" minWidth={760}>
            {head(k("ageGroup"))}
            <Table.Tbody>
              {report.byAgeGroup.map((row) => (
                <Table.Tr key={row.ageGroup}>
                  <Table.Th scope="row">{t(`placement.ageGroups.${row.ageGroup}`)}</Table.Th>
                  {figures(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {totalRow}
          </ReportTable>
          <Text size="sm" c="dimmed">
            {k("explain")}
          </Text>
        </>
      )}
      <ReportTable caption={k("waitingCaption")} testId="times-waiting" minWidth={360}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{k("ageGroup")}</Table.Th>
            <Table.Th scope="col" style={numeric}>
              {k("waiting")}
            </Table.Th>
            <Table.Th scope="col" style={numeric}>
              {k("waitingMedian")}
            </Table.Th>
            <Table.Th scope="col" style={numeric}>
              {k("longest")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {waiting.byAgeGroup.map((row) => (
            <Table.Tr key={row.ageGroup}>
              <Table.Th scope="row">{t(`placement.ageGroups.${row.ageGroup}`)}</Table.Th>
              <Num>{row.waiting}</Num>
              <Num>{number(row.medianDays)}</Num>
              <Num>{number(row.longestDays)}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{k("total")}</Table.Th>
            <Num isTotal>{waiting.waiting}</Num>
            <Num isTotal>{number(waiting.medianDays)}</Num>
            <Num isTotal>{number(waiting.longestDays)}</Num>
          </Table.Tr>
        </Table.Tfoot>
      </ReportTable>
    </Stack>
  );
}

function CapacityTable({ report }: { report: FreeCapacityReportDto }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { number } = useNumbers();
  const k = (key: string) => t(`placementReports.capacity.${key}`);
  const { weekdays } = useWeekdayNames();
  const date = formatDate(report.date);
  const metrics = ["freeAllDay", "freeAtMost", "hours"] as const;
  const dayCells = (days: FreeDayDto[], isTotal = false) =>
    report.weekdays.map((weekday) => {
      const day = days.find((d) => d.weekday === weekday);
      return (
        <Fragment key={weekday}>
          <Num isTotal={isTotal}>{day?.freeAllDay ?? 0}</Num>
          <Num isTotal={isTotal}>{day?.freeAtMost ?? 0}</Num>
          <Num isTotal={isTotal}>{number(day?.freePlaceHours ?? 0)}</Num>
        </Fragment>
      );
    });

  return (
    <Stack gap="md">
      <Text aria-live="polite" data-testid="capacity-summary">
        {t("placementReports.capacity.summary", {
          date,
          caregivers: report.caregivers,
          withoutProfile: report.withoutProfile,
        })}
      </Text>
      {report.areas.length === 0 ? (
        <Text>{k("empty")}</Text>
      ) : (
        <ReportTable
          caption={t("placementReports.capacity.caption", { date })}
          testId="capacity-table"
          minWidth={300 + report.weekdays.length * 230}
        >
          <colgroup span={2} />
          {report.weekdays.map((weekday) => (
            <colgroup key={weekday} span={3} />
          ))}
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>
                {k("area")}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2} style={numeric}>
                {k("caregivers")}
              </Table.Th>
              {report.weekdays.map((weekday) => (
                <Table.Th key={weekday} scope="colgroup" colSpan={3} style={{ textAlign: "center" }}>
                  {weekdays[weekday]}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {report.weekdays.map((weekday) =>
                metrics.map((metric) => (
                  <Table.Th key={`${weekday}-${metric}`} scope="col" style={{ ...numeric, fontWeight: 400 }}>
                    {k(metric)}
                  </Table.Th>
                )),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.areas.map((area) => (
              <Table.Tr key={`${area.postalCode} ${area.town}`}>
                <Table.Th scope="row">
                  {area.postalCode} {area.town}
                </Table.Th>
                <Num>{area.caregivers}</Num>
                {dayCells(area.days)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{k("total")}</Table.Th>
              <Num isTotal>{report.caregivers}</Num>
              {dayCells(report.total, true)}
            </Table.Tr>
          </Table.Tfoot>
        </ReportTable>
      )}
      <Text size="sm" c="dimmed">
        {k("explain")}
      </Text>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------

/** Filter names in the address bar (German, as the app's paths are) and the API's names. */
const PARAMS = {
  area: "ort",
  ageGroup: "alter",
  demandFrom: "beginnAb",
  demandTo: "beginnBis",
  contractFrom: "vertragAb",
  contractTo: "vertragBis",
  date: "stichtag",
} as const;

function Reports({ membership }: { membership: MyMembership }) {
  const { t, i18n } = useTranslation();
  const slug = membership.slug;
  const [search, setSearch] = useSearchParams();
  const value = (key: keyof typeof PARAMS) => search.get(PARAMS[key]) ?? "";
  const update = (key: keyof typeof PARAMS, next: string) => {
    const params = new URLSearchParams(search);
    if (next) params.set(PARAMS[key], next);
    else params.delete(PARAMS[key]);
    setSearch(params, { replace: true });
  };
  const [areaDraft, setAreaDraft] = useState(value("area"));
  const today = localToday();

  const common = { area: value("area"), ageGroup: value("ageGroup") };
  const demandParams = { ...common, from: value("demandFrom"), to: value("demandTo") };
  const timesParams = { ...common, from: value("contractFrom"), to: value("contractTo") };
  const capacityParams = { area: value("area"), date: value("date") };
  const demand = useReport<DemandReportDto>(slug, "demand", demandParams);
  const times = useReport<PlacementTimesReportDto>(slug, "placement-times", timesParams);
  const capacity = useReport<FreeCapacityReportDto>(slug, "free-capacity", capacityParams);
  const csv = (path: ReportPath, params: Record<string, string>) =>
    `${orgApi(slug)}/placement-reports/${path}.csv${query({ ...params, lang: i18n.language })}`;
  const busy = (report: { isPlaceholderData: boolean }) => ({
    "aria-busy": report.isPlaceholderData,
    style: { opacity: report.isPlaceholderData ? 0.6 : 1 },
  });
  const hasFilters = [...search.keys()].some((key) => (Object.values(PARAMS) as string[]).includes(key));

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t("placementReports.title")} description={t("placementReports.intro")} />
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
        {t("placementReports.smallCellsNote")}
      </Alert>

      <Group
        align="flex-end"
        gap="sm"
        component="form"
        role="search"
        aria-label={t("placementReports.filters.label")}
        onSubmit={(event) => {
          event.preventDefault();
          update("area", areaDraft.trim());
        }}
      >
        <TextInput
          type="search"
          label={t("placementReports.filters.area")}
          description={t("placementReports.filters.areaHint")}
          value={areaDraft}
          onChange={(e) => setAreaDraft(e.currentTarget.value)}
          style={{ flex: "1 1 220px" }}
          data-testid="reports-area"
        />
        <NativeSelect
          label={t("placementReports.filters.ageGroup")}
          value={value("ageGroup")}
          onChange={(e) => update("ageGroup", e.currentTarget.value)}
          data={[
            { value: "", label: t("placementReports.filters.allAges") },
            ...ageGroups.map((g) => ({ value: g, label: t(`placement.ageGroups.${g}`) })),
          ]}
          style={{ flex: "1 1 180px" }}
          data-testid="reports-age"
        />
        <Button type="submit" variant="default">
          {t("placementReports.filters.apply")}
        </Button>
        {hasFilters && (
          <Button
            variant="subtle"
            onClick={() => {
              setAreaDraft("");
              setSearch(new URLSearchParams(), { replace: true });
            }}
          >
            {t("placementReports.filters.reset")}
          </Button>
        )}
      </Group>

      <Section id="bedarf" title={t("placementReports.sections.demand")}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="month"
            label={t("placementReports.filters.from")}
            placeholder="2027-08"
            value={value("demandFrom")}
            onChange={(e) => update("demandFrom", e.currentTarget.value)}
            style={{ flex: "0 1 200px" }}
            data-testid="demand-from"
          />
          <TextInput
            type="month"
            label={t("placementReports.filters.to")}
            placeholder="2027-09"
            value={value("demandTo")}
            onChange={(e) => update("demandTo", e.currentTarget.value)}
            style={{ flex: "0 1 200px" }}
            data-testid="demand-to"
          />
          <DownloadButton
            href={csv("demand", demandParams)}
            name={t("placementReports.sections.demand")}
            testId="demand-csv"
          />
        </Group>
        <ReportState report={demand} />
        {demand.data && (
          <div {...busy(demand)}>
            <DemandTables report={demand.data} />
          </div>
        )}
      </Section>

      <Section id="dauer" title={t("placementReports.sections.placementTimes")}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="month"
            label={t("placementReports.filters.contractFrom")}
            placeholder="2026-01"
            value={value("contractFrom")}
            onChange={(e) => update("contractFrom", e.currentTarget.value)}
            style={{ flex: "0 1 200px" }}
          />
          <TextInput
            type="month"
            label={t("placementReports.filters.contractTo")}
            placeholder="2026-12"
            value={value("contractTo")}
            onChange={(e) => update("contractTo", e.currentTarget.value)}
            style={{ flex: "0 1 200px" }}
          />
          <DownloadButton
            href={csv("placement-times", timesParams)}
            name={t("placementReports.sections.placementTimes")}
            testId="times-csv"
          />
        </Group>
        <ReportState report={times} />
        {times.data && (
          <div {...busy(times)}>
            <TimesTables report={times.data} />
          </div>
        )}
      </Section>

      <Section id="freie-plaetze" title={t("placementReports.sections.freeCapacity")}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t("placementReports.filters.date")}
            value={value("date") || today}
            onChange={(e) => update("date", e.currentTarget.value === today ? "" : e.currentTarget.value)}
            style={{ flex: "0 1 200px" }}
            data-testid="capacity-date"
          />
          <Button variant="default" onClick={() => update("date", "")} aria-pressed={!value("date")}>
            {t("placementReports.filters.today")}
          </Button>
          <Button
            variant="default"
            onClick={() => update("date", nextFirstOfAugust(today))}
            aria-pressed={value("date") === nextFirstOfAugust(today)}
            data-testid="capacity-august"
          >
            {t("placementReports.filters.nextAugust")}
          </Button>
          <DownloadButton
            href={csv("free-capacity", capacityParams)}
            name={t("placementReports.sections.freeCapacity")}
            testId="capacity-csv"
          />
        </Group>
        <ReportState report={capacity} />
        {capacity.data && (
          <div {...busy(capacity)}>
            <CapacityTable report={capacity.data} />
          </div>
        )}
      </Section>
    </Stack>
  );
}

/** "vermittlung/berichte": the planning reports for the office and the youth office. */
export function ReportsPage() {
  return <OrgGuard roles={reportReaders}>{(membership) => <Reports membership={membership} />}</OrgGuard>;
}
