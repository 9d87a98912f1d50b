import { Anchor, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageMeta } from "../../../components/page-meta";

const demoOrganisations = [
  { slug: "beckum", key: "beckum" },
  { slug: "verein-segeberg", key: "segeberg" },
] as const;

/** /: what KTP-Netz is, the way in, and the demo organisations' public pages. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageMeta(t("common.appName"), t("organisations.landing.metaDescription"));
  return (
    <Container size="md" px={0} py={{ base: "md", sm: "xl" }}>
      <Stack gap="xl">
        <Stack gap="md">
          <Title order={1} fz={{ base: 30, sm: 40 }}>
            {t("organisations.landing.title")}
          </Title>
          <Text size="lg" maw={640}>
            {t("organisations.landing.intro")}
          </Text>
          <Group>
            <Button component={Link} to="/anmelden" size="md" data-testid="landing-sign-in">
              {t("common.signIn")}
            </Button>
          </Group>
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="demo-titel">
          <Title order={2} fz="h3" id="demo-titel">
            {t("organisations.landing.demoTitle")}
          </Title>
          <Text c="dimmed">{t("organisations.landing.demoIntro")}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {demoOrganisations.map((org) => (
              <Card key={org.slug} withBorder padding="lg">
                <Stack gap="xs">
                  <Anchor component={Link} to={`/o/${org.slug}`} fw={600} fz="lg">
                    {t(`organisations.landing.demo.${org.key}.name`)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t(`organisations.landing.demo.${org.key}.text`)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      </Stack>
    </Container>
  );
}
