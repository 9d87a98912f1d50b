import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MemberEntry, MyMembership } from "../../../../contracts/organisations";
import { staffRoles } from "../../../../contracts/roles";
import { del, put } from "../../../app/api";
import { hasAnyRole, useSession } from "../../../app/session";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { MembershipPanel } from "../../membership/components/membership-panel";
import { orgApiPath, orgKeys, useMembers } from "../api";
import { telHref } from "../components/contact-block";
import { InvitationSection } from "../components/invitation-section";
import { LeaveOrganisationButton } from "../components/leave-organisation-button";
import { MemberEditDialog } from "../components/member-edit-dialog";

/** The switch on one's own entry: may the other members see my e-mail and phone? */
function ContactVisibilitySwitch({ orgSlug, member }: { orgSlug: string; member: MemberEntry }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (isContactVisible: boolean) => put(`${orgApiPath(orgSlug)}/me`, { isContactVisible }),
    onMutate: () => setError(null),
    onSuccess: async (_result, isVisible) => {
      notifySuccess(
        isVisible ? t("organisations.members.contactShown") : t("organisations.members.contactHidden"),
      );
      await client.invalidateQueries({ queryKey: orgKeys.members(orgSlug) });
    },
    onError: (e) => setError(e.message),
  });
  const checked = update.isPending ? Boolean(update.variables) : member.isContactVisible;
  return (
    <Stack gap="xs">
      <Switch
        label={t("organisations.members.showContact")}
        description={t("organisations.members.showContactHint")}
        checked={checked}
        disabled={update.isPending}
        onChange={(event) => update.mutate(event.currentTarget.checked)}
        data-testid="contact-visibility"
      />
      <FormAlert message={error} />
    </Stack>
  );
}

/**
 * An admin ends someone else's membership, after a confirmation that says what stays: the person's account
 * and the organisation's records about her.
 */
function RemoveMemberButton({ membership, member }: { membership: MyMembership; member: MemberEntry }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => del(`${orgApiPath(membership.slug)}/members/${member.id}`),
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t("organisations.members.removed", { name: member.name }));
      await client.invalidateQueries({ queryKey: orgKeys.members(membership.slug) });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Stack gap="xs" align="flex-start">
      <ConfirmButton
        color="red"
        variant="outline"
        size="xs"
        title={t("organisations.members.removeTitle", { name: member.name })}
        message={t("organisations.members.removeConfirm", {
          name: member.name,
          organisation: membership.name,
        })}
        confirmLabel={t("organisations.members.removeButton")}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
        loading={remove.isPending}
        aria-label={t("organisations.members.removeLabel", { name: member.name })}
        data-testid="member-remove"
      >
        {t("organisations.members.remove")}
      </ConfirmButton>
      <FormAlert message={error} />
    </Stack>
  );
}

