import { Anchor, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
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
import { DownloadButton, Num, ReportTable, useNumbers } from "../../../components/report-table";
import { Section } from "../../../components/section";
import { useUrlFilters } from "../../../components/url-filters";
import { OFFICE_ROLES, reportUrl, substitutionPath, useHours, useModelReport } from "../api";
import { ModelBadge } from "../components/badges";

function ModelTable({ report }: { report: ModelReport }) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  if (report.rows.every((row) => row.childDays === 0 && row.absenceDays === 0)) {
    return <Text>{t("substitution.evaluation.empty")}</Text>;
  }
  const c = (key: string) => t(`substitution.evaluation.columns.${key}`);
  return (
    <ReportTable caption={t("substitution.evaluation.caption")} testId="model-report" minWidth={1100}>
      <Table.Thead>
        <Table.Tr>
          {[
            "model",
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
          ].map((key) => (
            <Table.Th key={key} scope="col" style={key === "model" ? undefined : { textAlign: "right" }}>
              {c(key)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.rows.map((row) => (
          <Table.Tr key={row.model} data-testid="model-row" data-model={row.model}>
            <Table.Th scope="row">
              <ModelBadge model={row.model} />
            </Table.Th>
            <Num>{row.caregivers}</Num>
            <Num>{row.absenceDays}</Num>
            <Num>{row.childDays}</Num>
            <Num>{percent(row.childDays === 0 ? null : row.coveredShare)}</Num>
            <Num>{row.coveredByKnown}</Num>
            <Num>{row.byKind.tandem ?? 0}</Num>
            <Num>{(row.byKind.substitute ?? 0) + (row.byKind.knownSubstitute ?? 0)}</Num>
            <Num>{row.byKind.caregiver ?? 0}</Num>
            <Num>{row.byKind.kita ?? 0}</Num>
            <Num>{number(row.averageExtraDistanceKm)}</Num>
            <Num>{row.parentsConfirmed}</Num>
            <Num>{row.parentsKeptHome}</Num>
            <Num>{row.parentsNoAnswer}</Num>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

function HoursTable({ hours }: { hours: HoursResponse }) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  if (hours.items.length === 0) return <Text>{t("substitution.evaluation.hoursEmpty")}</Text>;
  const h = (key: string) => t(`substitution.evaluation.hoursColumns.${key}`);
  return (
    <ReportTable caption={t("substitution.evaluation.hoursCaption")} testId="hours-report" minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{h("name")}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: "right" }}>
            {h("employed")}
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: "right" }}>
            {h("presence")}
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: "right" }}>
            {h("child")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {hours.items.map((item) => (
          <Table.Tr key={item.caregiverId} data-testid="hours-row">
            <Table.Th scope="row">{item.name}</Table.Th>
            <Num>
              {item.isEmployedSubstitute && item.hoursPerMonth !== null
                ? t("substitution.evaluation.employedHours", { hours: item.hoursPerMonth })
                : t("substitution.evaluation.notEmployed")}
            </Num>
            <Num>{number(item.presenceMinutes / 60)}</Num>
            <Num>{number(item.childMinutes / 60)}</Num>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
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
        <TextInput
          type="month"
          label={t("substitution.evaluation.month")}
          value={month}
          onChange={(e) => update({ monat: e.currentTarget.value })}
          w={200}
        />
        <QueryState query={hours}>{(data) => <HoursTable hours={data} />}</QueryState>
      </Section>
    </Stack>
  );
}

/** vertretung/auswertung: the models compared over a period (CSV, PDF) and the cover hours of a month. */
export function EvaluationPage() {
  return <OrgGuard roles={OFFICE_ROLES}>{(membership) => <Evaluation membership={membership} />}</OrgGuard>;
}
