import { Alert, Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck, IconClock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Answers, MemberEventDetail, MyRegistration } from "../../../../contracts/events";
import { post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { memberEventApi, refreshEvents } from "../api";
import { usePlacesText } from "./event-format";
import { emptyAnswers, missingAnswers, QuestionFields } from "./question-fields";

/** Her registration as it stands: registered or on the waiting list, her answers, and the way out until the start. */
function OwnRegistration({
  slug,
  event,
  registration,
}: {
  slug: string;
  event: MemberEventDetail;
  registration: MyRegistration;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => post<MyRegistration>(`${memberEventApi(slug, event.id)}/cancel-registration`),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.registration.cancelled"));
    },
  });
  const isWaiting = registration.status === "waiting";
  return (
    <Stack gap="sm">
      <Alert
        color={isWaiting ? "yellow" : "teal"}
        variant="light"
        icon={isWaiting ? <IconClock aria-hidden /> : <IconCircleCheck aria-hidden />}
        role="status"
      >
        <Text size="sm" c="var(--mantine-color-text)" data-testid="member-registration-status">
          {isWaiting
            ? `${t("events.member.registeredWaiting")} ${t("events.status.waiting", { position: registration.waitingPosition ?? "–" })}`
            : t("events.member.registered")}
        </Text>
      </Alert>
      {registration.answers.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t("events.member.answers")}
          </Text>
          <List size="sm" spacing={2}>
            {registration.answers.map((answer) => (
              <List.Item key={answer.questionId}>
                {answer.label}:{" "}
                {typeof answer.value === "boolean"
                  ? t(answer.value ? "events.questions.yes" : "events.questions.no")
                  : answer.value || "–"}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {registration.canCancel ? (
        <ConfirmButton
          variant="default"
          color="red.9"
          w={{ base: "100%", xs: "fit-content" }}
          title={t("events.registration.cancelTitle")}
          message={t("events.registration.cancelText")}
          confirmLabel={t("events.registration.cancel")}
          onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
          loading={cancel.isPending}
          data-testid="member-cancel-registration"
        >
          {t("events.registration.cancel")}
        </ConfirmButton>
      ) : (
        <Text size="sm" c="dimmed">
          {t("events.registration.cannotCancel")}
        </Text>
      )}
    </Stack>
  );
}

/** Registering with the event's questions; with every place taken she goes onto the waiting list. */
function RegisterForm({ slug, event }: { slug: string; event: MemberEventDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<{ answers: Answers }>({
    initialValues: { answers: emptyAnswers(event.questions) },
    validate: (values) => missingAnswers(event.questions, values.answers, t),
  });
  const register = useMutation({
    mutationFn: (values: { answers: Answers }) =>
      post<MyRegistration>(`${memberEventApi(slug, event.id)}/register`, values),
    onMutate: () => setFormError(null),
    onSuccess: async (result) => {
      await refreshEvents(client, slug);
      notifySuccess(
        t(result.status === "waiting" ? "events.member.registeredWaiting" : "events.member.registered"),
      );
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  const toWaitingList = event.registration.freePlaces === 0;
  return (
    <form
      onSubmit={form.onSubmit((values) => register.mutate(values), onInvalid)}
      noValidate
      data-testid="member-register-form"
    >
      <Stack gap="sm" maw={480}>
        {toWaitingList && <Text size="sm">{t("events.guest.introWaiting")}</Text>}
        <FormAlert message={formError} />
        <QuestionFields
          questions={event.questions}
          answers={form.values.answers}
          errors={form.errors}
          onChange={(id, value) => form.setFieldValue(`answers.${id}`, value)}
        />
        <Button
          type="submit"
          loading={register.isPending}
          w={{ base: "100%", xs: "fit-content" }}
          data-testid="member-register"
        >
          {t(toWaitingList ? "events.member.registerWaiting" : "events.member.register")}
        </Button>
      </Stack>
    </form>
  );
}

/** The registration block of a member's event page: free places, then her registration or the form. */
export function MemberRegistration({ slug, event }: { slug: string; event: MemberEventDetail }) {
  const { t } = useTranslation();
  const placesText = usePlacesText();
  const { registration } = event;
  if (event.status === "cancelled") return null;
  if (!registration.enabled) return <Text>{t("events.public.registerNotNeeded")}</Text>;
  const places = placesText(registration);
  const mine =
    event.myRegistration && event.myRegistration.status !== "cancelled" ? event.myRegistration : null;
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="anmeldung-titel">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="anmeldung-titel">
          {mine ? t("events.registration.title") : t("events.public.registerTitle")}
        </Title>
        {places && (
          <Text fw={600} data-testid="event-places">
            {places}
          </Text>
        )}
        {mine ? (
          <OwnRegistration slug={slug} event={event} registration={mine} />
        ) : registration.isOpen ? (
          <RegisterForm key={event.id} slug={slug} event={event} />
        ) : (
          <Text>{t("events.places.closed")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
