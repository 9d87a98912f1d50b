import { List, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ContractDto } from "../../../../contracts/placement";
import { get } from "../../../app/api";
import { useDateFormat } from "../../../components/format";
import { QueryState } from "../../../components/query-state";
import { orgApi } from "../api";
import { useCareTimesText } from "../format";
import { ContractChangeForm } from "./contract-change-form";

function ContractItem({
  slug,
  contract,
  onChanged,
}: {
  slug: string;
  contract: ContractDto;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  return (
    <List.Item>
      <Stack gap="xs">
        <Text size="sm">
          {[
            t("placement.contracts.line", {
              child: contract.childFirstName,
              caregiver: contract.caregiverName,
              start: formatDate(contract.start),
              times: careTimes(contract.careTimes),
            }),
            t("placement.week.settlingIn", { date: formatDate(contract.settlingInEnd) }),
            contract.end ? t("placement.week.contractEnds", { date: formatDate(contract.end) }) : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <ContractChangeForm slug={slug} contract={contract} onChanged={onChanged} />
      </Stack>
    </List.Item>
  );
}

/** The care contract a request led to; the office can set or change its end. */
export function ContractsPanel({ slug, requestId }: { slug: string; requestId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const queryKey = ["placement", slug, "contracts", requestId];
  const query = useQuery({
    queryKey,
    // Ended ones too: they are the request's history.
    queryFn: () =>
      get<ContractDto[]>(
        `${orgApi(slug)}/care-contracts?status=all&requestId=${encodeURIComponent(requestId)}`,
      ),
  });
  return (
    <QueryState query={query}>
      {(contracts) =>
        contracts.length === 0 ? (
          <Text size="sm">{t("placement.week.noContracts")}</Text>
        ) : (
          <List spacing="sm" data-testid="request-contracts">
            {contracts.map((c) => (
              <ContractItem
                key={c.id}
                slug={slug}
                contract={c}
                onChanged={() => client.invalidateQueries({ queryKey: ["placement", slug] })}
              />
            ))}
          </List>
        )
      }
    </QueryState>
  );
}
