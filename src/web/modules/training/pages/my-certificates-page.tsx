import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import type { MyCertificateDto } from "../../../../contracts/training-records";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { CertificateFacts, CertificatePdfLink } from "../components/records-certificate";
import { useRecordsFormat } from "../components/records-format";
import { recordsApi, useMyCertificates } from "../records-api";

function CertificateItem({ slug, certificate }: { slug: string; certificate: MyCertificateDto }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const headingId = `certificate-${certificate.id}`;
  const isCurrent = certificate.status === "issued";
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      aria-labelledby={headingId}
      data-testid="my-certificate"
      bg={isCurrent ? undefined : "gray.0"}
    >
      <Stack gap="xs">
        <Title order={3} fz="md" id={headingId} style={{ overflowWrap: "anywhere" }}>
          {certificate.courseTitle}
        </Title>
        <Text size="sm">
          {[
            format.category(certificate.category),
            format.units(certificate.units),
            t("trainingRecords.web.mine.completedOn", { date: format.day(certificate.completedOn) }),
          ].join(" · ")}
        </Text>
        <CertificateFacts certificate={certificate} />
        {certificate.status === "superseded" && (
          <Text size="sm" c="dimmed">
            {t("trainingRecords.web.mine.supersededHint")}
          </Text>
        )}
        {certificate.status === "revoked" && (
          <Text size="sm" c="dimmed">
            {t("trainingRecords.web.mine.revokedHint")}
          </Text>
        )}
        {isCurrent && (
          <CertificatePdfLink href={recordsApi.myPdf(slug, certificate.id)} title={certificate.courseTitle} />
        )}
      </Stack>
    </Paper>
  );
}

function CertificateList({ slug, items }: { slug: string; items: MyCertificateDto[] }) {
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
      {items.map((certificate) => (
        <CertificateItem key={certificate.id} slug={slug} certificate={certificate} />
      ))}
    </Stack>
  );
}

function MyCertificates({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const certificates = useMyCertificates(membership.slug);
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={t("trainingRecords.web.mine.title")}
        description={t("trainingRecords.web.mine.intro")}
      />
      <QueryState query={certificates}>
        {(items) => {
          const current = items.filter((c) => c.status === "issued");
          const earlier = items.filter((c) => c.status !== "issued");
          if (items.length === 0)
            return <Text data-testid="my-certificates-empty">{t("trainingRecords.web.mine.empty")}</Text>;
          return (
            <Stack gap="lg" data-testid="my-certificates">
              {current.length > 0 && <CertificateList slug={membership.slug} items={current} />}
              {earlier.length > 0 && (
                <Section
                  id="fruehere"
                  title={t("trainingRecords.web.mine.earlierTitle")}
                  intro={t("trainingRecords.web.mine.earlierIntro")}
                >
                  <CertificateList slug={membership.slug} items={earlier} />
                </Section>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** "meine-zertifikate": the participant's own certificates, whether they still hold, and their PDFs. */
export function MyCertificatesPage() {
  return <OrgGuard>{(membership) => <MyCertificates membership={membership} />}</OrgGuard>;
}
