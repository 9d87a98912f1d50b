import { Button, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractChangeBody, ContractDto } from "../../../../contracts/placement";
import { get, put } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { orgApi } from "../api";
import { useCareTimesText } from "../format";
import { type CareTimeRow, CareTimesEditor, careTimeErrors, toCareTimes, toRows } from "./care-times-editor";

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

function ContractItem({
  slug,
  contract,
  onChanged,
}: {
  slug: string;
  contract: ContractDto;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const [end, setEnd] = useState(contract.end ?? "");
  const [isEditingTimes, setEditingTimes] = useState(false);
  const change = useMutation({
    mutationFn: (body: ContractChangeBody) =>
      put<ContractDto>(`${orgApi(slug)}/care-contracts/${contract.id}`, body),
    onSuccess: () => {
      notifySuccess(t("placement.contracts.saved"));
      setEditingTimes(false);
      onChanged();
    },
  });
  return (
    <List.Item>
      <Stack gap="xs">
        <Text size="sm">
          {[
            t("placement.contracts.line", {
              child: contract.childFirstName,
              caregiver: contract.caregiverName,
              start: formatDate(contract.start),
              times: careTimes(contract.careTimes),
            }),
            t("placement.week.settlingIn", { date: formatDate(contract.settlingInEnd) }),
            contract.end ? t("placement.week.contractEnds", { date: formatDate(contract.end) }) : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
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
          <TimesForm
            contract={contract}
            onSave={(body) => change.mutate(body)}
            isPending={change.isPending}
          />
        )}
        {change.isError && <ErrorAlert error={change.error} />}
      </Stack>
    </List.Item>
  );
}

/** The care contract a request led to; the office can set or change its end. */
export function ContractsPanel({ slug, requestId }: { slug: string; requestId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const queryKey = ["placement", slug, "contracts", requestId];
  const query = useQuery({
    queryKey,
    queryFn: () =>
      get<ContractDto[]>(`${orgApi(slug)}/care-contracts?requestId=${encodeURIComponent(requestId)}`),
  });
  return (
    <QueryState query={query}>
      {(contracts) =>
        contracts.length === 0 ? (
          <Text size="sm">{t("placement.week.noContracts")}</Text>
        ) : (
          <List spacing="sm" data-testid="request-contracts">
            {contracts.map((c) => (
              <ContractItem
                key={c.id}
                slug={slug}
                contract={c}
                onChanged={() => client.invalidateQueries({ queryKey: ["placement", slug] })}
              />
            ))}
          </List>
        )
      }
    </QueryState>
  );
}
