import { Alert, Button, Container, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { PageHeader } from "../../../components/page-header";

/**
 * /mitglied-werden/bestaetigen/:token: the link from the mail. Confirming takes a click, so that a mail
 * program that opens links to check them does not use up the single-use link.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirm = useMutation({
    mutationFn: () =>
      post<{ organisationName: string }>(`/api/membership-confirmations/${encodeURIComponent(token)}`),
  });
  return (
    <Container size="sm" px={0} py={{ base: 0, sm: "md" }}>
      {confirm.data ? (
        <Stack gap="md" data-testid="membership-confirmed">
          <PageHeader title={t("membership.confirm.doneTitle")} />
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden="true" />} role="status">
            <Text c="var(--mantine-color-text)">
              {t("membership.confirm.done", { organisation: confirm.data.organisationName })}
            </Text>
          </Alert>
        </Stack>
      ) : (
        <Stack gap="md" align="flex-start">
          <PageHeader title={t("membership.confirm.title")} />
          <Text>{t("membership.confirm.text")}</Text>
          <FormAlert message={confirm.error ? confirm.error.message : null} />
          <Button
            size="md"
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
            data-testid="membership-confirm"
          >
            {t("membership.confirm.button")}
          </Button>
        </Stack>
      )}
    </Container>
  );
}
