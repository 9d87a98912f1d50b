import { Alert, Box, Button, Container, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClockX,
  IconHelpCircle,
  IconReplace,
} from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { PublicCertificate } from "../../../../contracts/training-records";
import { formatVerificationCode, normaliseVerificationCode } from "../../../../core/training/certificates";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { usePageMeta } from "../../../components/page-meta";
import { useRecordsFormat } from "../components/records-format";
import { recordsPaths, useVerification } from "../records-api";

const STATUS_LOOK: Record<PublicCertificate["status"], { color: string; icon: ReactNode }> = {
  valid: { color: "green", icon: <IconCircleCheck aria-hidden="true" /> },
  expired: { color: "orange", icon: <IconClockX aria-hidden="true" /> },
  superseded: { color: "yellow", icon: <IconReplace aria-hidden="true" /> },
  revoked: { color: "red", icon: <IconCircleX aria-hidden="true" /> },
};

function Facts({ items }: { items: { label: string; value: string; testId: string }[] }) {
  return (
    // Label above value: long organisation names and course titles keep whole words on a phone.
    <Box
      component="dl"
      m={0}
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 14rem), 1fr))",
        gap: 10,
      }}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text
            component="dd"
            m={0}
            fw={600}
            style={{ overflowWrap: "break-word", hyphens: "auto" }}
            data-testid={item.testId}
          >
            {item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}

/** The answer for a code that exists: the state first, in words, then only what the certificate says. */
function Answer({ certificate }: { certificate: PublicCertificate }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const look = STATUS_LOOK[certificate.status];
  return (
    <Paper withBorder p="md" data-testid="verify-result" data-status={certificate.status}>
      <Stack gap="md">
        <Alert
          color={look.color}
          icon={look.icon}
          title={t(`trainingRecords.web.verify.status.${certificate.status}.title`)}
          role="status"
          data-testid="verify-status"
        >
          {t(`trainingRecords.web.verify.status.${certificate.status}.text`, {
            date: certificate.validUntil ? format.day(certificate.validUntil) : "",
          })}
        </Alert>
        <Facts
          items={[
            {
              label: t("trainingRecords.web.verify.name"),
              value: certificate.participantName,
              testId: "verify-name",
            },
            {
              label: t("trainingRecords.web.verify.course"),
              value: certificate.courseTitle,
              testId: "verify-course",
            },
            {
              label: t("trainingRecords.web.verify.organisation"),
              value: certificate.organisationName,
              testId: "verify-organisation",
            },
            {
              label: t("trainingRecords.web.verify.completedOn"),
              value: format.day(certificate.completedOn),
              testId: "verify-completed",
            },
            {
              label: t("trainingRecords.web.verify.validUntil"),
              value: certificate.validUntil
                ? format.day(certificate.validUntil)
                : t("trainingRecords.web.verify.noExpiry"),
              testId: "verify-valid-until",
            },
            {
              label: t("trainingRecords.web.verify.code"),
              value: certificate.verificationCode,
              testId: "verify-code",
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** "Mistyped" and "unknown" in plain words, with what to do next. */
function Problem({ kind, code }: { kind: "mistyped" | "unknown"; code: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={kind === "mistyped" ? "yellow" : "blue"}
      icon={
        kind === "mistyped" ? <IconAlertTriangle aria-hidden="true" /> : <IconHelpCircle aria-hidden="true" />
      }
      title={t(`trainingRecords.web.verify.${kind}.title`)}
      role="status"
      data-testid={`verify-${kind}`}
    >
      {t(`trainingRecords.web.verify.${kind}.text`, { code })}
    </Alert>
  );
}

function Outcome({ typed }: { typed: string }) {
  // The check character catches every single wrong character, so a mistyped code is said at once, without
  // asking the server (which would only answer the same).
  const code = normaliseVerificationCode(typed);
  const verification = useVerification(code);
  if (code === null) return <Problem kind="mistyped" code={typed} />;
  if (verification.isPending) return <Loading />;
  if (verification.isError) {
    const error = verification.error;
    if (error instanceof ApiError && error.status === 404)
      return <Problem kind="unknown" code={formatVerificationCode(code)} />;
    if (error instanceof ApiError && error.code === "verificationCodeMistyped")
      return <Problem kind="mistyped" code={typed} />;
    return <ErrorAlert error={error} onRetry={() => void verification.refetch()} />;
  }
  return <Answer certificate={verification.data} />;
}

/**
 * "/zertifikat" and "/zertifikat/:code" (the address in the certificate's QR code): anyone checks whether a
 * certificate is genuine and still valid. The code may be typed in any case, with spaces or hyphens.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code: routeCode } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(routeCode ?? "");
  const resultRef = useRef<HTMLDivElement>(null);
  usePageMeta(null, t("trainingRecords.web.verify.metaDescription"));
  useEffect(() => {
    setTyped(routeCode ?? "");
  }, [routeCode]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = typed.trim();
    if (!trimmed) return;
    const canonical = normaliseVerificationCode(trimmed);
    // A well-formed code goes into the address in its printed form, so the page can be bookmarked or shared.
    void navigate(
      recordsPaths.verify(encodeURIComponent(canonical ? formatVerificationCode(canonical) : trimmed)),
    );
    requestAnimationFrame(() => resultRef.current?.focus());
  };
  return (
    <Container size="sm" px={0}>
      <Stack gap="lg">
        <PageHeader
          title={t("trainingRecords.web.verify.title")}
          description={t("trainingRecords.web.verify.intro")}
        />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("trainingRecords.web.verify.codeLabel")}
              description={t("trainingRecords.web.verify.codeHint")}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              size="md"
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: 1 } }}
              data-testid="verify-input"
            />
            <Button
              type="submit"
              size="md"
              w={{ base: "100%", xs: "fit-content" }}
              data-testid="verify-submit"
            >
              {t("trainingRecords.web.verify.submit")}
            </Button>
          </Stack>
        </form>
        <Box ref={resultRef} tabIndex={-1} style={{ outline: "none" }} aria-live="polite">
          {routeCode && (
            <Stack gap="xs">
              <Title order={2} fz="h3">
                {t("trainingRecords.web.verify.resultTitle")}
              </Title>
              <Outcome key={routeCode} typed={routeCode} />
            </Stack>
          )}
        </Box>
      </Stack>
    </Container>
  );
}
