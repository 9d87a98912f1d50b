import { Button, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { QueryState } from "../../../components/query-state";
import { FormDialog } from "../../caregivers/components/dialog";

/**
 * The frame every setup list shares (employed substitutes, Kitas, play groups): a short explanation, the
 * "add" button, the list or the text for none yet, and one dialog that adds a new entry or edits one.
 */
export function SetupList<Item>({
  intro,
  addLabel,
  addTestId,
  query,
  emptyText,
  list,
  dialogTitle,
  form,
}: {
  intro: string;
  addLabel: string;
  addTestId: string;
  query: UseQueryResult<{ items: Item[] }>;
  emptyText: string;
  /** The entries; `edit` opens the dialog for one of them. */
  list: (items: Item[], edit: (item: Item) => void) => ReactNode;
  /** The dialog's title: adding (null) or editing this entry. */
  dialogTitle: (item: Item | null) => string;
  /** The form in the dialog; `items` are all entries as loaded (for checks across them), `done` closes it. */
  form: (item: Item | null, items: Item[], done: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useState<{ item: Item | null } | null>(null);
  const done = () => setEditing(null);
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {intro}
      </Text>
      <Button
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={() => setEditing({ item: null })}
        w="fit-content"
        data-testid={addTestId}
      >
        {addLabel}
      </Button>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{emptyText}</Text>
          ) : (
            list(data.items, (item) => setEditing({ item }))
          )
        }
      </QueryState>
      <FormDialog opened={editing !== null} onClose={done} title={dialogTitle(editing?.item ?? null)}>
        {editing !== null && form(editing.item, query.data?.items ?? [], done)}
      </FormDialog>
    </Stack>
  );
}
