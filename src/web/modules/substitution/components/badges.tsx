import { Badge, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconHome,
  IconPhone,
  IconQuestionMark,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type {
  AbsenceKind,
  CoverKind,
  ParentAnswer,
  SubstitutionModel,
} from "../../../../contracts/substitution";

/** Colours with at least 4.5:1 contrast to their text (autoContrast picks it); the word carries the meaning. */
const kindColours: Record<CoverKind, string> = {
  knownSubstitute: "teal.9",
  tandem: "indigo.8",
  substitute: "blue.8",
  caregiver: "violet.8",
  kita: "yellow.4",
};

/**
 * Never cut a badge's word off: on a phone card a long one ("Festangestellte Vertretung") wraps inside the
 * card instead of running over its edge.
 */
const badgeStyles = {
  root: {
    flexShrink: 0,
    maxWidth: "100%",
    height: "auto",
    minHeight: "var(--badge-height)",
    overflow: "visible",
  },
  label: { overflow: "visible", whiteSpace: "normal", lineHeight: 1.3, paddingBlock: 2 },
} as const;

export function CoverKindBadge({ kind }: { kind: CoverKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={kindColours[kind]}
      autoContrast
      tt="none"
      size="md"
      styles={badgeStyles}
      data-testid="cover-kind"
      data-kind={kind}
    >
      {t(`substitution.coverKinds.${kind}`)}
    </Badge>
  );
}

const modelColours: Record<SubstitutionModel, string> = {
  tandem: "indigo.8",
  employedSubstitute: "blue.8",
  kita: "yellow.4",
  none: "gray.7",
};

export function ModelBadge({ model }: { model: SubstitutionModel }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={modelColours[model]}
      variant={model === "none" ? "outline" : "filled"}
      autoContrast
      tt="none"
      styles={badgeStyles}
      data-testid="model"
    >
      {t(`substitution.models.${model}`)}
    </Badge>
  );
}

const absenceColours: Record<AbsenceKind, string> = {
  illness: "red.9",
  holiday: "cyan.9",
  training: "grape.8",
  closing: "gray.8",
};

export function AbsenceKindBadge({ kind }: { kind: AbsenceKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={absenceColours[kind]} autoContrast tt="none" styles={badgeStyles}>
      {t(`substitution.absenceKinds.${kind}`)}
    </Badge>
  );
}

/** What the parents said, or that nobody can mail them and the office has to call. */
export function ParentAnswerText({
  answer,
  canMailParents = true,
}: {
  answer: ParentAnswer | null;
  canMailParents?: boolean;
}) {
  const { t } = useTranslation();
  const look = answer
    ? answer === "confirmed"
      ? { Icon: IconCircleCheck, color: "teal.9", text: t("substitution.parentAnswers.confirmed") }
      : { Icon: IconHome, color: "dark.7", text: t("substitution.parentAnswers.keptHome") }
    : canMailParents
      ? { Icon: IconQuestionMark, color: "dimmed", text: t("substitution.parentAnswers.none") }
      : { Icon: IconPhone, color: "red.9", text: t("substitution.parentAnswers.byPhone") };
  return (
    <Text size="sm" c={look.color} data-testid="parent-answer" data-answer={answer ?? "none"}>
      <look.Icon size={14} aria-hidden="true" style={{ verticalAlign: "-2px", marginRight: 4 }} />
      {look.text}
    </Text>
  );
}

/** A problem in words, in red with a warning sign. */
export function ProblemText({ children }: { children: string }) {
  return (
    <Text size="sm" c="red.9" fw={500} data-testid="cover-problem">
      <IconAlertTriangle size={14} aria-hidden="true" style={{ verticalAlign: "-2px", marginRight: 4 }} />
      {children}
    </Text>
  );
}
