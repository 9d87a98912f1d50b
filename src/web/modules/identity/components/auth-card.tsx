import { Container, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "../../../components/page-header";

/** The narrow, centred frame of the sign-in, password and invitation pages. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Container size={460} px={0} py={{ base: "xs", sm: "xl" }}>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        <PageHeader title={title} description={description} />
        <Stack gap="md">{children}</Stack>
      </Paper>
    </Container>
  );
}
