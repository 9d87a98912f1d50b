import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaregiverListItem } from "../../../../contracts/caregivers";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  type ContractCreateBody,
  type ContractDto,
  contractListStatuses,
  SETTLING_IN_DAYS,
} from "../../../../contracts/placement";
import { ageInMonths } from "../../../../core/placement/requests";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { ApiError, get, post } from "../../../app/api";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { useUrlFilters } from "../../../components/url-filters";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { orgApi, placementKeys } from "../api";
import {
  type CareTimeRow,
  CareTimesEditor,
  careTimeErrors,
  toCareTimes,
} from "../components/care-times-editor";
import { ContractChangeForm } from "../components/contract-change-form";
import { ContractError } from "../components/place-problems";
import { formatAge, orgPath, useCareTimesText } from "../format";

/** The filters as they stand in the address bar; empty means the server's default (active contracts). */
interface ListParams {
  status: string;
  q: string;
  caregiverId: string;
}

function searchString(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

function useContracts(slug: string, params: ListParams) {
  return useQuery({
    queryKey: [...placementKeys.all(slug), "contracts", "list", params],
    queryFn: () => get<ContractDto[]>(`${orgApi(slug)}/care-contracts${searchString(params)}`),
    placeholderData: (previous) => previous,
  });
}

/** Every caregiver of the office, for the filter and the form (an office has a few hundred at most). */
function useCaregivers(slug: string) {
  return useQuery({
    queryKey: [...placementKeys.all(slug), "contract-caregivers"],
    queryFn: () =>
      get<{ items: CaregiverListItem[]; total: number }>(`${orgApi(slug)}/caregivers?limit=500&offset=0`),
    select: (data) => data.items,
  });
}

const caregiverName = (c: CaregiverListItem) => `${c.firstName} ${c.lastName}`;

interface CreateValues {
  caregiverId: string;
  childFirstName: string;
  childBirthDate: string;
  start: string;
  end: string;
  settlingInEnd: string;
  careTimes: CareTimeRow[];
}

/**
 * Records a contract that did not come through an offer. The server checks her places as for an accepted
 * offer and answers with the reasons when there is none; those are shown under the form.
 */
function CreateContractForm({
  slug,
  caregivers,
  initialCaregiverId,
  onCreated,
}: {
  slug: string;
  caregivers: CaregiverListItem[];
  initialCaregiverId: string;
  onCreated: (contract: ContractDto) => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const today = todayIso(new Date());
  const required = (value: string) => (value.trim() ? null : t("validation.required"));
  const form = useForm<CreateValues>({
    initialValues: {
      caregiverId: initialCaregiverId,
      childFirstName: "",
      childBirthDate: "",
      start: today,
      end: "",
      settlingInEnd: addDays(today, SETTLING_IN_DAYS),
      careTimes: [],
    },
    validate: (values) => ({
      caregiverId: required(values.caregiverId),
      childFirstName: required(values.childFirstName),
      childBirthDate: required(values.childBirthDate),
      start: required(values.start),
      settlingInEnd: required(values.settlingInEnd),
      ...careTimeErrors(values.careTimes, t),
    }),
  });
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      post<ContractDto>(`${orgApi(slug)}/care-contracts`, {
        caregiverId: values.caregiverId,
        childFirstName: values.childFirstName,
        childBirthDate: values.childBirthDate,
        start: values.start,
        end: values.end || null,
        settlingInEnd: values.settlingInEnd,
        careTimes: toCareTimes(values.careTimes),
      } satisfies ContractCreateBody),
    onMutate: () => setFormError(null),
    onSuccess: onCreated,
    onError: (error) => {
      // A full place is explained below the form; everything else belongs to the fields.
      if (error instanceof ApiError && error.code === "placeUnavailable") return;
      setFormError(applyApiErrors(error, form.setFieldError));
    },
  });
  const values = form.getValues();
  const active = caregivers.filter((c) => c.status !== "left");
  return (
    <form
      onSubmit={form.onSubmit((v) => create.mutate(v), onInvalid)}
      noValidate
      data-testid="contract-create-form"
    >
      <Stack gap="sm">
        <Text size="sm">{t("placement.contracts.createIntro")}</Text>
        <NativeSelect
          label={t("placement.contracts.caregiver")}
          required
          data={[
            { value: "", label: t("placement.contracts.chooseCaregiver") },
            ...active.map((c) => ({ value: c.id, label: caregiverName(c) })),
          ]}
          {...form.getInputProps("caregiverId")}
          data-testid="contract-caregiver"
        />
        <TextInput
          label={t("placement.contracts.childFirstName")}
          required
          maxLength={60}
          autoComplete="off"
          {...form.getInputProps("childFirstName")}
        />
        <TextInput
          type="date"
          label={t("placement.contracts.childBirthDate")}
          required
          {...form.getInputProps("childBirthDate")}
        />
        <TextInput
          type="date"
          label={t("placement.contracts.start")}
          required
          {...form.getInputProps("start")}
          onChange={(event) => {
            const start = event.currentTarget.value;
            form.setFieldValue("start", start);
            if (start) form.setFieldValue("settlingInEnd", addDays(start, SETTLING_IN_DAYS));
          }}
        />
        <TextInput
          type="date"
          label={t("placement.contracts.endOptional")}
          description={t("placement.contracts.endHint")}
          min={values.start || undefined}
          {...form.getInputProps("end")}
        />
        <TextInput
          type="date"
          label={t("placement.contracts.settlingInEnd")}
          description={t("placement.contracts.settlingInHint")}
          required
          min={values.start || undefined}
          {...form.getInputProps("settlingInEnd")}
        />
        <CareTimesEditor form={form} rows={values.careTimes} />
        <FormAlert message={formError} />
        {create.isError && create.error instanceof ApiError && create.error.code === "placeUnavailable" && (
          <ContractError
            error={create.error}
            from={values.start && values.start > today ? values.start : today}
          />
        )}
        <Button type="submit" loading={create.isPending} w="fit-content" data-testid="contract-create-save">
          {t("placement.contracts.save")}
        </Button>
      </Stack>
    </form>
  );
}

