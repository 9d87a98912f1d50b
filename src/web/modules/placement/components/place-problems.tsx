import { List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SuggestionMissDto } from "../../../../contracts/placement";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useSuggestionTexts } from "../format";

/** The reasons a refused contract came back with (`placeUnavailable`), if it came with any. */
function reasonsOf(error: unknown): SuggestionMissDto[] {
  if (!(error instanceof ApiError) || error.code !== "placeUnavailable") return [];
  const reasons = error.details.reasons;
  return Array.isArray(reasons) ? (reasons as SuggestionMissDto[]) : [];
}

/**
 * A failed save of a contract. When her places are the cause, says where in her week, in the words of the
 * suggestions ("Mi 12:00–13:00 ab 01.06.2026 schon 1 Kinder"); `from` is the first day the server checked.
 */
export function ContractError({ error, from }: { error: unknown; from: string }) {
  const { t } = useTranslation();
  const { miss } = useSuggestionTexts(from);
  const reasons = reasonsOf(error);
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      {reasons.length > 0 && (
        <div data-testid="contract-reasons">
          <Text size="sm" fw={600}>
            {t("placement.contracts.reasonsTitle")}
          </Text>
          <List size="sm">
            {reasons.map((reason) => (
              <List.Item key={JSON.stringify(reason)}>{miss(reason)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
