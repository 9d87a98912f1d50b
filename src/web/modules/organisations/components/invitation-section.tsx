import { Badge, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { createInvitationBody } from "../../../../contracts/organisations";
import type { Role } from "../../../../contracts/roles";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { type InvitationEntry, orgApiPath, orgKeys, useInvitations } from "../api";
import { RoleCheckboxes } from "./role-checkboxes";

interface Values {
  email: string;
  roles: Role[];
}

const isOpen = (invitation: InvitationEntry, now: number) =>
  invitation.usedAt === null && new Date(invitation.expiresAt).getTime() > now;

function OpenInvitations({ invitations }: { invitations: InvitationEntry[] }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const now = Date.now();
  const open = invitations.filter((i) => isOpen(i, now));
  if (open.length === 0) return <Text c="dimmed">{t("organisations.invitations.noneOpen")}</Text>;
  return (
    <Table verticalSpacing="xs" data-testid="invitation-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("organisations.invitations.email")}</Table.Th>
          <Table.Th scope="col">{t("organisations.invitations.validUntil")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {open.map((invitation) => (
          <Table.Tr key={invitation.id}>
            <Table.Td>
              <Stack gap={4}>
                <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                  {invitation.email}
                </Text>
                <Group gap={4}>
                  {invitation.roles.map((role) => (
                    <Badge key={role} variant="light" tt="none" size="sm">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("organisations.invitations.sentOn", { date: formatDate(invitation.createdAt) })}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(invitation.expiresAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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
        <Text fw={600} component="h3" fz="md" m={0}>
          {t("organisations.invitations.openTitle")}
        </Text>
        <QueryState query={invitations}>{(list) => <OpenInvitations invitations={list} />}</QueryState>
      </Stack>
    </Section>
  );
}
