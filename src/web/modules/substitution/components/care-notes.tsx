import { Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconNotes } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CareNotesConsentBy,
  type CareNotesInput,
  type CareNotesList,
  type CareNotesState,
  careNotesInput,
} from "../../../../contracts/substitution";
import { del, get, put } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { FormDialog } from "../../caregivers/components/dialog";
import { Facts } from "../../caregivers/components/page";
import { refreshSubstitution, substitutionApi, substitutionKeys } from "../api";

/** Parents reach their own child's notes, the office any child's (for families without an account). */
const careNotesUrl = (slug: string, contractId: string, as: CareNotesConsentBy) =>
  `${substitutionApi(slug)}/${as === "parent" ? "family/" : ""}contracts/${encodeURIComponent(contractId)}/care-notes`;

/** Under the module's key: a save or withdrawal refreshes everything that could show the notes. */
const careNotesKey = (slug: string, ...rest: string[]) => [
  ...substitutionKeys.all(slug),
  "care-notes",
  ...rest,
];

function useFamilyCareNotes(slug: string) {
  return useQuery({
    queryKey: careNotesKey(slug, "family"),
    queryFn: () => get<CareNotesList>(`${substitutionApi(slug)}/family/care-notes`),
  });
}

/** The office's read is audited, so it happens only when the coordinator opens a child's notes. */
function useOfficeCareNotes(slug: string, contractId: string) {
  return useQuery({
    queryKey: careNotesKey(slug, "office", contractId),
    queryFn: () => get<CareNotesState>(careNotesUrl(slug, contractId, "office")),
    staleTime: 60_000,
  });
}

type Values = Required<Pick<CareNotesInput, "allergies" | "diet" | "notes" | "consent">>;

