import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractChangeBody, ContractDto } from "../../../../contracts/placement";
import { todayIso } from "../../../../core/shared/dates";
import { put } from "../../../app/api";
import { notifySuccess } from "../../../components/notify";
import { orgApi } from "../api";
import { type CareTimeRow, CareTimesEditor, careTimeErrors, toCareTimes, toRows } from "./care-times-editor";
import { ContractError } from "./place-problems";

/**
 * New weekly times for a running contract (more hours, another day): checked against her capacity by the
 * server from today or the contract's start, whichever is later.
 */
function TimesForm({
  contract,
  onSave,
  isPending,
}: {
  contract: ContractDto;
  onSave: (body: ContractChangeBody) => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<{ careTimes: CareTimeRow[] }>({
    mode: "uncontrolled",
    initialValues: { careTimes: toRows(contract.careTimes) },
    validate: (values) => careTimeErrors(values.careTimes, t),
  });
  return (
    <form onSubmit={form.onSubmit((values) => onSave({ careTimes: toCareTimes(values.careTimes) }))}>
      <Stack gap="xs">
        <CareTimesEditor form={form} rows={form.getValues().careTimes} />
        <Button
          type="submit"
          variant="default"
          w="fit-content"
          loading={isPending}
          data-testid="contract-times-save"
        >
          {t("placement.contracts.saveTimes")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Ends a contract on a date (or takes the end back) and changes its weekly times: the office's changes to a
 * contract, on a request's page and in the list of all contracts.
 */
export function ContractChangeForm({
  slug,
  contract,
  onChanged,
}: {
  slug: string;
  contract: ContractDto;
  onChanged: (updated: ContractDto) => void;
}) {
  const { t } = useTranslation();
  const [end, setEnd] = useState(contract.end ?? "");
  const [isEditingTimes, setEditingTimes] = useState(false);
  const change = useMutation({
    mutationFn: (body: ContractChangeBody) =>
      put<ContractDto>(`${orgApi(slug)}/care-contracts/${contract.id}`, body),
    onSuccess: (updated) => {
      notifySuccess(t("placement.contracts.saved"));
      setEditingTimes(false);
      onChanged(updated);
    },
  });
  const today = todayIso(new Date());
  return (
    <Stack gap="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate({ end: end || null });
        }}
      >
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label={t("placement.contracts.end")}
            value={end}
            min={contract.start}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
          <Button type="submit" variant="default" loading={change.isPending} data-testid="contract-end">
            {t("placement.contracts.saveEnd")}
          </Button>
          {!isEditingTimes && (
            <Button variant="subtle" onClick={() => setEditingTimes(true)} data-testid="contract-times">
              {t("placement.contracts.changeTimes")}
            </Button>
          )}
        </Group>
      </form>
      {isEditingTimes && (
        <TimesForm contract={contract} onSave={(body) => change.mutate(body)} isPending={change.isPending} />
      )}
      {change.isError && (
        <ContractError error={change.error} from={contract.start > today ? contract.start : today} />
      )}
    </Stack>
  );
}
