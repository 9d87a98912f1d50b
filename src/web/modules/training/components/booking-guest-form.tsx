import { Alert, Box, Button, Collapse, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type GuestBookingBody, guestBookingBody, type PublicCourse } from "../../../../contracts/training";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { publicCoursesApi } from "../booking-api";

/**
 * A guest asks for a place with name and e-mail; the place (or the waiting position) is held only once the
 * e-mailed link is clicked. `website` is a trap for machines: off-screen, out of the tab order and hidden from
 * screen readers, so only a program fills it in.
 */
export function GuestBookingForm({ slug, course }: { slug: string; course: PublicCourse }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const formId = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<GuestBookingBody>({
    initialValues: { name: "", email: "", website: "" },
    validate: useSchemaValidation(guestBookingBody),
  });
  const send = useMutation({
    mutationFn: (values: GuestBookingBody) =>
      post(`${publicCoursesApi(slug)}/${encodeURIComponent(course.id)}/guest-bookings`, values),
    onMutate: () => setFormError(null),
    onSuccess: (_result, values) => setSentTo(values.email.trim()),
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  const toWaitingList = course.freePlaces === 0 || course.waitingCount > 0;

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
          {t("training.web.guest.sent", { email: sentTo })}
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Button
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={formId}
        variant={opened ? "default" : "filled"}
        w={{ base: "100%", xs: "fit-content" }}
        data-testid="guest-open"
      >
        {t(toWaitingList ? "training.web.book.joinWaiting" : "training.web.guest.open")}
      </Button>
      <Collapse in={opened} id={formId}>
        <form
          onSubmit={form.onSubmit((values) => send.mutate(values), onInvalid)}
          noValidate
          data-testid="guest-form"
        >
          <Stack gap="sm" maw={480} pt="xs">
            <Text size="sm">
              {t(toWaitingList ? "training.web.guest.introWaiting" : "training.web.guest.intro")}
            </Text>
            <FormAlert message={formError} />
            <TextInput
              label={t("training.web.guest.name")}
              description={t("training.web.guest.nameHint")}
              autoComplete="name"
              required
              withAsterisk={false}
              maxLength={120}
              {...form.getInputProps("name")}
            />
            <TextInput
              type="email"
              label={t("training.web.guest.email")}
              autoComplete="email"
              required
              withAsterisk={false}
              maxLength={254}
              {...form.getInputProps("email")}
            />
            <Box
              aria-hidden
              style={{ position: "absolute", left: -10_000, width: 1, height: 1, overflow: "hidden" }}
            >
              <TextInput
                label={t("training.web.guest.website")}
                tabIndex={-1}
                autoComplete="off"
                {...form.getInputProps("website")}
              />
            </Box>
            <Text size="xs" c="dimmed">
              {t("training.web.guest.privacy")}
            </Text>
            <Button type="submit" loading={send.isPending} data-testid="guest-submit">
              {t("training.web.guest.submit")}
            </Button>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}
