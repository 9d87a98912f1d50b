import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { AccountSummary, PersonRef } from "../../../../contracts/training-account";
import { personKinds } from "../../../../contracts/training-account";
import { COURSE_CATEGORIES, type CourseCategory } from "../../../../core/training/catalogue";
import { hasAnyRole } from "../../../app/session";
import { useDateFormat } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import {
  ACCOUNT_FILTER_KEYS,
  ACCOUNT_READER_ROLES,
  ACCOUNT_STAFF_ROLES,
  type AccountFilters,
  accountsPath,
  personAccountPath,
  reviewPath,
  useAccounts,
  usePersonAccount,
} from "../account-api";
import { AccountInvite } from "../components/account-invite";
import { AccountOverview, STATE_COLOURS, useUnits } from "../components/account-overview";

const CERTIFICATE_FILTERS = ["missing", "expired", "expiring", "notValid"] as const;
const refKey = (ref: PersonRef) => `${ref.kind}:${ref.id}`;

function PersonCard({
  slug,
  item,
  selected,
  onToggle,
  canInvite,
}: {
  slug: string;
  item: AccountSummary;
  selected: boolean;
  onToggle: () => void;
  canInvite: boolean;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  const attention = item.certificates.filter((c) => c.state !== "valid");
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          {canInvite ? (
            <Checkbox checked={selected} onChange={onToggle} label={<Text fw={600}>{item.name}</Text>} />
          ) : (
            <Text fw={600}>{item.name}</Text>
          )}
          <Anchor component={Link} to={personAccountPath(slug, item.ref)} size="sm">
            {t("trainingAccount.list.open")}
          </Anchor>
        </Group>
        <Text size="sm">
          {item.requiredUnits !== null && item.heldUnits !== null
            ? t("trainingAccount.unitsOf", {
                held: units(item.heldUnits),
                required: units(item.requiredUnits),
              })
            : t("trainingAccount.list.noObligation")}
        </Text>
        <Group gap={6} wrap="wrap">
          {item.isPaused && (
            <Badge variant="filled" autoContrast tt="none" color="gray.7">
              {t("trainingAccount.list.pausedBadge")}
            </Badge>
          )}
          {!item.isPaused && item.overdueUnits > 0 && (
            <Badge variant="filled" autoContrast tt="none" color="red.8">
              {t("trainingAccount.list.overdueBadge", { units: units(item.overdueUnits) })}
            </Badge>
          )}
          {!item.isPaused && item.isBehind && item.overdueUnits === 0 && (
            <Badge variant="filled" autoContrast tt="none" color="yellow.4">
              {t("trainingAccount.list.behindBadge")}
            </Badge>
          )}
          {attention.map((c) => (
            <Badge variant="filled" autoContrast tt="none" key={c.category} color={STATE_COLOURS[c.state]}>
              {t(`trainingAccount.categories.${c.category}`)}: {t(`trainingAccount.states.${c.state}`)}
              {c.validUntil ? ` (${formatDate(c.validUntil)})` : ""}
            </Badge>
          ))}
          {!item.hasEmail && (
            <Badge variant="filled" autoContrast tt="none" color="gray.7">
              {t("trainingAccount.list.noEmail")}
            </Badge>
          )}
          {item.pendingUploads > 0 && (
            <Badge variant="filled" autoContrast tt="none" color="blue.8">
              {t("trainingAccount.list.pending", { count: item.pendingUploads })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

type FilterKey = (typeof ACCOUNT_FILTER_KEYS)[number];

function filtersOf(params: URLSearchParams): AccountFilters {
  return Object.fromEntries(ACCOUNT_FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as AccountFilters;
}

function searchOf(filters: AccountFilters): string {
  const params = new URLSearchParams();
  for (const key of ACCOUNT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params.toString();
}

/**
 * The filters live in the page's state and the address bar follows them (so a reload or a shared link shows
 * the same list). Each change is applied to the current state, not to the render it was clicked in, so two
 * quick clicks or typing while a checkbox is ticked never undo each other. A change of the address from
 * outside (back, the navigation link) is taken over.
 */
function useAccountFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const [filters, setFilters] = useState<AccountFilters>(() => filtersOf(params));
  // Addresses this page wrote, oldest first: the router applies them a moment later, so an address seen here
  // may be one of ours still catching up with a newer state, which must not be taken for a change from outside.
  const written = useRef([search]);
  useEffect(() => {
    const own = written.current.indexOf(search);
    if (own >= 0) {
      written.current = written.current.slice(own);
      return;
    }
    written.current = [search];
    setFilters(filtersOf(new URLSearchParams(search)));
  }, [search]);
  useEffect(() => {
    const next = searchOf(filters);
    if (next === written.current[written.current.length - 1]) return;
    written.current.push(next);
    setParams(next, { replace: true });
  }, [filters, setParams]);
  const setFilter = (key: FilterKey, value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const reset = () => setFilters(filtersOf(new URLSearchParams()));
  return { filters, setFilter, reset };
}

function Accounts({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { filters, setFilter, reset } = useAccountFilters();
  // Typing asks the server once she pauses, not for every letter.
  const [q] = useDebouncedValue(filters.q, 300);
  const accounts = useAccounts(membership.slug, { ...filters, q });
  const [selected, setSelected] = useState<Map<string, PersonRef>>(new Map());
  const canInvite = hasAnyRole(membership, ACCOUNT_STAFF_ROLES);
  const toggle = (ref: PersonRef) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(refKey(ref))) next.delete(refKey(ref));
      else next.set(refKey(ref), ref);
      return next;
    });
  const categories = COURSE_CATEGORIES.map((c) => ({
    value: c,
    label: t(`trainingAccount.categories.${c}`),
  }));
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={t("trainingAccount.list.title")}
        description={t("trainingAccount.list.intro")}
        actions={
          canInvite && (
            <Button component={Link} to={reviewPath(membership.slug)} variant="light">
              {t("trainingAccount.list.reviewLink")}
            </Button>
          )
        }
      />
      <Paper withBorder p="md" component="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t("trainingAccount.list.search")}
              type="search"
              value={filters.q}
              onChange={(e) => setFilter("q", e.currentTarget.value)}
            />
            <Select
              label={t("trainingAccount.list.category")}
              placeholder={t("trainingAccount.list.anyCategory")}
              data={categories}
              value={filters.category || null}
              onChange={(v) => setFilter("category", v ?? "")}
              clearable
            />
            <Select
              label={t("trainingAccount.list.certificate")}
              placeholder={t("trainingAccount.list.anyCertificate")}
              data={CERTIFICATE_FILTERS.map((f) => ({
                value: f,
                label: t(`trainingAccount.list.certificateFilters.${f}`),
              }))}
              value={filters.certificate || null}
              onChange={(v) => setFilter("certificate", v ?? "")}
              clearable
            />
          </SimpleGrid>
          <Group gap="lg">
            {(["overdue", "shortfall", "behind"] as const).map((key) => (
              <Checkbox
                key={key}
                label={t(`trainingAccount.list.${key}`)}
                checked={filters[key] === "true"}
                onChange={(e) => setFilter(key, e.currentTarget.checked ? "true" : "")}
              />
            ))}
          </Group>
          <Button variant="subtle" w="fit-content" onClick={reset}>
            {t("trainingAccount.list.reset")}
          </Button>
        </Stack>
      </Paper>
      <QueryState query={accounts}>
        {(data) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Text aria-live="polite" data-testid="accounts-count">
                {accounts.isPlaceholderData
                  ? t("trainingAccount.list.updating")
                  : t("trainingAccount.list.count", { count: data.items.length })}
              </Text>
              {canInvite && data.items.length > 0 && (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setSelected(new Map(data.items.map((i) => [refKey(i.ref), i.ref])))}
                >
                  {t("trainingAccount.list.selectAll")}
                </Button>
              )}
            </Group>
            {data.items.length === 0 ? (
              <Text>{t("trainingAccount.list.none")}</Text>
            ) : (
              <SimpleGrid
                aria-busy={accounts.isPlaceholderData}
                style={{ listStyle: "none", opacity: accounts.isPlaceholderData ? 0.6 : 1 }}
                cols={{ base: 1, md: 2 }}
                spacing="sm"
                component="ul"
                p={0}
                m={0}
              >
                {data.items.map((item) => (
                  <PersonCard
                    key={refKey(item.ref)}
                    slug={membership.slug}
                    item={item}
                    selected={selected.has(refKey(item.ref))}
                    onToggle={() => toggle(item.ref)}
                    canInvite={canInvite}
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        )}
      </QueryState>
      {canInvite && (
        <AccountInvite
          slug={membership.slug}
          people={[...selected.values()]}
          category={(filters.category as CourseCategory) || ""}
        />
      )}
    </Stack>
  );
}

/** "fortbildungskonten": every day-care person's account for the office; who is behind; invite a group. */
export function AccountsPage() {
  return (
    <OrgGuard roles={ACCOUNT_READER_ROLES}>{(membership) => <Accounts membership={membership} />}</OrgGuard>
  );
}

function PersonAccount({ membership, personRef }: { membership: MyMembership; personRef: PersonRef }) {
  const { t } = useTranslation();
  const account = usePersonAccount(membership.slug, personRef);
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={accountsPath(membership.slug)} size="sm">
        {t("trainingAccount.person.back")}
      </Anchor>
      <QueryState query={account}>
        {(data) => (
          <Stack gap="md">
            <PageHeader
              title={data.person.name}
              description={data.person.isInRegistry ? undefined : t("trainingAccount.person.notInRegistry")}
            />
            <AccountOverview account={data} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** "fortbildungskonten/:kind/:id": one day-care person's account as the office sees it. */
export function PersonAccountPage() {
  const { kind, id } = useParams();
  const personRef =
    kind && id && (personKinds as readonly string[]).includes(kind)
      ? ({ kind, id } as PersonRef)
      : { kind: "participant" as const, id: "" };
  return (
    <OrgGuard roles={ACCOUNT_READER_ROLES}>
      {(membership) => <PersonAccount membership={membership} personRef={personRef} />}
    </OrgGuard>
  );
}
