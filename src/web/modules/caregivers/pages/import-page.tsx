import { Anchor, Button, FileInput, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { IconCheck, IconDownload, IconFileUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, post } from "../../../app/api";
import { caregiverKeys, type ImportResult } from "../api";
import { FormAlert, Notice } from "../components/form-alert";
import { PageHeader, Section } from "../components/page";
import { type Column, ResponsiveTable } from "../components/responsive-table";
import { buildCsvTemplate, downloadText, readTextFile } from "../csv-template";
import { orgApi, orgPath } from "../format";
import { useSaveMutation } from "../mutation";

const MAX_CHARS = 2_000_000;

interface ErrorLine {
  key: string;
  line: number;
  name: string;
  column: string;
  message: string;
  duplicateOf: { caregiverId: string; name: string } | undefined;
}

/** "tagespflegepersonen/import": check a CSV file, see every problem per row, then import all or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const navigate = useNavigate();
  const [csv, setCsv] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ csv: string; result: ImportResult } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const url = `${orgApi(orgSlug)}/caregivers/import`;

  const check = useMutation({
    mutationFn: (text: string) => post<ImportResult>(url, { csv: text, commit: false }),
    onSuccess: (result, text) => setReport({ csv: text, result }),
    onError: (error) => setAlert(error.message),
  });
  const commit = useSaveMutation({
    mutationFn: (text: string) => post<ImportResult>(url, { csv: text, commit: true }),
    successMessage: t("registry.import.done"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: () => navigate(orgPath(orgSlug, "tagespflegepersonen")),
    onError: (error) => {
      // A file that turned invalid in between comes back with the new report.
      if (error instanceof ApiError && error.code === "importInvalid" && "rows" in error.details) {
        setReport({ csv, result: error.details as unknown as ImportResult });
      }
      setAlert(error instanceof Error ? error.message : String(error));
    },
  });

  const runCheck = (text: string) => {
    setAlert(null);
    setReport(null);
    if (text.trim() === "") {
      setAlert(t("registry.import.empty"));
      return;
    }
    if (text.length > MAX_CHARS) {
      setAlert(t("registry.import.tooLarge"));
      return;
    }
    check.mutate(text);
  };

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return;
    const text = await readTextFile(chosen);
    setCsv(text);
    runCheck(text);
  };

  const result = report?.csv === csv ? report.result : null;
  const canImport = Boolean(result && result.errorCount === 0 && result.validCount > 0);
  const errorLines: ErrorLine[] = (result?.rows ?? []).flatMap((row) =>
    row.errors.map((e, i) => ({
      key: `${row.line}-${i}`,
      line: row.line,
      name: row.name,
      column: e.column,
      message: e.message,
      duplicateOf: e.duplicateOf,
    })),
  );
  const columnLabel = (column: string) => {
    const key = `caregivers.csvColumns.${column}`;
    const label = t(key);
    return label === key ? column : label;
  };
  const columns: Column<ErrorLine>[] = [
    { key: "line", header: t("registry.import.line"), cell: (e) => e.line, isNumeric: true },
    { key: "name", header: t("registry.import.name"), cell: (e) => e.name || "–", isPrimary: true },
    { key: "column", header: t("registry.import.column"), cell: (e) => columnLabel(e.column) },
    {
      key: "message",
      header: t("registry.import.message"),
      cell: (e) =>
        e.duplicateOf ? (
          <>
            {e.message}{" "}
            {/* A new tab keeps this preview: the office compares both and comes back to fix the file. */}
            <Anchor
              component={Link}
              to={orgPath(orgSlug, `tagespflegepersonen/${e.duplicateOf.caregiverId}`)}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid="import-duplicate-link"
            >
              {t("registry.import.openExisting", { name: e.duplicateOf.name })}
            </Anchor>
          </>
        ) : (
          e.message
        ),
    },
  ];

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={t("registry.import.title")}
        back={{ to: orgPath(orgSlug, "tagespflegepersonen"), label: t("registry.list.title") }}
      />
      <Section title={t("registry.import.stepFile")}>
        <Text size="sm">{t("registry.import.intro")}</Text>
        <List size="sm" spacing={2}>
          <List.Item>{t("registry.import.ruleDates")}</List.Item>
          <List.Item>{t("registry.import.ruleEmployment")}</List.Item>
          <List.Item>{t("registry.import.ruleLanguages")}</List.Item>
          <List.Item>{t("registry.import.ruleLicence")}</List.Item>
          <List.Item>{t("registry.import.ruleDuplicates")}</List.Item>
          <List.Item>{t("registry.import.ruleAllOrNothing")}</List.Item>
        </List>
        <Button
          variant="default"
          w="fit-content"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          onClick={() => downloadText(buildCsvTemplate(t), t("registry.import.templateName"))}
          data-testid="import-template"
        >
          {t("registry.import.template")}
        </Button>
        <FileInput
          label={t("registry.import.file")}
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={(chosen) => void chooseFile(chosen)}
          leftSection={<IconFileUpload size={16} aria-hidden="true" />}
          clearable
          data-testid="import-file"
        />
        <Textarea
          label={t("registry.import.paste")}
          description={t("registry.import.pasteHint")}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={12}
          styles={{ input: { fontFamily: "monospace", fontSize: 13 } }}
          data-testid="import-text"
        />
        <Group>
          <Button onClick={() => runCheck(csv)} loading={check.isPending} data-testid="import-check">
            {t("registry.import.check")}
          </Button>
        </Group>
      </Section>

      <FormAlert message={alert} />

      {result && (
        <Section title={t("registry.import.stepPreview")} testId="import-preview">
          {result.errorCount === 0 ? (
            <Notice color="teal" icon={<IconCheck aria-hidden="true" />} role="status">
              {t("registry.import.allValid", { count: result.validCount })}
            </Notice>
          ) : (
            <Notice color="red" role="alert" title={t("registry.import.hasErrors")}>
              {t("registry.import.summary", { valid: result.validCount, invalid: result.errorCount })}
            </Notice>
          )}
          {errorLines.length > 0 && (
            <ResponsiveTable
              caption={t("registry.import.errorsCaption")}
              columns={columns}
              rows={errorLines}
              rowKey={(e) => e.key}
              testId="import-errors"
              rowTestId="import-error"
            />
          )}
          <Group>
            <Button
              onClick={() => commit.mutate(csv)}
              disabled={!canImport}
              loading={commit.isPending}
              data-testid="import-commit"
            >
              {t("registry.import.commit", { count: result.validCount })}
            </Button>
            {!canImport && (
              <Text size="sm" c="dimmed">
                {t("registry.import.fixFirst")}
              </Text>
            )}
          </Group>
        </Section>
      )}
    </Stack>
  );
}
