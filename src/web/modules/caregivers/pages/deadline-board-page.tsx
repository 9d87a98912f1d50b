import {
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { deadlineKinds, deadlineStates } from "../../../../contracts/caregivers";
import { useUrlFilters } from "../../../components/url-filters";
import { type DeadlineBoardItem, useDeadlineBoard } from "../api";
import { type DeadlineState, DeadlineStateBadge, DueText } from "../components/deadline-badge";
import { LoadError } from "../components/form-alert";
import { PageHeader } from "../components/page";
import { type Column, ResponsiveTable } from "../components/responsive-table";
import { orgPath } from "../format";

const SHOWN_AT_ONCE = 200;
const summaryOrder: DeadlineState[] = ["overdue", "missing", "dueSoon", "ok"];

/** "fristen": every deadline of the people still working, most urgent first, with counts per state. */
export function DeadlineBoardPage() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const [search, updateSearch] = useUrlFilters();
  const kind = search.get("art") ?? "";
  // What needs doing comes first; the whole list is one choice away.
  const state = search.get("stand") ?? "attention";
  const q = search.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  // The search box follows the address when it changes from outside (back button, a link). Adjusted while
  // rendering rather than in an effect: an effect also ran after the first paint and could wipe what someone
  // had already typed.
  const [followedQ, setFollowedQ] = useState(q);
  if (followedQ !== q) {
    setFollowedQ(q);
    setDraft(q);
  }
  const [shown, setShown] = useState(SHOWN_AT_ONCE);
  // The API filters by every state but "ok" (the fine ones are only wanted to be counted); that one is
  // filtered here.
  const board = useDeadlineBoard(orgSlug, { kind, state: state === "ok" || state === "all" ? "" : state, q });
  const items = (board.data?.items ?? []).filter((item) => state !== "ok" || item.state === "ok");

  const update = (changes: Record<string, string>) => {
    updateSearch(changes);
    setShown(SHOWN_AT_ONCE);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };

  const columns: Column<DeadlineBoardItem>[] = [
    {
      key: "name",
      header: t("registry.board.name"),
      isPrimary: true,
      cell: (item) => (
        <Anchor component={Link} to={orgPath(orgSlug, `tagespflegepersonen/${item.caregiverId}`)} fw={600}>
          {item.name}
        </Anchor>
      ),
    },
    { key: "kind", header: t("registry.board.kind"), cell: (item) => t(`deadlines.kinds.${item.kind}`) },
    {
      key: "due",
      header: t("registry.board.due"),
      cell: (item) => <DueText dueOn={item.dueOn} daysLeft={item.daysLeft} />,
    },
    {
      key: "state",
      header: t("registry.board.state"),
      cell: (item) => <DeadlineStateBadge state={item.state} size="sm" />,
    },
    { key: "town", header: t("registry.board.town"), cell: (item) => item.town },
  ];

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t("registry.board.title")} description={t("registry.board.intro")} />

      {board.data && (
        <SimpleGrid
          cols={{ base: 2, sm: 4 }}
          spacing="sm"
          role="group"
          aria-label={t("registry.board.summary")}
        >
          {summaryOrder.map((s) => {
            const isActive = state === s;
            return (
              <UnstyledButton
                key={s}
                onClick={() => update({ stand: isActive ? "all" : s })}
                aria-pressed={isActive}
                data-testid={`deadline-count-${s}`}
                p="sm"
                style={{
                  border: `2px solid ${isActive ? "var(--mantine-color-blue-8)" : "var(--mantine-color-gray-4)"}`,
                  borderRadius: "var(--mantine-radius-md)",
                  background: isActive ? "var(--mantine-color-blue-0)" : undefined,
                }}
              >
                <Stack gap={4} align="flex-start">
                  <Text fz={28} fw={700} lh={1}>
                    {board.data.counts[s]}
                  </Text>
                  <DeadlineStateBadge state={s} size="sm" />
                </Stack>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}

      <Group align="flex-end" gap="sm" component="form" onSubmit={submitSearch} role="search">
        <TextInput
          type="search"
          label={t("registry.board.search")}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          style={{ flex: "1 1 200px" }}
        />
        <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden="true" />}>
          {t("common.search")}
        </Button>
        <NativeSelect
          label={t("registry.board.kind")}
          value={kind}
          onChange={(e) => update({ art: e.currentTarget.value })}
          data={[
            { value: "", label: t("registry.board.allKinds") },
            ...deadlineKinds.map((k) => ({ value: k, label: t(`deadlines.kinds.${k}`) })),
          ]}
          style={{ flex: "1 1 200px" }}
          data-testid="deadline-kind-filter"
        />
        <NativeSelect
          label={t("registry.board.state")}
          value={state}
          onChange={(e) => update({ stand: e.currentTarget.value })}
          data={[
            { value: "all", label: t("registry.board.allStates") },
            { value: "attention", label: t("registry.board.attention") },
            ...summaryOrder
              .filter((s) => (deadlineStates as readonly string[]).includes(s))
              .map((s) => ({ value: s, label: t(`registry.deadlineStates.${s}`) })),
          ]}
          style={{ flex: "1 1 180px" }}
          data-testid="deadline-state-filter"
        />
      </Group>

      {board.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {board.isError && <LoadError error={board.error} />}
      {board.data && (
        <Box
          data-testid="deadline-board"
          aria-busy={board.isPlaceholderData}
          style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" mb="xs">
            {t("registry.board.count", { count: items.length })}
          </Text>
          {items.length > 0 && (
            <ResponsiveTable
              caption={t("registry.board.listLabel")}
              columns={columns}
              rows={items.slice(0, shown)}
              rowKey={(item) => `${item.caregiverId}-${item.kind}`}
              rowTestId="deadline-row"
            />
          )}
          {items.length > shown && (
            <Button variant="default" mt="sm" onClick={() => setShown(shown + SHOWN_AT_ONCE)}>
              {t("registry.board.showMore", { count: Math.min(SHOWN_AT_ONCE, items.length - shown) })}
            </Button>
          )}
        </Box>
      )}
    </Stack>
  );
}
