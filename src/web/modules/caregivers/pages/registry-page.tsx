import { Anchor, Button, Group, Loader, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { IconDownload, IconFileImport, IconPlus, IconSearch } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { type CaregiverListItem, caregiverStatuses } from "../../../../contracts/caregivers";
import { hasAnyRole, useMembership } from "../../../app/session";
import { useCaregiverList } from "../api";
import { DeadlineStateBadge } from "../components/deadline-badge";
import { LoadError } from "../components/form-alert";
import { PageHeader } from "../components/page";
import { type Column, ResponsiveTable } from "../components/responsive-table";
import { formatDate, orgApi, orgPath } from "../format";

const PAGE_SIZE = 50;

/** "tagespflegepersonen": the registry with search, status filter and paging; filters live in the address. */
export function RegistryPage() {
  const { t, i18n } = useTranslation();
  const { orgSlug = "" } = useParams();
  const membership = useMembership(orgSlug);
  const canManage = hasAnyRole(membership, ["admin", "coordinator"]);
  const [search, setSearch] = useSearchParams();
  const q = search.get("q") ?? "";
  const status = search.get("status") ?? "";
  const page = Math.max(1, Number(search.get("seite") ?? "1") || 1);
  const [draft, setDraft] = useState(q);
  const list = useCaregiverList(orgSlug, { q, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next, { replace: true });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim(), seite: "" });
  };

  const columns: Column<CaregiverListItem>[] = [
    {
      key: "name",
      header: t("registry.list.name"),
      isPrimary: true,
      cell: (c) => (
        <Anchor component={Link} to={orgPath(orgSlug, `tagespflegepersonen/${c.id}`)} fw={600}>
          {c.lastName}, {c.firstName}
          {c.status !== "active" && ` (${t(`registry.statuses.${c.status}`)})`}
        </Anchor>
      ),
    },
    { key: "town", header: t("registry.list.town"), cell: (c) => `${c.postalCode} ${c.town}` },
    {
      key: "licence",
      header: t("registry.list.licenceValidTo"),
      cell: (c) =>
        c.licenceValidTo ? formatDate(c.licenceValidTo, i18n.language) : t("registry.list.noLicence"),
    },
    {
      key: "max",
      header: t("registry.list.maxChildren"),
      isNumeric: true,
      cell: (c) => c.maxChildren ?? "–",
    },
    {
      key: "deadlines",
      header: t("registry.list.deadlines"),
      cell: (c) => <DeadlineStateBadge state={c.worstDeadlineState} size="sm" />,
    },
  ];

  const total = list.data?.total ?? 0;
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t("registry.list.title")}
        actions={
          <>
            {canManage && (
              <Button
                component={Link}
                to={orgPath(orgSlug, "tagespflegepersonen/neu")}
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                data-testid="caregiver-new"
              >
                {t("registry.list.new")}
              </Button>
            )}
            {canManage && (
              <Button
                component="a"
                href={`${orgApi(orgSlug)}/caregivers/export.csv`}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden="true" />}
                data-testid="caregiver-export"
              >
                {t("registry.list.export")}
              </Button>
            )}
            {canManage && (
              <Button
                component={Link}
                to={orgPath(orgSlug, "tagespflegepersonen/import")}
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden="true" />}
                data-testid="caregiver-import"
              >
                {t("registry.list.import")}
              </Button>
            )}
          </>
        }
      />
      <Group align="flex-end" gap="sm" component="form" onSubmit={submitSearch} role="search">
        <TextInput
          type="search"
          label={t("registry.list.search")}
          description={t("registry.list.searchHint")}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          style={{ flex: "1 1 220px" }}
          data-testid="caregiver-search"
        />
        <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden="true" />}>
          {t("common.search")}
        </Button>
        <NativeSelect
          label={t("registry.list.status")}
          value={status}
          onChange={(e) => update({ status: e.currentTarget.value, seite: "" })}
          data={[
            { value: "", label: t("registry.list.allStatuses") },
            ...caregiverStatuses.map((s) => ({ value: s, label: t(`registry.statuses.${s}`) })),
          ]}
          style={{ flex: "0 1 200px" }}
          data-testid="caregiver-status-filter"
        />
      </Group>

      {list.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {list.isError && <LoadError error={list.error} />}
      {list.data && (
        <Stack
          gap="md"
          aria-busy={list.isPlaceholderData}
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" data-testid="caregiver-count">
            {total === 0 ? t("registry.list.empty") : t("registry.list.range", { from, to, total })}
          </Text>
          {list.data.items.length > 0 && (
            <ResponsiveTable
              caption={t("registry.list.title")}
              columns={columns}
              rows={list.data.items}
              rowKey={(c) => c.id}
              testId="caregiver-list"
              rowTestId="caregiver-row"
            />
          )}
          {total > PAGE_SIZE && (
            <Group justify="space-between" component="nav" aria-label={t("registry.list.paging")}>
              <Button
                variant="default"
                disabled={page <= 1}
                onClick={() => update({ seite: page - 1 > 1 ? String(page - 1) : "" })}
              >
                {t("registry.list.previous")}
              </Button>
              <Text size="sm">
                {t("registry.list.pageOf", { page, pages: Math.ceil(total / PAGE_SIZE) })}
              </Text>
              <Button
                variant="default"
                disabled={to >= total}
                onClick={() => update({ seite: String(page + 1) })}
              >
                {t("registry.list.next")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
