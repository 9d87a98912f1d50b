import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type RegisterEntry, type RegisterQuery, registerStatuses } from "../../../../contracts/membership";
import type { MyMembership } from "../../../../contracts/organisations";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { DownloadButton } from "../../../components/report-table";
import { orgKeys } from "../../organisations/api";
import { MANAGERS, membershipApi, membershipKeys, registerQueryString, useRegister } from "../api";

/** Colours with at least 4.5:1 contrast to their text; the word carries the meaning. */
const statusColors = { applied: "yellow.4", active: "teal.9", left: "gray.7" } as const;

function EndMembershipDialog({
  slug,
  entry,
  onClose,
}: {
  slug: string;
  entry: RegisterEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () => post(`${membershipApi(slug)}/members/${entry.id}/end`, { reason }),
    onSuccess: async () => {
      notifySuccess(t("membership.register.ended"));
      onClose();
      await Promise.all([
        client.invalidateQueries({ queryKey: membershipKeys.all(slug) }),
        client.invalidateQueries({ queryKey: orgKeys.members(slug) }),
      ]);
    },
  });
  return (
    <Modal opened onClose={onClose} centered title={t("membership.register.endTitle", { name: entry.name })}>
      <Stack gap="md">
        <Text size="sm">{t("membership.register.endText")}</Text>
        <Textarea
          label={t("membership.register.endReason")}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <FormAlert message={end.error ? end.error.message : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("announcements.compose.cancel")}
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={end.isPending} onClick={() => end.mutate()}>
            {t("membership.register.endConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EntryCard({ entry, onEnd }: { entry: RegisterEntry; onEnd?: () => void }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  return (
    <Paper withBorder p="md" component="li" data-testid="register-entry">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={2} fz="h4">
            {entry.name}
          </Title>
          <Badge color={statusColors[entry.status]} variant="filled" autoContrast tt="none">
            {t(`membership.status.${entry.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{entry.email}</Text>
        {entry.phone && <Text size="sm">{entry.phone}</Text>}
        {entry.roles.length > 0 && (
          <Text size="sm" c="dimmed">
            {entry.roles.map((r) => t(`roles.${r}`)).join(", ")}
          </Text>
        )}
        {entry.appliedOn && (
          <Text size="sm">{t("membership.register.appliedOn", { date: formatDate(entry.appliedOn) })}</Text>
        )}
        {entry.joinedOn && (
          <Text size="sm">{t("membership.register.joinedOn", { date: formatDate(entry.joinedOn) })}</Text>
        )}
        {entry.leftOn && (
          <Text size="sm">{t("membership.register.leftOn", { date: formatDate(entry.leftOn) })}</Text>
        )}
        {entry.leaveReason && (
          <Text size="sm">{t("membership.register.reason", { reason: entry.leaveReason })}</Text>
        )}
        {onEnd && (
          <Button variant="outline" color="red" size="xs" w="fit-content" mt="xs" onClick={onEnd}>
            {t("membership.register.end")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Content({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RegisterQuery["status"]>("all");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [ending, setEnding] = useState<RegisterEntry | null>(null);
  const query = { status, q };
  const register = useRegister(membership.slug, query);
  const isAdmin = membership.roles.includes("admin");
  return (
    <Stack gap="lg">
      <PageHeader title={t("membership.register.title")} description={t("membership.register.description")} />
      <Anchor component={Link} to={`/app/${membership.slug}/mitgliedsantraege`}>
        {t("membership.register.toApplications")}
      </Anchor>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t("membership.register.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", xs: 280 }}
        />
        <Select
          label={t("membership.register.status")}
          value={status}
          onChange={(value) => setStatus((value ?? "all") as RegisterQuery["status"])}
          allowDeselect={false}
          data={[
            { value: "all", label: t("membership.register.all") },
            ...registerStatuses.map((value) => ({ value, label: t(`membership.status.${value}`) })),
          ]}
          w={{ base: "100%", xs: 180 }}
        />
        <DownloadButton
          href={`${membershipApi(membership.slug)}/register.csv?${registerQueryString(query)}`}
          label={t("membership.register.export")}
          accessibleName={t("membership.register.export")}
          testId="register-export"
        />
      </Group>
      <QueryState query={register}>
        {(list) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("membership.register.count", { count: list.length })}
            </Text>
            {list.length === 0 ? (
              <Text>{t("membership.register.empty")}</Text>
            ) : (
              <SimpleGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                component="ul"
                style={{ listStyle: "none", padding: 0, margin: 0 }}
              >
                {list.map((entry) => (
                  <EntryCard
                    key={entry.id}
                    entry={entry}
                    onEnd={
                      entry.status === "active" && (isAdmin || !entry.roles.includes("admin"))
                        ? () => setEnding(entry)
                        : undefined
                    }
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        )}
      </QueryState>
      {ending && (
        <EndMembershipDialog slug={membership.slug} entry={ending} onClose={() => setEnding(null)} />
      )}
    </Stack>
  );
}

/** /app/:orgSlug/mitgliederliste: the association's member register for the board, with export. */
export function RegisterPage() {
  return <OrgGuard roles={MANAGERS}>{(membership) => <Content membership={membership} />}</OrgGuard>;
}
