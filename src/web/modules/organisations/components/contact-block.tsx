import { Anchor, Group, Stack, Text } from "@mantine/core";
import { IconMail, IconMapPin, IconPhone, IconWorld } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { PublicOrganisation } from "../../../../contracts/organisations";

/** "02521 000000" → "tel:02521000000": dialable on a phone. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** Address and ways to get in touch; lines without data are left out. */
export function ContactBlock({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation();
  const { street, postalCode, town, email, phone, website } = organisation;
  const place = [postalCode, town].filter(Boolean).join(" ");
  const hasAny = Boolean(street || place || email || phone || website);
  if (!hasAny) return <Text c="dimmed">{t("organisations.contact.none")}</Text>;
  return (
    <Stack gap="xs" data-testid="org-contact">
      {(street || place) && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMapPin aria-hidden size={20} style={{ flexShrink: 0, marginTop: 2 }} />
          <address style={{ fontStyle: "normal" }}>
            <Text component="span" fw={500} display="block">
              {t("organisations.contact.address")}
            </Text>
            {street && (
              <Text component="span" display="block">
                {street}
              </Text>
            )}
            {place && (
              <Text component="span" display="block">
                {place}
              </Text>
            )}
          </address>
        </Group>
      )}
      {email && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMail aria-hidden size={20} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text>
            {t("organisations.contact.email")}:{" "}
            <Anchor href={`mailto:${email}`} style={{ overflowWrap: "anywhere" }}>
              {email}
            </Anchor>
          </Text>
        </Group>
      )}
      {phone && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconPhone aria-hidden size={20} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text>
            {t("organisations.contact.phone")}: <Anchor href={telHref(phone)}>{phone}</Anchor>
          </Text>
        </Group>
      )}
      {website && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconWorld aria-hidden size={20} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text>
            {t("organisations.contact.website")}:{" "}
            <Anchor href={website} rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
              {website.replace(/^https?:\/\//, "")}
            </Anchor>
          </Text>
        </Group>
      )}
    </Stack>
  );
}

export { telHref };
