import { Anchor, Container, Group, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMemberships, useSession } from "../../../app/session";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { Section } from "../../../components/section";
import { AnnouncementMailSection } from "../../announcements/components/mail-settings-section";
import { LeaveOrganisationButton } from "../../organisations/components/leave-organisation-button";
import { MfaSection } from "../components/mfa-section";
import { PasswordSection } from "../components/password-section";
import { ProfileSection } from "../components/profile-section";
import { SessionsSection } from "../components/sessions-section";

function OrganisationsSection() {
  const { t } = useTranslation();
  const memberships = useMemberships();
  const list = memberships.data ?? [];
  return (
    <Section id="organisationen" title={t("identity.account.organisationsTitle")}>
      {list.length === 0 ? (
        <Text>{t("identity.account.noOrganisations")}</Text>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {list.map((m) => (
            <Stack gap={6} component="li" key={m.slug} data-testid="account-organisation">
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/app/${m.slug}`} fw={500}>
                  {m.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {m.roles.map((r) => t(`roles.${r}`)).join(", ")}
                </Text>
              </Group>
              <LeaveOrganisationButton membership={m} />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** /app/konto: the person's own account — organisations, profile, password, two-factor sign-in, devices. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const { hash } = useLocation();
  // Links like /app/konto#zwei-faktor (from "two-factor sign-in required") land on their section.
  useEffect(() => {
    if (!user || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: "start" });
    target?.querySelector<HTMLElement>("h2")?.focus();
  }, [hash, user]);
  if (!user) return <Loading />;
  return (
    <Container size="md" px={0}>
      <PageHeader title={t("identity.account.title")} description={user.email} />
      <Stack gap="lg">
        <OrganisationsSection />
        <AnnouncementMailSection />
        <ProfileSection key={`${user.id}-${user.locale}`} user={user} />
        <PasswordSection />
        <MfaSection user={user} />
        <SessionsSection />
      </Stack>
    </Container>
  );
}
