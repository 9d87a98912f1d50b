import { describe, expect, it } from "vitest";
import { STATE_PRESETS } from "../core/organisations/presets";
import { statePresetSchema } from "./organisations";

describe("state presets", () => {
  it("fit the settings contract, so every organisation can store and edit them", () => {
    for (const preset of STATE_PRESETS) {
      expect(statePresetSchema.safeParse(preset).error).toBeUndefined();
    }
  });
});
