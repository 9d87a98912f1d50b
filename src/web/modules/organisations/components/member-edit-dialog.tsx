import { Button, Group, Modal, Radio, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type MemberEntry, updateMembershipBody } from "../../../../contracts/organisations";
import type { Role } from "../../../../contracts/roles";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { orgApiPath, orgKeys } from "../api";
import { RoleCheckboxes } from "./role-checkboxes";

interface Values {
  roles: Role[];
  status: MemberEntry["status"];
}

/**
 * Admins change a member's roles, or take back someone who has left. Removing a member is its own button
 * on the member's card, with a confirmation.
 */
export function MemberEditDialog({
  orgSlug,
  member,
  onClose,
}: {
  orgSlug: string;
  member: MemberEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: { roles: member.roles, status: member.status },
    validate: useSchemaValidation(updateMembershipBody),
  });
  const save = useMutation({
    mutationFn: (values: Values) => put(`${orgApiPath(orgSlug)}/members/${member.id}`, values),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      notifySuccess(t("organisations.members.updated", { name: member.name }));
      await Promise.all([
        client.invalidateQueries({ queryKey: orgKeys.members(orgSlug) }),
        client.invalidateQueries({ queryKey: ["memberships"] }),
      ]);
      onClose();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("organisations.members.editTitle", { name: member.name })}
      centered
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values), onInvalid)} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          <RoleCheckboxes
            label={t("organisations.members.roles")}
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue("roles", roles)}
            error={form.errors.roles as string | undefined}
            canGrantAdmin
            testId="member-edit-roles"
          />
          {member.status === "left" && (
            <Radio.Group
              label={t("organisations.members.status")}
              description={t("organisations.members.statusHint", { name: member.name })}
              {...form.getInputProps("status")}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="active" label={t("organisations.members.statusActive")} />
                <Radio value="left" label={t("organisations.members.statusLeft")} />
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="member-edit-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
