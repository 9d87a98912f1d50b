import { Checkbox, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Role, roles } from "../../../../contracts/roles";

/** The roles as a group of checkboxes (easier on a phone and with a screen reader than a multi-select). */
export function RoleCheckboxes({
  label,
  value,
  onChange,
  error,
  canGrantAdmin,
  testId,
}: {
  label: string;
  value: Role[];
  onChange: (value: Role[]) => void;
  error?: string | undefined;
  canGrantAdmin: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const offered = roles.filter((r) => r !== "admin" || canGrantAdmin || value.includes("admin"));
  return (
    <Checkbox.Group
      label={label}
      value={value}
      onChange={(next) => onChange(next as Role[])}
      error={error}
      data-testid={testId}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {offered.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}`)}
            disabled={role === "admin" && !canGrantAdmin}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
