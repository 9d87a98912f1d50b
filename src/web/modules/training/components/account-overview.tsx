import { Alert, Badge, Button, Collapse, Group, List, Progress, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AccountCertificate, TrainingAccountDto } from "../../../../contracts/training-account";
import { useDateFormat } from "../../../components/format";
import { Section } from "../../../components/section";
import { lapseOf, splitYears, type YearBalance } from "./account-format";

type Account = TrainingAccountDto;

/** UE as people read them: "2,5" in German, "2.5" in English. */
export function useUnits() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "de-DE", {
    maximumFractionDigits: 1,
  });
  return (value: number) => format.format(value);
}

export const STATE_COLOURS = {
  valid: "green",
  expiresSoon: "yellow",
  expired: "red",
  missing: "red",
} as const;

/**
 * A bar with the figures written next to it: the bar alone says little to a screen reader or at a glance on a
 * small phone, so the text carries the numbers and the bar is their picture.
 */
function UnitsBar({ held, required }: { held: number; required: number }) {
  const { t } = useTranslation();
  const units = useUnits();
  const percent = required > 0 ? Math.min(100, (held / required) * 100) : 100;
  const text = t("trainingAccount.unitsOf", { held: units(held), required: units(required) });
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">
        {text}
      </Text>
      <Progress
        value={percent}
        size="lg"
        color={held >= required ? "green" : "blue"}
        // The figures are written above; the bar is only their picture.
        aria-hidden="true"
      />
    </Stack>
  );
}