function ContractsList({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const client = useQueryClient();
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  const slug = membership.slug;
  const [search, updateSearch, clearSearch] = useUrlFilters();
  const params: ListParams = {
    status: search.get("status") ?? "",
    q: search.get("suche") ?? "",
    caregiverId: search.get("person") ?? "",
  };
  const [queryDraft, setQueryDraft] = useState(params.q);
  const [editing, setEditing] = useState<ContractDto | null>(null);
  const [isCreating, setCreating] = useState(false);
  const contracts = useContracts(slug, params);
  const caregivers = useCaregivers(slug);
  const today = todayIso(new Date());

  const update = (changes: Record<string, string>) => {
    updateSearch(changes);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ suche: queryDraft.trim() });
  };
  const hasFilters = Boolean(params.status || params.q || params.caregiverId);
  // Her week in the registry counts the contracts too.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: placementKeys.all(slug) }),
      client.invalidateQueries({ queryKey: ["caregivers", slug] }),
    ]);

  const columns: Column<ContractDto>[] = [
    {
      key: "child",
      header: t("placement.contracts.child"),
      isPrimary: true,
      cell: (c) => (
        <Group gap={6} wrap="wrap">
          <span>{c.childFirstName}</span>
          {c.end !== null && c.end < today && (
            <Badge size="sm" color="gray.7" variant="filled" tt="none">
              {t("placement.contracts.isEnded")}
            </Badge>
          )}
          {c.requestId ? (
            <Anchor component={Link} to={orgPath(slug, `vermittlung/${c.requestId}`)} size="xs">
              {t("placement.contracts.viaRequest")}
            </Anchor>
          ) : (
            <Text span size="xs" c="dimmed">
              {t("placement.contracts.direct")}
            </Text>
          )}
        </Group>
      ),
    },
    {
      key: "age",
      header: t("placement.contracts.ageNow"),
      cell: (c) => formatAge(ageInMonths(c.childBirthDate, today), t),
    },
    {
      key: "caregiver",
      header: t("placement.contracts.caregiverColumn"),
      cell: (c) => (
        <Anchor
          component={Link}
          to={orgPath(slug, `tagespflegepersonen/${c.caregiverId}`)}
          // In the table a name reads better whole; a phone's card has room for it on its own line.
          style={isPhone ? undefined : { whiteSpace: "nowrap" }}
        >
          {c.caregiverName}
        </Anchor>
      ),
    },
    {
      key: "period",
      header: t("placement.contracts.period"),
      cell: (c) =>
        c.end
          ? t("placement.contracts.fromTo", { start: formatDate(c.start), end: formatDate(c.end) })
          : t("placement.contracts.since", { start: formatDate(c.start) }),
    },
    { key: "times", header: t("placement.contracts.times"), cell: (c) => careTimes(c.careTimes) },
    {
      key: "settlingIn",
      header: t("placement.contracts.settlingInColumn"),
      cell: (c) => formatDate(c.settlingInEnd),
    },
    {
      key: "actions",
      header: t("placement.contracts.actions"),
      cell: (c) => (
        <Button variant="default" size="xs" onClick={() => setEditing(c)} data-testid="contract-edit">
          {t("placement.contracts.edit")}
          <VisuallyHidden>
            {`: ${t("placement.contracts.editLabel", { child: c.childFirstName, caregiver: c.caregiverName })}`}
          </VisuallyHidden>
        </Button>
      ),
    },
  ];

  const list = contracts.data;
  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("placement.contracts.pageTitle")}
        description={t("placement.contracts.pageIntro")}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setCreating(true)}
            disabled={!caregivers.data}
            data-testid="contract-create"
          >
            {t("placement.contracts.create")}
          </Button>
        }
      />
      <Group
        align="flex-end"
        gap="sm"
        component="form"
        onSubmit={submitSearch}
        role="search"
        aria-label={t("placement.contracts.filtersLabel")}
      >
        <NativeSelect
          label={t("placement.contracts.status")}
          value={params.status || "active"}
          onChange={(e) =>
            update({ status: e.currentTarget.value === "active" ? "" : e.currentTarget.value })
          }
          data={contractListStatuses.map((s) => ({
            value: s,
            label: t(`placement.contracts.statuses.${s}`),
          }))}
          style={{ flex: "1 1 160px" }}
          data-testid="contracts-status"
        />
        <NativeSelect
          label={t("placement.contracts.caregiver")}
          value={params.caregiverId}
          onChange={(e) => update({ person: e.currentTarget.value })}
          data={[
            { value: "", label: t("placement.contracts.allCaregivers") },
            ...(caregivers.data ?? []).map((c) => ({ value: c.id, label: caregiverName(c) })),
          ]}
          style={{ flex: "1 1 200px" }}
          data-testid="contracts-caregiver"
        />
        <TextInput
          type="search"
          label={t("placement.contracts.search")}
          value={queryDraft}
          onChange={(e) => setQueryDraft(e.currentTarget.value)}
          style={{ flex: "1 1 200px" }}
          data-testid="contracts-search"
        />
        <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden="true" />}>
          {t("placement.contracts.apply")}
        </Button>
        {hasFilters && (
          <Button
            variant="subtle"
            onClick={() => {
              setQueryDraft("");
              clearSearch();
            }}
          >
            {t("placement.contracts.reset")}
          </Button>
        )}
      </Group>

      {contracts.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {contracts.isError && <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />}
      {list && (
        <Stack
          gap="sm"
          aria-busy={contracts.isPlaceholderData}
          style={{ opacity: contracts.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" data-testid="contracts-count">
            {list.length === 0
              ? t("placement.contracts.empty")
              : t("placement.contracts.count", { count: list.length })}
          </Text>
          {list.length > 0 && (
            <ResponsiveTable
              caption={t("placement.contracts.tableLabel")}
              columns={columns}
              rows={list}
              rowKey={(c) => c.id}
              testId="contracts-list"
              rowTestId="contract-row"
            />
          )}
        </Stack>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t("placement.contracts.editTitle", { child: editing.childFirstName }) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
        fullScreen={isPhone}
        size="lg"
      >
        {editing && (
          <Stack gap="sm">
            <Text size="sm">
              {t("placement.contracts.editIntro", {
                child: editing.childFirstName,
                caregiver: editing.caregiverName,
                start: formatDate(editing.start),
              })}
            </Text>
            <ContractChangeForm
              slug={slug}
              contract={editing}
              onChanged={() => {
                setEditing(null);
                void refresh();
              }}
            />
          </Stack>
        )}
      </Modal>

      <Modal
        opened={isCreating}
        onClose={() => setCreating(false)}
        title={t("placement.contracts.createTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
        fullScreen={isPhone}
        size="lg"
      >
        {isCreating && caregivers.data && (
          <CreateContractForm
            slug={slug}
            caregivers={caregivers.data}
            initialCaregiverId={params.caregiverId}
            onCreated={() => {
              notifySuccess(t("placement.contracts.created"));
              setCreating(false);
              void refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** "vermittlung/vertraege": every care contract of the office, and contracts recorded by hand. */
export function ContractsPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>
      {(membership) => <ContractsList membership={membership} />}
    </OrgGuard>
  );
}
