import { Alert, Box, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GuestRegisterBody, guestRegisterBody, type PublicEvent } from "../../../../contracts/events";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { publicEventApi } from "../api";
import { emptyAnswers, missingAnswers, QuestionFields } from "./question-fields";

/**
 * A guest registers with name and e-mail (and the event's questions); the place or the waiting position is
 * held only once the e-mailed link is clicked. `website` is a trap for machines: off-screen, out of the tab
 * order and hidden from screen readers, so only a program fills it in.
 */
export function GuestRegistrationForm({ slug, event }: { slug: string; event: PublicEvent }) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { formError, setFormError, onInvalid } = useFormError();
  const schemaValidation = useSchemaValidation<GuestRegisterBody>(guestRegisterBody);
  const form = useForm<GuestRegisterBody>({
    initialValues: { name: "", email: "", answers: emptyAnswers(event.questions), website: "" },
    validate: (values) => ({
      ...schemaValidation(values),
      ...missingAnswers(event.questions, values.answers, t),
    }),
  });
  const send = useMutation({
    mutationFn: (values: GuestRegisterBody) =>
      post(`${publicEventApi(slug, event.id)}/guest-registrations`, values),
    onMutate: () => setFormError(null),
    onSuccess: (_result, values) => setSentTo(values.email.trim()),
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  const toWaitingList = event.registration.freePlaces === 0;

  if (sentTo) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconMailCheck aria-hidden />}
        role="status"
        data-testid="guest-sent"
      >
        <Text size="sm" c="var(--mantine-color-text)">
          {t("events.guest.sent", { email: sentTo })}
        </Text>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={form.onSubmit((values) => send.mutate(values), onInvalid)}
      noValidate
      data-testid="guest-form"
    >
      <Stack gap="sm" maw={480}>
        <Text size="sm">{t(toWaitingList ? "events.guest.introWaiting" : "events.guest.intro")}</Text>
        <FormAlert message={formError} />
        <TextInput
          label={t("events.guest.name")}
          autoComplete="name"
          required
          withAsterisk={false}
          maxLength={120}
          {...form.getInputProps("name")}
        />
        <TextInput
          type="email"
          label={t("events.guest.email")}
          autoComplete="email"
          required
          withAsterisk={false}
          maxLength={254}
          {...form.getInputProps("email")}
        />
        <QuestionFields
          questions={event.questions}
          answers={form.values.answers}
          errors={form.errors}
          onChange={(id, value) => form.setFieldValue(`answers.${id}`, value)}
        />
        <Box
          aria-hidden
          style={{ position: "absolute", left: -10_000, width: 1, height: 1, overflow: "hidden" }}
        >
          <TextInput
            label={t("events.guest.website")}
            tabIndex={-1}
            autoComplete="off"
            {...form.getInputProps("website")}
          />
        </Box>
        <Text size="xs" c="dimmed">
          {t("events.guest.privacy")}
        </Text>
        <Button
          type="submit"
          loading={send.isPending}
          w={{ base: "100%", xs: "fit-content" }}
          data-testid="guest-submit"
        >
          {t(toWaitingList ? "events.guest.submitWaiting" : "events.guest.submit")}
        </Button>
      </Stack>
    </form>
  );
}
