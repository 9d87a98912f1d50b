import { Box, Button, Code, Group, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconDownload, IconFilter } from "@tabler/icons-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { privacy as privacyTexts } from "../../../../contracts/i18n/de/privacy";
import type { MyMembership } from "../../../../contracts/organisations";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { Loading } from "../../../components/loading";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditFilters, auditExportUrl, useAuditLog } from "../api";

/** The action codes that have a label, for the suggestions of the action filter ("caregivers.updated"). */
const knownActions = Object.keys(privacyTexts.actions)
  .map((key) => key.replace("_", "."))
  .sort();

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The label of an action code if there is one ("caregivers.updated" → privacy.actions.caregivers_updated). */
function useActionLabel() {
  const { t, i18n } = useTranslation();
  return (action: string): string | null => {
    const key = `privacy.actions.${action.replaceAll(".", "_")}`;
    return i18n.exists(key) ? t(key) : null;
  };
}

function ActionCell({ action }: { action: string }) {
  const label = useActionLabel()(action);
  return (
    <Stack gap={2} align="flex-start">
      {label && (
        <Text size="sm" fw={500}>
          {label}
        </Text>
      )}
      <Code fz="xs">{action}</Code>
    </Stack>
  );
}

function RecordCell({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const typeKey = `privacy.entityTypes.${entry.entityType}`;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{i18n.exists(typeKey) ? t(typeKey) : entry.entityType}</Text>
      {entry.entityId && (
        <Code fz="xs" style={{ overflowWrap: "anywhere", maxWidth: "11rem" }}>
          {entry.entityId}
        </Code>
      )}
    </Stack>
  );
}

