import { Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { HoursResponse, ModelReport } from "../../../../contracts/substitution";
import { isValidIsoDate, todayIso } from "../../../../core/shared/dates";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { DownloadButton, useNumbers } from "../../../components/report-table";
import { Section } from "../../../components/section";
import { useUrlFilters } from "../../../components/url-filters";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { OFFICE_ROLES, reportUrl, substitutionApi, substitutionPath, useHours, useModelReport } from "../api";
import { ModelBadge } from "../components/badges";

const MODEL_COLUMNS = [
  "caregivers",
  "absenceDays",
  "childDays",
  "coveredShare",
  "coveredByKnown",
  "tandem",
  "substitute",
  "caregiver",
  "kita",
  "extraDistance",
  "parentsConfirmed",
  "parentsKeptHome",
  "parentsNoAnswer",
] as const;

// Fourteen figures side by side need a desktop; a phone gets one card per model instead of sideways scrolling.
function ModelTable({ report }: { report: ModelReport }) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  if (report.rows.every((row) => row.childDays === 0 && row.absenceDays === 0)) {
    return <Text>{t("substitution.evaluation.empty")}</Text>;
  }
  type Row = ModelReport["rows"][number];
  const figure: Record<(typeof MODEL_COLUMNS)[number], (row: Row) => string> = {
    caregivers: (row) => number(row.caregivers),
    absenceDays: (row) => number(row.absenceDays),
    childDays: (row) => number(row.childDays),
    coveredShare: (row) => percent(row.childDays === 0 ? null : row.coveredShare),
    coveredByKnown: (row) => number(row.coveredByKnown),
    tandem: (row) => number(row.byKind.tandem ?? 0),
    substitute: (row) => number((row.byKind.substitute ?? 0) + (row.byKind.knownSubstitute ?? 0)),
    caregiver: (row) => number(row.byKind.caregiver ?? 0),
    kita: (row) => number(row.byKind.kita ?? 0),
    extraDistance: (row) => number(row.averageExtraDistanceKm),
    parentsConfirmed: (row) => number(row.parentsConfirmed),
    parentsKeptHome: (row) => number(row.parentsKeptHome),
    parentsNoAnswer: (row) => number(row.parentsNoAnswer),
  };
  const columns: Column<Row>[] = [
    {
      key: "model",
      header: t("substitution.evaluation.columns.model"),
      cell: (row) => <ModelBadge model={row.model} />,
      isPrimary: true,
    },
    ...MODEL_COLUMNS.map((key) => ({
      key,
      header: t(`substitution.evaluation.columns.${key}`),
      cell: figure[key],
      isNumeric: true,
    })),
  ];
  return (
    <ResponsiveTable
      caption={t("substitution.evaluation.caption")}
      columns={columns}
      rows={report.rows}
      rowKey={(row) => row.model}
      testId="model-report"
      rowTestId="model-row"
    />
  );
}

function HoursTable({ hours }: { hours: HoursResponse }) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  if (hours.items.length === 0) return <Text>{t("substitution.evaluation.hoursEmpty")}</Text>;
  type Item = HoursResponse["items"][number];
  const h = (key: string) => t(`substitution.evaluation.hoursColumns.${key}`);
  const columns: Column<Item>[] = [
    { key: "name", header: h("name"), cell: (item) => item.name, isPrimary: true },
    {
      key: "employed",
      header: h("employed"),
      cell: (item) =>
        item.isEmployedSubstitute && item.hoursPerMonth !== null
          ? t("substitution.evaluation.employedHours", { hours: item.hoursPerMonth })
          : t("substitution.evaluation.notEmployed"),
      isNumeric: true,
    },
    {
      key: "presence",
      header: h("presence"),
      cell: (item) => number(item.presenceMinutes / 60),
      isNumeric: true,
    },
    { key: "child", header: h("child"), cell: (item) => number(item.childMinutes / 60), isNumeric: true },
  ];
  return (
    <ResponsiveTable
      caption={t("substitution.evaluation.hoursCaption")}
      columns={columns}
      rows={hours.items}
      rowKey={(item) => item.caregiverId}
      testId="hours-report"
      rowTestId="hours-row"
    />
  );
}

function Evaluation({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const slug = membership.slug;
  const today = todayIso(new Date());
  const [search, update] = useUrlFilters();
  const from = isValidIsoDate(search.get("von") ?? "")
    ? (search.get("von") as string)
    : `${today.slice(0, 4)}-01-01`;
  const to = isValidIsoDate(search.get("bis") ?? "") ? (search.get("bis") as string) : today;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(search.get("monat") ?? "")
    ? (search.get("monat") as string)
    : today.slice(0, 7);
  const [draft, setDraft] = useState({ from, to });
  const report = useModelReport(slug, from, to);
  const hours = useHours(slug, month);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isValidIsoDate(draft.from) && isValidIsoDate(draft.to)) update({ von: draft.from, bis: draft.to });
  };
  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to={substitutionPath(slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden="true" /> {t("substitution.setup.toBoard")}
      </Anchor>
      <PageHeader
        title={t("substitution.evaluation.title")}
        description={t("substitution.evaluation.intro")}
      />
      <Section title={t("substitution.evaluation.caption")}>
        <Group component="form" onSubmit={submit} gap="sm" align="flex-end">
          <TextInput
            type="date"
            label={t("substitution.evaluation.from")}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            w={170}
          />
          <TextInput
            type="date"
            label={t("substitution.evaluation.to")}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            w={170}
          />
          <Button type="submit" variant="default">
            {t("substitution.evaluation.show")}
          </Button>
        </Group>
        <Group gap="xs">
          <DownloadButton
            href={reportUrl(slug, from, to, "csv")}
            label={t("substitution.evaluation.downloadCsv")}
            accessibleName={t("substitution.evaluation.downloadCsvName")}
            testId="report-csv"
          />
          <DownloadButton
            href={reportUrl(slug, from, to, "pdf")}
            label={t("substitution.evaluation.downloadPdf")}
            accessibleName={t("substitution.evaluation.downloadPdfName")}
            testId="report-pdf"
          />
        </Group>
        <QueryState query={report}>{(data) => <ModelTable report={data} />}</QueryState>
      </Section>
      <Section title={t("substitution.evaluation.hoursTitle")}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="month"
            label={t("substitution.evaluation.month")}
            value={month}
            onChange={(e) => update({ monat: e.currentTarget.value })}
            w={200}
          />
          <DownloadButton
            href={`${substitutionApi(slug)}/hours.csv?month=${encodeURIComponent(month)}`}
            label={t("substitution.evaluation.downloadHoursCsv")}
            accessibleName={t("substitution.evaluation.downloadHoursCsvName")}
            testId="hours-csv"
          />
        </Group>
        <QueryState query={hours}>{(data) => <HoursTable hours={data} />}</QueryState>
      </Section>
    </Stack>
  );
}

/** vertretung/auswertung: the models compared over a period (CSV, PDF) and the cover hours of a month. */
export function EvaluationPage() {
  return <OrgGuard roles={OFFICE_ROLES}>{(membership) => <Evaluation membership={membership} />}</OrgGuard>;
}