function MemberCard({
  membership,
  member,
  isSelf,
  canManage,
  onEdit,
}: {
  membership: MyMembership;
  member: MemberEntry;
  isSelf: boolean;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { formatDate } = useDateFormat();
  const orgSlug = membership.slug;
  return (
    <Card withBorder padding="md" component="li" data-testid="member-entry" data-self={isSelf || undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} fz="h4" style={{ overflowWrap: "anywhere" }}>
            {member.name}
            {isSelf && (
              <Text component="span" c="dimmed" fz="sm" fw={400}>
                {" "}
                ({t("organisations.members.you")})
              </Text>
            )}
          </Title>
          {canManage && (
            <Button
              variant="default"
              size="xs"
              onClick={onEdit}
              aria-label={t("organisations.members.editLabel", { name: member.name })}
              data-testid="member-edit"
              style={{ flexShrink: 0 }}
            >
              {t("common.edit")}
            </Button>
          )}
        </Group>
        <Group gap={4}>
          {member.roles.map((role) => (
            <Badge key={role} variant="light" tt="none">
              {t(`roles.${role}`)}
            </Badge>
          ))}
          {member.status === "left" && (
            <Badge color="gray" variant="filled" tt="none">
              {t("organisations.members.statusLeft")}
            </Badge>
          )}
        </Group>
        {member.email && (
          <Text size="sm">
            {t("organisations.contact.email")}:{" "}
            <Anchor href={`mailto:${member.email}`} style={{ overflowWrap: "anywhere" }}>
              {member.email}
            </Anchor>
          </Text>
        )}
        {member.phone && (
          <Text size="sm">
            {t("organisations.contact.phone")}: <Anchor href={telHref(member.phone)}>{member.phone}</Anchor>
          </Text>
        )}
        {!member.email && !member.phone && (
          <Text size="sm" c="dimmed">
            {t("organisations.members.noContact")}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t("organisations.members.since", { date: formatDate(member.joinedOn) })}
        </Text>
        {isSelf && <ContactVisibilitySwitch orgSlug={orgSlug} member={member} />}
        {isSelf && <LeaveOrganisationButton membership={membership} onLeft={() => navigate("/app")} />}
        {canManage && !isSelf && member.status === "active" && (
          <RemoveMemberButton membership={membership} member={member} />
        )}
      </Stack>
    </Card>
  );
}

function MembersContent({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const session = useSession();
  const members = useMembers(membership.slug);
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<MemberEntry | null>(null);
  const isAdmin = hasAnyRole(membership, ["admin"]);
  const canInvite = hasAnyRole(membership, ["admin", "coordinator", "board"]);
  const isOnlyParent = membership.roles.every((r) => r === "parent");
  const userId = session.data?.user?.id;

  return (
    <Stack gap="lg">
      <PageHeader
        title={isOnlyParent ? t("organisations.members.titleParent") : t("organisations.members.title")}
        description={membership.name}
      />
      <MembershipPanel membership={membership} own={members.data?.find((m) => m.userId === userId) ?? null} />
      <QueryState query={members}>
        {(list) => {
          const needle = search.trim().toLowerCase();
          const shown = needle
            ? list.filter(
                (m) => m.name.toLowerCase().includes(needle) || m.email?.toLowerCase().includes(needle),
              )
            : list;
          // Own entry first, then staff, then everyone else by name.
          const sorted = [...shown].sort((a, b) => {
            const rank = (m: MemberEntry) =>
              m.userId === userId
                ? 0
                : m.status === "left"
                  ? 3
                  : m.roles.some((r) => staffRoles.includes(r))
                    ? 1
                    : 2;
            return rank(a) - rank(b) || a.name.localeCompare(b.name, "de");
          });
          return (
            <Stack gap="md">
              <Group justify="space-between" align="flex-end" gap="sm">
                <TextInput
                  label={t("organisations.members.search")}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                  type="search"
                  w={{ base: "100%", xs: 320 }}
                />
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t("organisations.members.count", { count: sorted.length })}
                </Text>
              </Group>
              {sorted.length === 0 ? (
                <Text>{t("common.none")}</Text>
              ) : (
                <SimpleGrid
                  cols={{ base: 1, sm: 2, lg: 3 }}
                  component="ul"
                  style={{ listStyle: "none", padding: 0, margin: 0 }}
                  data-testid="member-list"
                >
                  {sorted.map((member) => (
                    <MemberCard
                      key={member.id}
                      membership={membership}
                      member={member}
                      isSelf={member.userId === userId}
                      canManage={isAdmin}
                      onEdit={() => setEditing(member)}
                    />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          );
        }}
      </QueryState>
      {canInvite && !members.isError && (
        <InvitationSection orgSlug={membership.slug} canGrantAdmin={isAdmin} />
      )}
      {editing && (
        <MemberEditDialog orgSlug={membership.slug} member={editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

/** /app/:orgSlug/mitglieder: who belongs to the organisation, with contact data where shared. */
export function MembersPage() {
  return <OrgGuard>{(membership) => <MembersContent membership={membership} />}</OrgGuard>;
}