function Obligation({ account }: { account: Account }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  const { obligation, account: figures } = account;
  const isPeriod = obligation.mode === "licencePeriod";
  const current = isPeriod
    ? figures.currentPeriod
    : figures.currentYear?.isBinding
      ? figures.currentYear
      : null;
  const held = current ? current.earnedUnits + current.carriedInUnits : 0;
  return (
    <Section
      id="pflicht"
      title={t("trainingAccount.overview.obligationTitle")}
      intro={
        isPeriod
          ? t("trainingAccount.overview.periodIntro", {
              units: obligation.unitsPerLicencePeriod,
              carry: obligation.maxCarryOverUnits ?? 0,
            })
          : t("trainingAccount.overview.yearIntro", { units: obligation.unitsPerYear })
      }
    >
      {figures.overdueUnits > 0 && (
        <Alert color="red" role="status">
          {t("trainingAccount.overview.overdue", { units: units(figures.overdueUnits) })}
        </Alert>
      )}
      {current ? (
        <Stack gap="xs">
          <Text>
            {"validFrom" in current
              ? t("trainingAccount.overview.currentPeriod", {
                  from: formatDate(current.validFrom),
                  to: formatDate(current.validTo),
                })
              : t("trainingAccount.overview.currentYear", { year: current.year })}
          </Text>
          <UnitsBar held={held} required={current.requiredUnits} />
          {current.carriedInUnits > 0 && (
            <Text size="sm" c="dimmed">
              {t("trainingAccount.overview.carried", { units: units(current.carriedInUnits) })}
            </Text>
          )}
          <Text>
            {current.shortfallUnits > 0
              ? t("trainingAccount.overview.stillNeeded", { units: units(current.shortfallUnits) })
              : t("trainingAccount.overview.done")}
          </Text>
          {figures.expectedByTodayUnits !== null && current.shortfallUnits > 0 && (
            <Text size="sm" c="dimmed">
              {t("trainingAccount.overview.expected", { units: units(figures.expectedByTodayUnits) })}
            </Text>
          )}
          {figures.isBehind && figures.overdueUnits === 0 && (
            <Alert color="yellow" role="status">
              {t("trainingAccount.overview.behind")}
            </Alert>
          )}
        </Stack>
      ) : (
        account.licences.length === 0 && <Text>{t("trainingAccount.overview.noLicence")}</Text>
      )}
      {isPeriod && figures.periods.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t("trainingAccount.overview.periodsTitle")}</Text>
          <List size="sm" spacing={2}>
            {figures.periods.map((p) => (
              <List.Item key={p.validFrom}>
                {t("trainingAccount.overview.periodRow", {
                  from: formatDate(p.validFrom),
                  to: formatDate(p.validTo),
                  earned: units(p.earnedUnits),
                  carried: units(p.carriedInUnits),
                  required: units(p.requiredUnits),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {figures.years.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t("trainingAccount.overview.yearsTitle")}</Text>
          {isPeriod && (
            <Text size="sm" c="dimmed">
              {t("trainingAccount.overview.yearsGuide", { units: obligation.unitsPerYear })}
            </Text>
          )}
          <YearList years={figures.years} today={account.today} />
        </Stack>
      )}
    </Section>
  );
}

function YearRows({ years }: { years: readonly YearBalance[] }) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <List size="sm" spacing={2}>
      {years.map((y) => (
        <List.Item key={y.year}>
          {t("trainingAccount.overview.yearRow", {
            year: y.year,
            earned: units(y.earnedUnits + y.carriedInUnits),
            required: units(y.requiredUnits),
          })}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Newest first; this year and the one before stay open, the older ones fold behind a button that already
 * says how many years and UE it holds, so a long account stays short on a phone without hiding a figure.
 */
function YearList({ years, today }: { years: readonly YearBalance[]; today: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  const { recent, older, olderEarnedUnits } = splitYears(years, today);
  const newest = older[0];
  const oldest = older[older.length - 1];
  return (
    <Stack gap={4}>
      {recent.length > 0 && <YearRows years={recent} />}
      {newest && oldest && (
        <>
          <Button
            variant="subtle"
            size="compact-sm"
            px={0}
            w="fit-content"
            h="auto"
            styles={{ label: { whiteSpace: "normal", textAlign: "start" } }}
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={id}
            rightSection={
              opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
            }
            data-testid="account-older-years"
          >
            {t("trainingAccount.overview.olderYears", {
              count: older.length,
              from: oldest.year,
              to: newest.year,
              earned: units(olderEarnedUnits),
            })}
          </Button>
          <Collapse in={opened} id={id}>
            <YearRows years={older} />
          </Collapse>
        </>
      )}
    </Stack>
  );
}

function Qhb({ account }: { account: Account }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  const { qhb } = account;
  const phases = [
    ["qhbPhase1", qhb.phase1],
    ["qhbPhase2", qhb.phase2],
  ] as const;
  return (
    <Section id="qhb" title={t("trainingAccount.overview.qhbTitle")}>
      {qhb.isComplete && <Text>{t("trainingAccount.overview.qhbComplete")}</Text>}
      {phases.map(([key, phase]) => (
        <Stack key={key} gap={4}>
          <Text fw={600}>{t(`trainingAccount.overview.${key}`)}</Text>
          {phase.completedOn ? (
            <Text size="sm">
              {t("trainingAccount.overview.qhbCompleted", { date: formatDate(phase.completedOn) })}
            </Text>
          ) : (
            <>
              <UnitsBar held={phase.attendedUnits} required={phase.requiredUnits} />
              <List size="sm" spacing={2}>
                {phase.practice.kita.requiredHours > 0 && (
                  <List.Item>
                    {t("trainingAccount.overview.qhbKita", {
                      confirmed: units(phase.practice.kita.confirmedHours),
                      required: phase.practice.kita.requiredHours,
                    })}
                  </List.Item>
                )}
                {phase.practice.dayCare.requiredHours > 0 && (
                  <List.Item>
                    {t("trainingAccount.overview.qhbDayCare", {
                      confirmed: units(phase.practice.dayCare.confirmedHours),
                      required: phase.practice.dayCare.requiredHours,
                    })}
                  </List.Item>
                )}
                {phase.assessments.map((a) => (
                  <List.Item key={a.kind}>
                    {t(`trainingAccount.overview.assessment.${a.kind}`)}:{" "}
                    {a.passed ? t("trainingAccount.overview.passed") : t("trainingAccount.overview.open")}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      ))}
      {qhb.phase2DueOn && (
        <Text size="sm">{t("trainingAccount.overview.qhbDue", { date: formatDate(qhb.phase2DueOn) })}</Text>
      )}
    </Section>
  );
}

function CertificateRow({ certificate, today }: { certificate: AccountCertificate; today: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  // Only where it matters: the latest certificate of its kind, about to lapse or lapsed. Counted from the
  // account's own date, not the device's clock.
  const lapse =
    certificate.validUntil && certificate.isLatest && certificate.state !== "valid"
      ? lapseOf(certificate.validUntil, today)
      : null;
  return (
    <Stack gap={2} component="li">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{certificate.title || t(`trainingAccount.categories.${certificate.category}`)}</Text>
        <Badge variant="filled" autoContrast tt="none" color={STATE_COLOURS[certificate.state]}>
          {t(`trainingAccount.states.${certificate.state}`)}
        </Badge>
        {!certificate.isLatest && (
          <Badge variant="filled" autoContrast tt="none" color="gray.7">
            {t("trainingAccount.overview.older")}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t(`trainingAccount.categories.${certificate.category}`)} ·{" "}
        {certificate.units > 0 && `${t("trainingAccount.units", { value: units(certificate.units) })} · `}
        {t("trainingAccount.overview.completedOn", { date: formatDate(certificate.completedOn) })} ·{" "}
        {certificate.validUntil
          ? t("trainingAccount.overview.validUntil", { date: formatDate(certificate.validUntil) })
          : t("trainingAccount.overview.noExpiry")}
        {lapse && (
          <>
            {" · "}
            <Text span fw={600} size="sm" data-testid="certificate-days">
              {lapse.kind === "lapsesToday"
                ? t("trainingAccount.overview.lapsesToday")
                : t(`trainingAccount.overview.${lapse.kind}`, { count: lapse.days })}
            </Text>
          </>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {certificate.provider ?? t(`trainingAccount.sources.${certificate.source}`)}
        {!certificate.countsTowardsObligation &&
          certificate.source !== "registry" &&
          ` · ${t("trainingAccount.overview.notCounting")}`}
      </Text>
    </Stack>
  );
}

function Certificates({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Section id="bescheinigungen" title={t("trainingAccount.overview.certificatesTitle")}>
      {account.certificates.length === 0 ? (
        <Text>{t("trainingAccount.overview.certificatesNone")}</Text>
      ) : (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
          {account.certificates.map((c) => (
            <CertificateRow key={c.id} certificate={c} today={account.today} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The account in three parts: the obligation, the QHB, and every certificate with its state. */
export function AccountOverview({ account }: { account: Account }) {
  return (
    <Stack gap="md">
      <Obligation account={account} />
      <Certificates account={account} />
      <Qhb account={account} />
    </Stack>
  );
}