function CareNotesForm({
  slug,
  state,
  as,
  onDone,
}: {
  slug: string;
  state: CareNotesState;
  as: CareNotesConsentBy;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      allergies: state.careNotes?.allergies ?? "",
      diet: state.careNotes?.diet ?? "",
      notes: state.careNotes?.notes ?? "",
      // Consent is given anew with every save: the box starts empty.
      consent: false,
    },
    validate: useSchemaValidation<Values>(careNotesInput),
  });
  const save = useMutation({
    mutationFn: (values: Values) => put<CareNotesState>(careNotesUrl(slug, state.contractId, as), values),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.careNotes.saved", { child: state.childFirstName }));
      onDone();
    },
    onError: (error) =>
      setFormError(applyApiErrors(error, (path, message) => form.setFieldError(path, message))),
  });
  const field = (name: "allergies" | "diet" | "notes", maxLength: number) => (
    <Textarea
      label={t(`substitution.careNotes.${name}`)}
      description={t(`substitution.careNotes.${name}Hint`)}
      autosize
      minRows={name === "notes" ? 2 : 1}
      maxLength={maxLength}
      data-testid={`care-notes-${name}`}
      {...form.getInputProps(name)}
    />
  );
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="care-notes-form"
    >
      <Stack gap="sm">
        <FormAlert message={formError} />
        {field("allergies", 300)}
        {field("diet", 300)}
        {field("notes", 500)}
        <Checkbox
          label={t(
            as === "parent" ? "substitution.careNotes.consentParent" : "substitution.careNotes.consentOffice",
          )}
          description={as === "office" ? t("substitution.careNotes.consentOfficeHint") : undefined}
          data-testid="care-notes-consent"
          {...form.getInputProps("consent", { type: "checkbox" })}
        />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="care-notes-save">
            {t("substitution.careNotes.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("substitution.careNotes.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The stored notes, the consent behind them, and the buttons to change or withdraw them. */
function CareNotesView({
  slug,
  state,
  as,
  onEdit,
}: {
  slug: string;
  state: CareNotesState;
  as: CareNotesConsentBy;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const client = useQueryClient();
  const child = state.childFirstName;
  const withdraw = useMutation({
    mutationFn: () => del<{ ok: true }>(careNotesUrl(slug, state.contractId, as)),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.careNotes.withdrawn", { child }));
    },
  });
  const notes = state.careNotes;
  if (!notes)
    return (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("substitution.careNotes.none")}</Text>
        <Button
          variant="light"
          leftSection={<IconNotes size={18} aria-hidden="true" />}
          onClick={onEdit}
          aria-label={t("substitution.careNotes.addFor", { child })}
          data-testid="care-notes-add"
        >
          {t("substitution.careNotes.add")}
        </Button>
      </Stack>
    );
  return (
    <Stack gap="sm" data-testid="care-notes-stored">
      <Facts
        items={[
          { label: t("substitution.careNotes.allergies"), value: notes.allergies || "–" },
          { label: t("substitution.careNotes.diet"), value: notes.diet || "–" },
          ...(notes.notes
            ? [{ label: t("substitution.careNotes.notes"), value: notes.notes, isWide: true }]
            : []),
        ]}
      />
      <Text size="sm" c="dimmed">
        {t("substitution.careNotes.consentGiven", { date: formatDate(notes.consentAt) })} –{" "}
        {t(`substitution.careNotes.consentBy.${notes.consentBy}`)}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button
          variant="default"
          onClick={onEdit}
          aria-label={t("substitution.careNotes.editFor", { child })}
          data-testid="care-notes-edit"
        >
          {t("substitution.careNotes.edit")}
        </Button>
        <ConfirmButton
          variant="default"
          color="red.9"
          title={t("substitution.careNotes.withdrawTitle")}
          message={t("substitution.careNotes.withdrawText", { child })}
          confirmLabel={t("substitution.careNotes.withdrawConfirm")}
          onConfirm={() => withdraw.mutateAsync()}
          loading={withdraw.isPending}
          aria-label={t("substitution.careNotes.withdrawFor", { child })}
          data-testid="care-notes-withdraw"
        >
          {t("substitution.careNotes.withdraw")}
        </ConfirmButton>
      </Group>
      {withdraw.isError && <ErrorAlert error={withdraw.error} />}
    </Stack>
  );
}

function CareNotesEditor({
  slug,
  state,
  as,
}: {
  slug: string;
  state: CareNotesState;
  as: CareNotesConsentBy;
}) {
  const [isEditing, setEditing] = useState(false);
  return isEditing ? (
    <CareNotesForm slug={slug} state={state} as={as} onDone={() => setEditing(false)} />
  ) : (
    <CareNotesView slug={slug} state={state} as={as} onEdit={() => setEditing(true)} />
  );
}

/** The parents' page: per child what a substitute must know, with their consent, to change or withdraw. */
export function FamilyCareNotes({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const list = useFamilyCareNotes(slug);
  return (
    <Section
      id="hinweise"
      title={t("substitution.careNotes.title")}
      intro={
        <Stack gap={6}>
          <span>{t("substitution.careNotes.intro")}</span>
          <span>{t("substitution.careNotes.who")}</span>
        </Stack>
      }
    >
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("substitution.careNotes.noChildren")}</Text>
          ) : (
            <Stack gap="md">
              {data.items.map((state) => (
                <Card
                  key={state.contractId}
                  component="article"
                  withBorder
                  padding="md"
                  aria-labelledby={`care-notes-${state.contractId}`}
                  data-testid="care-notes-child"
                  data-child={state.childFirstName}
                >
                  <Stack gap="sm">
                    <Title order={3} size="h4" id={`care-notes-${state.contractId}`}>
                      {t("substitution.careNotes.childTitle", {
                        child: state.childFirstName,
                        caregiver: state.caregiverName,
                      })}
                    </Title>
                    <CareNotesEditor slug={slug} state={state} as="parent" />
                  </Stack>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}

function OfficeCareNotes({ slug, contractId }: { slug: string; contractId: string }) {
  const { t } = useTranslation();
  const notes = useOfficeCareNotes(slug, contractId);
  return (
    <Stack gap="md">
      <Text size="sm">{t("substitution.careNotes.officeIntro")}</Text>
      <QueryState query={notes}>
        {(state) => (
          <Stack gap="sm">
            {state.hasParentAccount && (
              <Text size="sm" c="dimmed">
                {t("substitution.careNotes.parentAccount")}
              </Text>
            )}
            <CareNotesEditor slug={slug} state={state} as="office" />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** On the board's child row: the office opens the child's notes (an audited read) and keeps them. */
export function CareNotesButton({
  slug,
  contractId,
  childFirstName,
}: {
  slug: string;
  contractId: string;
  childFirstName: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size="sm"
        variant="default"
        leftSection={<IconNotes size={16} aria-hidden="true" />}
        onClick={open}
        aria-label={t("substitution.careNotes.boardFor", { child: childFirstName })}
        data-testid="cover-care-notes"
      >
        {t("substitution.careNotes.board")}
      </Button>
      <FormDialog
        opened={opened}
        onClose={close}
        title={t("substitution.careNotes.dialogTitle", { child: childFirstName })}
      >
        <OfficeCareNotes slug={slug} contractId={contractId} />
      </FormDialog>
    </>
  );
}
