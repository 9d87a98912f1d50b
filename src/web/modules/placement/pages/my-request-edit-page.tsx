import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  changeableStatuses,
  type MyRequestDetail,
  type PublishedCriteria,
  requestChangeBody,
} from "../../../../contracts/placement";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { orgApi, placementKeys, useMyRequest, usePublishedCriteria } from "../api";
import {
  CareFields,
  CriteriaFields,
  NeedsFields,
  PlaceFields,
  type RequestFormValues,
  requestToForm,
  toChangeBody,
  useRequestValidation,
  WishesFields,
} from "../components/request-fields";
import { orgPath } from "../format";

function EditForm({
  membership,
  detail,
  criteria,
}: {
  membership: MyMembership;
  detail: MyRequestDetail;
  criteria: PublishedCriteria;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const slug = membership.slug;
  const back = orgPath(slug, `anfragen/${detail.id}`);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<RequestFormValues>({
    initialValues: requestToForm(detail),
    validate: useRequestValidation(requestChangeBody, toChangeBody, detail.wantedStart),
  });
  const save = useMutation({
    mutationFn: (values: RequestFormValues) =>
      put<MyRequestDetail>(`${orgApi(slug)}/my-placement-requests/${detail.id}`, toChangeBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (updated) => {
      client.setQueryData(placementKeys.myRequest(slug, detail.id), updated);
      await client.invalidateQueries({ queryKey: placementKeys.mine(slug) });
      notifySuccess(t("placement.my.changed"));
      navigate(back);
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values), onInvalid)}
      noValidate
      data-testid="request-form"
    >
      <Stack gap="lg">
        <CareFields form={form} />
        <PlaceFields form={form} />
        <WishesFields form={form} />
        <CriteriaFields form={form} criteria={criteria} organisationName={membership.name} />
        <NeedsFields form={form} />
        <FormAlert message={formError} />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="request-save">
            {t("common.save")}
          </Button>
          <Button component={Link} to={back} variant="default">
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditRequest({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const request = useMyRequest(membership.slug, id);
  const criteria = usePublishedCriteria(membership.slug);
  return (
    <Stack gap="lg" maw={760}>
      <QueryState query={request}>
        {(detail) => (
          <>
            <Stack gap={6}>
              <Anchor
                component={Link}
                to={orgPath(membership.slug, `anfragen/${detail.id}`)}
                size="sm"
                w="fit-content"
              >
                <Group gap={4} wrap="nowrap">
                  <IconArrowLeft size={16} aria-hidden="true" />
                  {t("placement.my.child", { child: detail.childFirstName })}
                </Group>
              </Anchor>
              <PageHeader title={t("placement.my.changeTitle", { child: detail.childFirstName })} />
            </Stack>
            {changeableStatuses.includes(detail.status) ? (
              <QueryState query={criteria}>
                {(published) => <EditForm membership={membership} detail={detail} criteria={published} />}
              </QueryState>
            ) : (
              <Text>{t("placement.my.notChangeable")}</Text>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** "anfragen/:id/aendern": the parent changes times, start, place, wishes, answers and needs. */
export function MyRequestEditPage() {
  return <OrgGuard roles={["parent"]}>{(membership) => <EditRequest membership={membership} />}</OrgGuard>;
}
