import { Alert, Button, Checkbox, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { contactInput } from "../../../../contracts/site";
import { contactRules } from "../../../../core/site/contact";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { fetchContactToken, sendContact } from "../api";

const empty = { name: "", email: "", subject: "", message: "", sendCopy: false, website: "", token: "" };

/**
 * The public contact form. The token (the signed moment the form was loaded) comes from the server; the
 * field "website" is hidden from people and only robots fill it (core/site/contact.ts).
 */
export function ContactForm({ slug, organisationName }: { slug: string; organisationName: string }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const token = useQuery({
    queryKey: ["public-site", slug, "contact-token", sent],
    queryFn: () => fetchContactToken(slug),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: !sent,
  });
  const validate = useSchemaValidation(contactInput.omit({ token: true }));
  const form = useForm({ initialValues: empty, validate });
  const { formError, setFormError, onInvalid } = useFormError();

  if (sent) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="green" role="status" data-testid="contact-sent">
          {t("site.contact.sent", { organisation: organisationName })}
        </Alert>
        <Button variant="light" onClick={() => setSent(false)}>
          {t("site.contact.another")}
        </Button>
      </Stack>
    );
  }

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setBusy(true);
    try {
      await sendContact(slug, { ...values, token: token.data?.token ?? "" });
      form.reset();
      setSent(true);
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    } finally {
      setBusy(false);
    }
  }, onInvalid);

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label={t("site.contact.name")}
          autoComplete="name"
          required
          {...form.getInputProps("name")}
        />
        <TextInput
          label={t("site.contact.email")}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps("email")}
        />
        <TextInput label={t("site.contact.subject")} {...form.getInputProps("subject")} />
        <Textarea
          label={t("site.contact.message")}
          required
          autosize
          minRows={5}
          maxLength={contactRules.maxMessageLength}
          {...form.getInputProps("message")}
        />
        {/* People never see this field; robots fill every field they find. */}
        <div
          aria-hidden="true"
          style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
        >
          <label>
            {t("site.contact.honeypot")}
            <input type="text" tabIndex={-1} autoComplete="off" {...form.getInputProps("website")} />
          </label>
        </div>
        <Checkbox
          label={t("site.contact.sendCopy")}
          {...form.getInputProps("sendCopy", { type: "checkbox" })}
        />
        <Text size="sm" c="dimmed">
          {t("site.contact.privacy")}
        </Text>
        <Button type="submit" loading={busy} disabled={!token.data} w="fit-content">
          {t("site.contact.send")}
        </Button>
      </Stack>
    </form>
  );
}
