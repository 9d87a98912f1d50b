import { Badge, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createInvitationBody,
  type InvitationEntry,
  type InvitationState,
} from "../../../../contracts/organisations";
import type { Role } from "../../../../contracts/roles";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { orgApiPath, orgKeys, useInvitations } from "../api";
import { RoleCheckboxes } from "./role-checkboxes";

interface Values {
  email: string;
  roles: Role[];
}

const stateColours: Record<InvitationState, string> = {
  open: "blue",
  expired: "orange",
  accepted: "green",
  withdrawn: "gray",
};
// What still needs attention comes first; within each state the newest.
const stateOrder: Record<InvitationState, number> = { open: 0, expired: 1, accepted: 2, withdrawn: 2 };

/** The date that goes with the state: until when it is open, or when it expired, was accepted or withdrawn. */
function stateDate(invitation: InvitationEntry): string {
  switch (invitation.state) {
    case "accepted":
      return invitation.usedAt ?? invitation.expiresAt;
    case "withdrawn":
      return invitation.withdrawnAt ?? invitation.expiresAt;
    default:
      return invitation.expiresAt;
  }
}

function InvitationItem({
  invitation,
  canGrantAdmin,
  onWithdraw,
  onResend,
  busy,
}: {
  invitation: InvitationEntry;
  canGrantAdmin: boolean;
  onWithdraw: () => Promise<unknown>;
  onResend: () => Promise<unknown>;
  busy: "withdraw" | "resend" | null;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { email, state } = invitation;
  const canResend =
    (state === "open" || state === "expired") && (canGrantAdmin || !invitation.roles.includes("admin"));
  return (
    <Paper component="li" withBorder p="sm" data-testid="invitation-entry" data-state={state}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere", minWidth: 0 }}>
            {email}
          </Text>
          <Badge color={stateColours[state]} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t(`organisations.invitations.states.${state}`)}
          </Badge>
        </Group>
        <Group gap={4}>
          {invitation.roles.map((role) => (
            <Badge key={role} variant="outline" color="gray" tt="none" size="sm">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t(`organisations.invitations.stateDates.${state}`, { date: formatDate(stateDate(invitation)) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("organisations.invitations.sentOn", { date: formatDate(invitation.createdAt) })}
        </Text>
        {(canResend || state === "open") && (
          <Group gap="xs">
            {canResend && (
              <ConfirmButton
                variant="default"
                size="xs"
                title={t("organisations.invitations.resendTitle")}
                message={t("organisations.invitations.resendConfirm", { email })}
                confirmLabel={t("organisations.invitations.resend")}
                onConfirm={onResend}
                loading={busy === "resend"}
                aria-label={t("organisations.invitations.resendLabel", { email })}
                data-testid="invitation-resend"
              >
                {t("organisations.invitations.resend")}
              </ConfirmButton>
            )}
            {state === "open" && (
              <ConfirmButton
                variant="outline"
                color="red"
                size="xs"
                title={t("organisations.invitations.withdrawTitle")}
                message={t("organisations.invitations.withdrawConfirm", { email })}
                confirmLabel={t("organisations.invitations.withdraw")}
                onConfirm={onWithdraw}
                loading={busy === "withdraw"}
                aria-label={t("organisations.invitations.withdrawLabel", { email })}
                data-testid="invitation-withdraw"
              >
                {t("organisations.invitations.withdraw")}
              </ConfirmButton>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Every invitation with its state in words and its date; open ones can be withdrawn, unanswered resent. */
function InvitationList({
  orgSlug,
  invitations,
  canGrantAdmin,
}: {
  orgSlug: string;
  invitations: InvitationEntry[];
  canGrantAdmin: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: orgKeys.invitations(orgSlug) });
  const change = useMutation({
    mutationFn: ({ invitation, action }: { invitation: InvitationEntry; action: "withdraw" | "resend" }) =>
      action === "withdraw"
        ? del(`${orgApiPath(orgSlug)}/invitations/${invitation.id}`)
        : post(`${orgApiPath(orgSlug)}/invitations/${invitation.id}/resend`),
    onMutate: () => setError(null),
    onSuccess: async (_result, { invitation, action }) => {
      notifySuccess(
        t(
          action === "withdraw" ? "organisations.invitations.withdrawn" : "organisations.invitations.resent",
          { email: invitation.email },
        ),
      );
      await refresh();
    },
    onError: async (e) => {
      setError(e.message);
      await refresh();
    },
  });
  if (invitations.length === 0) return <Text c="dimmed">{t("organisations.invitations.none")}</Text>;
  const sorted = [...invitations].sort(
    (a, b) => stateOrder[a.state] - stateOrder[b.state] || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Stack gap="sm">
      <FormAlert message={error} />
      <Stack
        component="ul"
        gap="sm"
        aria-labelledby="einladungen-liste"
        data-testid="invitation-list"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {sorted.map((invitation) => (
          <InvitationItem
            key={invitation.id}
            invitation={invitation}
            canGrantAdmin={canGrantAdmin}
            onWithdraw={() => change.mutateAsync({ invitation, action: "withdraw" }).catch(() => undefined)}
            onResend={() => change.mutateAsync({ invitation, action: "resend" }).catch(() => undefined)}
            busy={
              change.isPending && change.variables?.invitation.id === invitation.id
                ? change.variables.action
                : null
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

/** Invite people by e-mail with their roles; only admins may hand out the admin role. */
export function InvitationSection({ orgSlug, canGrantAdmin }: { orgSlug: string; canGrantAdmin: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const invitations = useInvitations(orgSlug, true);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: { email: "", roles: [] },
    validate: useSchemaValidation(createInvitationBody),
  });
  const invite = useMutation({
    mutationFn: (values: Values) =>
      post(`${orgApiPath(orgSlug)}/invitations`, { ...values, email: values.email.trim() }),
    onMutate: () => setFormError(null),
    onSuccess: async (_result, values) => {
      notifySuccess(t("organisations.invitations.sent", { email: values.email.trim() }));
      form.reset();
      await client.invalidateQueries({ queryKey: orgKeys.invitations(orgSlug) });
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <Section
      id="einladungen"
      title={t("organisations.invitations.title")}
      intro={t("organisations.invitations.intro")}
    >
      <form
        onSubmit={form.onSubmit((values) => invite.mutate(values), onInvalid)}
        noValidate
        data-testid="invitation-form"
      >
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput
            label={t("organisations.invitations.email")}
            type="email"
            autoComplete="off"
            required
            withAsterisk={false}
            maw={480}
            {...form.getInputProps("email")}
          />
          <RoleCheckboxes
            label={t("organisations.invitations.roles")}
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue("roles", roles)}
            error={form.errors.roles as string | undefined}
            canGrantAdmin={canGrantAdmin}
            testId="invitation-roles"
          />
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t("organisations.invitations.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="xs">
        <Text fw={600} component="h3" fz="md" m={0} id="einladungen-liste">
          {t("organisations.invitations.listTitle")}
        </Text>
        <QueryState query={invitations}>
          {(list) => <InvitationList orgSlug={orgSlug} invitations={list} canGrantAdmin={canGrantAdmin} />}
        </QueryState>
      </Stack>
    </Section>
  );
}
