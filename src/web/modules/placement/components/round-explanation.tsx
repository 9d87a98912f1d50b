import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CutOffDto } from "../../../../contracts/placement-rounds";
import { describeCareTimes } from "../../../../core/placement/requests";
import { useWeekdayNames } from "../../../components/format";
import { useKm } from "../format";

type FitReasonDto = Extract<CutOffDto, { outcome: "notAcceptable" }>["reasons"][number];
type RoomReasonDto = Extract<CutOffDto, { outcome: "noRoom" }>["reasons"][number];

/**
 * Who reads the explanation: the office speaks of priority, families get the same facts in plainer words
 * and about "your child".
 */
export type Audience = "office" | "family";

/**
 * The round's reasons in words: "Mi 14:00–16:00: alle 2 freien Plätze gingen an Kinder mit höherer Priorität
 * nach den veröffentlichten Kriterien".
 */
export function useCutOffTexts(audience: Audience) {
  const { t } = useTranslation();
  const km = useKm();
  const { weekdaysShort: days } = useWeekdayNames();
  const prefix = audience === "office" ? "rounds.cutOff" : "rounds.cutOffFamily";

  /** "Mo–Fr 13:00–16:00 und Sa 8:00–9:00": the days of each stretch of hours said once, as care times are. */
  const times = (ranges: readonly { day: number; from: string; to: string }[]): string => {
    const byHours = new Map<string, { day: number; from: string; to: string }[]>();
    for (const r of ranges) {
      const key = `${r.from}-${r.to}`;
      byHours.set(key, [...(byHours.get(key) ?? []), r]);
    }
    return [...byHours.values()].map((same) => describeCareTimes(same, days)).join(t("rounds.and"));
  };

  const fits = (reasons: readonly FitReasonDto[]): string[] => {
    const texts: string[] = [];
    const noPlace = reasons.filter((r) => r.code === "noFreePlace");
    for (const reason of reasons) {
      switch (reason.code) {
        case "distance":
          texts.push(t(`${prefix}.fit.distance`, { km: km(reason.km), maxKm: reason.maxKm }));
          break;
        case "age":
          texts.push(
            t(`${prefix}.fit.age`, { child: reason.childAgeMonths, min: reason.min, max: reason.max }),
          );
          break;
        case "noFreePlace":
          // All ranges without a place in one clause, where the first of them stood.
          if (reason === noPlace[0]) texts.push(t(`${prefix}.fit.noFreePlace`, { times: times(noPlace) }));
          break;
        case "fullCount":
          texts.push(t(`${prefix}.fit.fullCount`, { count: reason.maxChildren }));
          break;
        default:
          texts.push(t(`${prefix}.fit.${reason.code}`));
      }
    }
    return texts;
  };

  const rooms = (reasons: readonly RoomReasonDto[], basis: "priorityOrder" | "priorityPoints"): string[] => {
    const by = t(`${prefix}.basis.${basis}`);
    const texts: string[] = [];
    for (const reason of reasons) {
      switch (reason.code) {
        case "fullCount":
          texts.push(t(`${prefix}.room.fullCount`, { count: reason.maxChildren }));
          break;
        case "countTaken":
          texts.push(t(`${prefix}.room.countTaken`, { count: reason.places, by }));
          break;
        case "timesTaken": {
          // Ranges with the same number of free places make one clause, not one per weekday.
          const same = reasons.filter((r) => r.code === "timesTaken" && r.free === reason.free);
          if (reason === same[0]) {
            texts.push(
              t(`${prefix}.room.timesTaken`, {
                count: reason.free,
                by,
                times: times(same as (typeof reason)[]),
              }),
            );
          }
          break;
        }
      }
    }
    return texts;
  };

  /** One sentence per caregiver: her name and why the child did not get her. */
  const cutOff = (c: CutOffDto): string => {
    switch (c.outcome) {
      case "notAcceptable":
        return t(`${prefix}.notAcceptable`, {
          name: c.caregiverName,
          reasons: fits(c.reasons).join("; "),
        });
      case "noRoom":
        return t(`${prefix}.noRoom`, {
          name: c.caregiverName,
          // The office reads short clauses, families whole sentences.
          reasons: rooms(c.reasons, c.basis).join(audience === "office" ? "; " : " "),
        });
      case "blockingPair":
        return t(`${prefix}.blockingPair`, { name: c.caregiverName });
    }
  };
  return { cutOff };
}

/** The caregivers ranked above the result, in the family's order, each with why not. */
export function CutOffList({
  cutOffs,
  audience,
  testId,
}: {
  cutOffs: readonly CutOffDto[];
  audience: Audience;
  testId?: string;
}) {
  const { t } = useTranslation();
  const texts = useCutOffTexts(audience);
  if (cutOffs.length === 0) {
    return (
      <Text size="sm" data-testid={testId}>
        {t(audience === "office" ? "rounds.cutOff.none" : "rounds.cutOffFamily.none")}
      </Text>
    );
  }
  return (
    <List type="ordered" size="sm" spacing={4} data-testid={testId}>
      {cutOffs.map((c) => (
        <List.Item key={c.caregiverId} data-testid="cut-off">
          {texts.cutOff(c)}
        </List.Item>
      ))}
    </List>
  );
}
