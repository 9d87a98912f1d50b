import { Button, Select, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AbsenceReported } from "../../../../contracts/substitution";
import { FormDialog } from "../../caregivers/components/dialog";
import { useRegistryCaregivers } from "../api";
import { AbsenceForm } from "./absence-form";
import { AffectedChildren } from "./own-absences";
import { PartnerCheckPanel } from "./partner-check";

function OfficeAbsence({ slug, today, onDone }: { slug: string; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const registry = useRegistryCaregivers(slug, true);
  const [caregiverId, setCaregiverId] = useState<string | null>(null);
  const [reported, setReported] = useState<AbsenceReported | null>(null);
  if (reported) {
    return (
      <Stack gap="md" data-testid="office-absence-sent">
        <Text fw={600} role="status">
          {t("substitution.officeAbsence.entered")}
        </Text>
        {reported.partnerCheck && (
          <PartnerCheckPanel
            slug={slug}
            absenceId={reported.absence.id}
            initial={reported.partnerCheck}
            isOffice
          />
        )}
        <AffectedChildren affected={reported.affected} />
        <Button onClick={onDone} w="fit-content">
          {t("substitution.officeAbsence.done")}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Select
        label={t("substitution.officeAbsence.who")}
        description={t("substitution.substitutes.caregiverHint")}
        searchable
        withAsterisk
        data={(registry.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.firstName} ${c.lastName} (${c.town})`,
        }))}
        value={caregiverId}
        onChange={setCaregiverId}
        data-testid="office-absence-who"
      />
      {caregiverId && (
        <AbsenceForm
          key={caregiverId}
          slug={slug}
          today={today}
          caregiverId={caregiverId}
          onReported={setReported}
        />
      )}
    </Stack>
  );
}

/** The office enters an absence for a day-care person who phoned in, or plans a closing time for her. */
export function OfficeAbsenceButton({ slug, today }: { slug: string; today: string }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={() => setOpen(true)}
        data-testid="office-absence"
      >
        {t("substitution.officeAbsence.open")}
      </Button>
      <FormDialog
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={t("substitution.officeAbsence.title")}
      >
        <OfficeAbsence slug={slug} today={today} onDone={() => setOpen(false)} />
      </FormDialog>
    </>
  );
}
