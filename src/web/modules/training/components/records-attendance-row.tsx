import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AttendanceParticipantDto,
  type AttendanceStatusDto,
  attendanceStatuses,
} from "../../../../contracts/training-records";
import { TEXT_COLOUR, useRecordsFormat } from "./records-format";
import type { AttendanceMark } from "./records-sheet";

const STATUS_COLOURS: Record<AttendanceStatusDto, string> = {
  present: "green",
  excused: "yellow",
  absent: "red",
};

/** 0, 0.5, 1 … up to the session's UE: the only figures a lost time can take. */
function halfUnitSteps(max: number): number[] {
  return Array.from({ length: Math.floor(max * 2) + 1 }, (_, i) => i / 2);
}

/**
 * One participant in the trainer's list: three large choices (present, excused, absent), and for someone
 * present the units lost by coming late or leaving early, in half units. The figures below are the saved
 * state of the whole run, so she sees at once who is short of the minimum.
 */
export function AttendanceRow({
  participant,
  sessionUnits,
  mark,
  onChange,
  errors,
  isReadOnly,
}: {
  participant: AttendanceParticipantDto;
  sessionUnits: number;
  mark: AttendanceMark | null;
  onChange: (mark: AttendanceMark) => void;
  errors: { lateUnits?: string; earlyLeaveUnits?: string; status?: string };
  isReadOnly: boolean;
}) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  const lost = (mark?.lateUnits ?? 0) + (mark?.earlyLeaveUnits ?? 0);
  const [isLostOpen, setLostOpen] = useState(lost > 0);
  const showLost = mark?.status === "present" && (isLostOpen || lost > 0);
  const summary = participant.summary;
  const isShort = summary.attendedUnits + summaryOpenUnits(summary) < summary.requiredUnits;
  const steps = halfUnitSteps(sessionUnits);
  const id = participant.participantId;
  const lostPanelId = `lost-${id}`;
  const setStatus = (value: string) => {
    const status = value as AttendanceStatusDto;
    onChange({
      status,
      lateUnits: status === "present" ? (mark?.lateUnits ?? 0) : 0,
      earlyLeaveUnits: status === "present" ? (mark?.earlyLeaveUnits ?? 0) : 0,
    });
  };
  return (
    <Paper withBorder p="sm" component="li" data-testid="attendance-row" data-participant={participant.name}>
      <Stack gap="xs">
        <Radio.Group
          name={`attendance-${id}`}
          value={mark?.status ?? ""}
          onChange={setStatus}
          label={participant.name}
          error={errors.status}
          styles={{ label: { fontWeight: 600, fontSize: "var(--mantine-font-size-md)", marginBottom: 6 } }}
          readOnly={isReadOnly}
        >
          <SimpleGrid cols={3} spacing={6}>
            {attendanceStatuses.map((status) => {
              const isChecked = mark?.status === status;
              const colour = STATUS_COLOURS[status];
              return (
                <Radio.Card
                  key={status}
                  value={status}
                  disabled={isReadOnly}
                  radius="md"
                  p={6}
                  mih={48}
                  data-testid={`attendance-${status}`}
                  style={{
                    display: "flex",
                    alignItems: "center",
                    justifyContent: "center",
                    textAlign: "center",
                    borderWidth: 2,
                    borderColor: isChecked ? `var(--mantine-color-${colour}-light-color)` : undefined,
                    background: isChecked ? `var(--mantine-color-${colour}-light)` : undefined,
                  }}
                >
                  <Text
                    size="sm"
                    fw={isChecked ? 700 : 500}
                    c={isChecked ? `var(--mantine-color-${colour}-light-color)` : undefined}
                    lh={1.2}
                  >
                    {t(`trainingRecords.attendanceStatus.${status}`)}
                  </Text>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>
        {mark?.status === "present" && !isReadOnly && lost === 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            leftSection={<IconClockExclamation size={16} aria-hidden="true" />}
            aria-expanded={showLost}
            aria-controls={lostPanelId}
            onClick={() => setLostOpen((open) => !open)}
            data-testid="attendance-lost-toggle"
          >
            {t("trainingRecords.web.attendance.lateOrEarly")}
          </Button>
        )}
        {showLost && (
          <SimpleGrid cols={2} spacing="xs" id={lostPanelId}>
            <NativeSelect
              label={t("trainingRecords.web.attendance.late")}
              value={String(mark?.lateUnits ?? 0)}
              onChange={(event) =>
                mark && onChange({ ...mark, lateUnits: Number(event.currentTarget.value) })
              }
              data={steps.map((value) => ({ value: String(value), label: format.lostUnits(value) }))}
              error={errors.lateUnits}
              disabled={isReadOnly}
              data-testid="attendance-late"
            />
            <NativeSelect
              label={t("trainingRecords.web.attendance.early")}
              value={String(mark?.earlyLeaveUnits ?? 0)}
              onChange={(event) =>
                mark && onChange({ ...mark, earlyLeaveUnits: Number(event.currentTarget.value) })
              }
              data={steps.map((value) => ({ value: String(value), label: format.lostUnits(value) }))}
              error={errors.earlyLeaveUnits}
              disabled={isReadOnly}
              data-testid="attendance-early"
            />
          </SimpleGrid>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="sm" c={isShort ? TEXT_COLOUR.bad : "dimmed"} data-testid="attendance-summary">
            {t("trainingRecords.web.attendance.summary", {
              attended: format.number(summary.attendedUnits),
              planned: format.units(summary.plannedUnits),
              required: format.units(summary.requiredUnits),
            })}
          </Text>
          {isShort && (
            <Text size="sm" c={TEXT_COLOUR.bad} fw={600}>
              {t("trainingRecords.web.attendance.belowMinimum")}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * UE that can still be attended: sessions to come or not marked yet. The minimum is out of reach only when
 * even those would not close the gap.
 */
function summaryOpenUnits(summary: AttendanceParticipantDto["summary"]): number {
  return summary.plannedUnits - summary.attendedUnits - summary.excusedUnits - summary.missedUnits;
}