/** The details as compact JSON behind a native disclosure, so the table stays short. */
function DetailsCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const hasDetails = Object.keys(entry.details).length > 0;
  if (!hasDetails && !entry.ip) {
    return <Text size="sm">{t("privacy.audit.noDetails")}</Text>;
  }
  return (
    <Box component="details" data-testid="audit-details" maw="22rem">
      <Box
        component="summary"
        fz="sm"
        c="var(--mantine-color-anchor)"
        style={{ cursor: "pointer", whiteSpace: "nowrap" }}
      >
        {t("privacy.audit.showDetails")}
      </Box>
      <Stack gap={4} mt={4}>
        {hasDetails && (
          <Code block fz="xs" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {JSON.stringify(entry.details)}
          </Code>
        )}
        {entry.ip && (
          <Text size="xs" c="dimmed">
            {t("privacy.audit.ip", { ip: entry.ip })}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const caption = t("privacy.audit.tableLabel");
  return (
    // A focusable, named region, so that keyboard users can scroll the table sideways on phones too.
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      style={{ overflowX: "auto" }}
      data-testid="audit-table"
    >
      <Table striped verticalSpacing="xs" miw={760} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("privacy.audit.time")}</Table.Th>
            <Table.Th scope="col">{t("privacy.audit.person")}</Table.Th>
            <Table.Th scope="col">{t("privacy.audit.actionColumn")}</Table.Th>
            <Table.Th scope="col">{t("privacy.audit.record")}</Table.Th>
            <Table.Th scope="col">{t("privacy.audit.details")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Table.Td>
              <Table.Td style={{ verticalAlign: "top" }}>
                {entry.actorName ??
                  (entry.actorUserId ? <Code fz="xs">{entry.actorUserId}</Code> : t("privacy.audit.system"))}
              </Table.Td>
              <Table.Td style={{ verticalAlign: "top" }}>
                <ActionCell action={entry.action} />
              </Table.Td>
              <Table.Td style={{ verticalAlign: "top" }}>
                <RecordCell entry={entry} />
              </Table.Td>
              <Table.Td style={{ verticalAlign: "top" }}>
                <DetailsCell entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function AuditContent({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const [search, setSearch] = useSearchParams();
  const day = (name: string) => {
    const value = search.get(name) ?? "";
    return isoDay.test(value) ? value : "";
  };
  const filters: AuditFilters = {
    action: (search.get("aktion") ?? "").trim(),
    from: day("von"),
    to: day("bis"),
  };
  const page = Math.max(1, Number(search.get("seite") ?? "1") || 1);
  const [draft, setDraft] = useState(filters);
  const actionListId = useId();
  const log = useAuditLog(membership.slug, filters, page);

  // The form follows the address (back button, "reset").
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the applied filters change
  useEffect(() => {
    setDraft(filters);
  }, [filters.action, filters.from, filters.to]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next, { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ aktion: draft.action.trim(), von: draft.from, bis: draft.to, seite: "" });
  };
  const hasFilters = Boolean(filters.action || filters.from || filters.to);

  const total = log.data?.total ?? 0;
  const first = total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, page * AUDIT_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("privacy.audit.title")}
        description={t("privacy.audit.intro")}
        actions={
          <Button
            component="a"
            href={auditExportUrl(membership.slug, filters)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            title={t("privacy.audit.exportHint")}
            data-testid="audit-export"
          >
            {t("privacy.audit.export")}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Box
          component="form"
          onSubmit={submit}
          aria-label={t("privacy.audit.filters")}
          data-testid="audit-filters"
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("privacy.audit.action")}
              description={t("privacy.audit.actionHint")}
              value={draft.action}
              onChange={(e) => {
                const action = e.currentTarget.value;
                setDraft((d) => ({ ...d, action }));
              }}
              // The browser's own suggestions: the known codes with their labels.
              list={actionListId}
              maxLength={100}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              style={{ flex: "1 1 240px" }}
              data-testid="audit-action"
            />
            <datalist id={actionListId}>
              {knownActions.map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              ))}
            </datalist>
            <TextInput
              type="date"
              label={t("privacy.audit.from")}
              value={draft.from}
              max={draft.to || undefined}
              onChange={(e) => {
                const from = e.currentTarget.value;
                setDraft((d) => ({ ...d, from }));
              }}
              style={{ flex: "1 1 150px" }}
              data-testid="audit-from"
            />
            <TextInput
              type="date"
              label={t("privacy.audit.to")}
              value={draft.to}
              min={draft.from || undefined}
              onChange={(e) => {
                const to = e.currentTarget.value;
                setDraft((d) => ({ ...d, to }));
              }}
              style={{ flex: "1 1 150px" }}
              data-testid="audit-to"
            />
            <Group gap="xs" wrap="nowrap">
              <Button
                type="submit"
                leftSection={<IconFilter size={16} aria-hidden="true" />}
                data-testid="audit-apply"
              >
                {t("privacy.audit.apply")}
              </Button>
              {hasFilters && (
                <Button
                  variant="subtle"
                  onClick={() => update({ aktion: "", von: "", bis: "", seite: "" })}
                  data-testid="audit-reset"
                >
                  {t("privacy.audit.reset")}
                </Button>
              )}
            </Group>
          </Group>
        </Box>
      </Paper>

      {log.isPending && <Loading />}
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && (
        <Stack
          gap="md"
          aria-busy={log.isPlaceholderData}
          style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" data-testid="audit-count">
            {total === 0
              ? t("privacy.audit.empty")
              : t("privacy.audit.range", { from: first, to: last, total })}
          </Text>
          {log.data.items.length > 0 && <AuditTable items={log.data.items} />}
          {total > AUDIT_PAGE_SIZE && (
            <Group justify="space-between" component="nav" aria-label={t("privacy.audit.paging")}>
              <Button
                variant="default"
                disabled={page <= 1}
                onClick={() => update({ seite: page - 1 > 1 ? String(page - 1) : "" })}
                data-testid="audit-previous"
              >
                {t("privacy.audit.previous")}
              </Button>
              <Text size="sm">{t("privacy.audit.pageOf", { page, pages })}</Text>
              <Button
                variant="default"
                disabled={page >= pages}
                onClick={() => update({ seite: String(page + 1) })}
                data-testid="audit-next"
              >
                {t("privacy.audit.next")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** /app/:orgSlug/protokoll: the organisation's audit trail for its admins, filterable and exportable. */
export function AuditPage() {
  return <OrgGuard roles={["admin"]}>{(membership) => <AuditContent membership={membership} />}</OrgGuard>;
}
