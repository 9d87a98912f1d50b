import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconUpload } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ExternalCertificateDto,
  type ExternalUploadBody,
  externalFileContentTypes,
  externalFileMaxBytes,
  externalUploadBody,
} from "../../../../contracts/training-account";
import { COURSE_CATEGORIES } from "../../../../core/training/catalogue";
import { ApiError } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { myFileUrl, useAttachFile, useUploadExternal } from "../account-api";
import { useUnits } from "./account-overview";

const ACCEPT = externalFileContentTypes.join(",");

interface Values {
  category: string;
  provider: string;
  title: string;
  units: number | string;
  completedOn: string;
}

/** Her upload of a certificate from another provider: the details, and the scan or a phone photo. */
export function AccountUploadForm({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const uploadExternal = useUploadExternal(slug);
  const { formError, setFormError, onInvalid } = useFormError();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const validate = useSchemaValidation<Record<string, unknown>>(externalUploadBody);
  const form = useForm<Values>({
    initialValues: { category: "", provider: "", title: "", units: "", completedOn: "" },
    validate: (values) =>
      validate({ ...values, units: values.units === "" ? undefined : Number(values.units) }),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (file && file.size > externalFileMaxBytes) {
      setFileError(t("validation.externalFileTooLarge"));
      return;
    }
    setFileError(null);
    try {
      const result = await uploadExternal.mutateAsync({
        body: { ...values, units: Number(values.units) } as ExternalUploadBody,
        file,
      });
      if (result.fileError) {
        const message =
          result.fileError instanceof ApiError ? result.fileError.message : String(result.fileError);
        setFormError(t("trainingAccount.upload.fileFailed", { message }));
      } else notifySuccess(t("trainingAccount.upload.saved"));
      form.reset();
      setFile(null);
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);
  const categories = COURSE_CATEGORIES.map((c) => ({
    value: c,
    label: t(`trainingAccount.categories.${c}`),
  }));
  return (
    <Section
      id="hochladen"
      title={t("trainingAccount.upload.title")}
      intro={t("trainingAccount.upload.intro")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Select
            label={t("trainingAccount.upload.category")}
            data={categories}
            required
            allowDeselect={false}
            {...form.getInputProps("category")}
          />
          <TextInput
            label={t("trainingAccount.upload.courseTitle")}
            required
            autoComplete="off"
            {...form.getInputProps("title")}
          />
          <TextInput
            label={t("trainingAccount.upload.provider")}
            description={t("trainingAccount.upload.providerHint")}
            required
            autoComplete="organization"
            {...form.getInputProps("provider")}
          />
          <NumberInput
            label={t("trainingAccount.upload.units")}
            description={t("trainingAccount.upload.unitsHint")}
            required
            min={0.5}
            step={0.5}
            decimalScale={1}
            decimalSeparator={i18n.language === "en" ? "." : ","}
            inputMode="decimal"
            {...form.getInputProps("units")}
          />
          <TextInput
            type="date"
            label={t("trainingAccount.upload.completedOn")}
            required
            {...form.getInputProps("completedOn")}
          />
          <FileInput
            label={t("trainingAccount.upload.file")}
            description={t("trainingAccount.upload.fileHint")}
            accept={ACCEPT}
            clearable
            value={file}
            onChange={setFile}
            error={fileError}
            leftSection={<IconUpload size={16} aria-hidden="true" />}
          />
          <Button type="submit" loading={uploadExternal.isPending} w={{ base: "100%", sm: "auto" }}>
            {t("trainingAccount.upload.submit")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

const STATUS_COLOURS = { pending: "blue.8", accepted: "teal.9", rejected: "red.8" } as const;

function UploadRow({ slug, upload }: { slug: string; upload: ExternalCertificateDto }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  const attach = useAttachFile(slug);
  const reset = useRef<() => void>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    reset.current?.();
    if (!file) return;
    setError(null);
    try {
      await attach.mutateAsync({ id: upload.id, file });
      notifySuccess(t("trainingAccount.upload.fileSaved"));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("errors.internal"));
    }
  };
  return (
    <Stack gap={4} component="li">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{upload.title}</Text>
        <Badge variant="filled" autoContrast tt="none" color={STATUS_COLOURS[upload.status]}>
          {t(`trainingAccount.uploadStatus.${upload.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t(`trainingAccount.categories.${upload.category}`)} · {upload.provider} ·{" "}
        {t("trainingAccount.units", { value: units(upload.units) })} ·{" "}
        {t("trainingAccount.overview.completedOn", { date: formatDate(upload.completedOn) })}
      </Text>
      {upload.rejectionReason && (
        <Text size="sm" c="red.8">
          {t("trainingAccount.upload.reason", { reason: upload.rejectionReason })}
        </Text>
      )}
      <Group gap="sm">
        {upload.hasFile && (
          <Anchor href={myFileUrl(slug, upload.id)} target="_blank" rel="noopener" size="sm">
            {t("trainingAccount.upload.openFile")}
          </Anchor>
        )}
        {upload.status === "pending" && (
          <FileButton onChange={choose} accept={ACCEPT} resetRef={reset}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={attach.isPending}>
                {upload.hasFile
                  ? t("trainingAccount.upload.replaceFile")
                  : t("trainingAccount.upload.addFile")}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Her uploads with their review status; a file can still be added while one waits. */
export function AccountUploads({ slug, uploads }: { slug: string; uploads: ExternalCertificateDto[] }) {
  const { t } = useTranslation();
  return (
    <Section id="hochgeladen" title={t("trainingAccount.upload.listTitle")}>
      {uploads.length === 0 ? (
        <Text>{t("trainingAccount.upload.listNone")}</Text>
      ) : (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
          {uploads.map((u) => (
            <UploadRow key={u.id} slug={slug} upload={u} />
          ))}
        </Stack>
      )}
    </Section>
  );
}
