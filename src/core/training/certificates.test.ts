import { describe, expect, it } from "vitest";
import { computeDeadlines } from "../caregivers/deadlines";
import { seededRandom } from "../placement/test-support";
import {
  type Certificate,
  certificateState,
  certificateValidUntil,
  countingCertificates,
  createVerificationCode,
  type ExternalCertificate,
  formatVerificationCode,
  issueCertificate,
  latestCertificate,
  normaliseVerificationCode,
  reissueCertificate,
  reviewExternalCertificate,
  validateExternalUpload,
} from "./certificates";
import { firstAidCourse, NRW_RULES } from "./test-support";

const bytes = (...values: number[]) => Uint8Array.from(values);

function certificate(): Certificate {
  return issueCertificate({
    id: "c1",
    participantId: "anna",
    course: firstAidCourse(),
    completedOn: "2025-03-15",
    verificationCode: "K3M9-QX2D-4HW7",
  });
}

describe("certificateValidUntil", () => {
  it("adds the validity to the exact day, clamped at the end of a shorter month", () => {
    expect(certificateValidUntil("2025-03-15", 24)).toBe("2027-03-15");
    expect(certificateValidUntil("2024-02-29", 24)).toBe("2026-02-28");
    expect(certificateValidUntil("2024-02-29", 48)).toBe("2028-02-29");
    expect(certificateValidUntil("2025-08-31", 6)).toBe("2026-02-28");
    expect(certificateValidUntil("2025-03-15", null)).toBeNull();
  });

  it("agrees with the registry's due date for the same completion", () => {
    for (const completedOn of ["2024-02-29", "2025-01-31", "2025-12-31"]) {
      const registry = computeDeadlines(
        { licence: null, qualifications: [{ kind: "firstAid", completedOn }] },
        NRW_RULES,
        completedOn,
      ).find((d) => d.kind === "firstAid");
      const issued = issueCertificate({
        id: "c",
        participantId: "p",
        course: firstAidCourse(),
        completedOn,
        verificationCode: "x",
      });
      expect(issued.validUntil).toBe(registry?.dueOn);
    }
  });
});

describe("certificateState", () => {
  const issued = certificate();
  it("is valid, expires soon within the lead days up to the last day, expired the day after", () => {
    expect(issued.validUntil).toBe("2027-03-15");
    expect(certificateState(issued, "2026-12-14", 90)).toBe("valid");
    expect(certificateState(issued, "2026-12-15", 90)).toBe("expiresSoon");
    expect(certificateState(issued, "2027-03-15", 90)).toBe("expiresSoon");
    expect(certificateState(issued, "2027-03-16", 90)).toBe("expired");
  });

  it("never expires without an end, and a replaced certificate says so", () => {
    expect(certificateState({ validUntil: null, status: "issued" }, "2099-01-01", 90)).toBe("valid");
    expect(certificateState({ ...issued, status: "superseded" }, "2025-04-01", 90)).toBe("superseded");
    expect(certificateState({ ...issued, status: "revoked" }, "2025-04-01", 90)).toBe("revoked");
  });
});

describe("issue, re-issue and renewal", () => {
  it("issues with the course's units, category and obligation flag", () => {
    expect(certificate()).toEqual({
      id: "c1",
      participantId: "anna",
      courseId: "fa-1",
      category: "firstAidChildren",
      units: 9,
      completedOn: "2025-03-15",
      validUntil: "2027-03-15",
      countsTowardsObligation: false,
      verificationCode: "K3M9-QX2D-4HW7",
      status: "issued",
      replacesId: null,
    });
  });

  it("re-issues with the same dates and a new code, superseding the old one", () => {
    const { previous, next } = reissueCertificate(certificate(), { id: "c2", verificationCode: "NEW" });
    expect(previous.status).toBe("superseded");
    expect(next).toMatchObject({
      id: "c2",
      verificationCode: "NEW",
      completedOn: "2025-03-15",
      validUntil: "2027-03-15",
      status: "issued",
      replacesId: "c1",
    });
  });

  it("counts a renewal from its own completion, not from the old expiry", () => {
    const old = certificate();
    const renewal = issueCertificate({
      id: "c2",
      participantId: "anna",
      course: firstAidCourse(),
      completedOn: "2027-01-20",
      verificationCode: "y",
    });
    expect(renewal.validUntil).toBe("2029-01-20");
    expect(latestCertificate([renewal, old], "firstAidChildren")?.id).toBe("c2");
    expect(latestCertificate([old], "infectionProtection")).toBeNull();
  });
});

describe("verification codes", () => {
  it("makes 12 unambiguous characters from 7 random bytes, deterministically", () => {
    expect(createVerificationCode(bytes(0, 0, 0, 0, 0, 0, 0))).toBe("000000000000");
    const code = createVerificationCode(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
    expect(code.slice(0, 11)).toBe("ZZZZZZZZZZZ");
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(formatVerificationCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
    expect(() => createVerificationCode(bytes(1, 2, 3))).toThrow(RangeError);
  });

  it("reads back what was typed, with hyphens, lower case, O for 0 and I or L for 1", () => {
    const code = createVerificationCode(bytes(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd));
    expect(normaliseVerificationCode(formatVerificationCode(code).toLowerCase())).toBe(code);
    expect(normaliseVerificationCode(` ${code} `)).toBe(code);
    const withZero = createVerificationCode(bytes(0, 0, 0, 0, 0, 0, 0x21));
    expect(normaliseVerificationCode(withZero.replaceAll("0", "O"))).toBe(withZero);
    expect(normaliseVerificationCode("")).toBeNull();
    expect(normaliseVerificationCode(`${code}0`)).toBeNull();
    expect(normaliseVerificationCode(code.replace(/.$/, "U"))).toBeNull();
  });

  it("rejects every single wrong character and most swaps of neighbours", () => {
    const random = seededRandom(42);
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let swaps = 0;
    let swapsCaught = 0;
    for (let n = 0; n < 200; n++) {
      const code = createVerificationCode(Uint8Array.from({ length: 7 }, () => Math.floor(random() * 256)));
      expect(normaliseVerificationCode(code)).toBe(code);
      const position = Math.floor(random() * 12);
      for (const replacement of alphabet) {
        if (replacement === code[position]) continue;
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(normaliseVerificationCode(typo), `${code} → ${typo}`).toBeNull();
      }
      const i = Math.floor(random() * 11);
      if (code[i] !== code[i + 1]) {
        swaps++;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (normaliseVerificationCode(swapped) === null) swapsCaught++;
      }
    }
    expect(swapsCaught / swaps).toBeGreaterThan(0.95);
  });
});

describe("external certificates", () => {
  const upload: ExternalCertificate = {
    id: "e1",
    participantId: "anna",
    category: "firstAidChildren",
    provider: "DRK Kreisverband",
    title: "Erste Hilfe am Kind",
    units: 9,
    completedOn: "2025-05-10",
    status: "pending",
    reviewedOn: null,
    validUntil: null,
    countsTowardsObligation: false,
    rejectionReason: null,
  };

  it("validates an upload", () => {
    expect(validateExternalUpload(upload, "2025-05-12")).toEqual([]);
    expect(
      validateExternalUpload(
        { ...upload, units: 0, completedOn: "2025-06-01", provider: " ", category: "cooking" as never },
        "2025-05-12",
      ).map((p) => p.code),
    ).toEqual(["categoryInvalid", "unitsInvalid", "dateInFuture", "providerMissing"]);
    expect(validateExternalUpload({ ...upload, completedOn: "2025-02-30" }, "2025-05-12")).toEqual([
      { code: "dateInvalid", field: "completedOn" },
    ]);
  });

  it("accepts with the category's validity, or one the coordinator gives", () => {
    const accepted = reviewExternalCertificate(upload, { accept: true, on: "2025-05-15" }, NRW_RULES);
    expect(accepted.ok && accepted.certificate).toMatchObject({
      status: "accepted",
      reviewedOn: "2025-05-15",
      validUntil: "2027-05-10",
      countsTowardsObligation: false,
    });
    const shorter = reviewExternalCertificate(
      upload,
      { accept: true, on: "2025-05-15", validityMonths: 12, countsTowardsObligation: true },
      NRW_RULES,
    );
    expect(shorter.ok && shorter.certificate).toMatchObject({
      validUntil: "2026-05-10",
      countsTowardsObligation: true,
    });
  });

  it("rejects only with a reason, and decides only once", () => {
    expect(
      reviewExternalCertificate(upload, { accept: false, on: "2025-05-15", reason: "  " }, NRW_RULES),
    ).toEqual({
      ok: false,
      problem: { code: "reasonMissing" },
    });
    const rejected = reviewExternalCertificate(
      upload,
      { accept: false, on: "2025-05-15", reason: "Nur 4 UE, nicht kindbezogen" },
      NRW_RULES,
    );
    if (!rejected.ok) throw new Error("rejection failed");
    expect(rejected.certificate).toMatchObject({
      status: "rejected",
      rejectionReason: "Nur 4 UE, nicht kindbezogen",
    });
    expect(
      reviewExternalCertificate(rejected.certificate, { accept: true, on: "2025-05-16" }, NRW_RULES),
    ).toEqual({
      ok: false,
      problem: { code: "notPending", status: "rejected" },
    });
  });

  it("counts issued internal and accepted external certificates only, oldest first", () => {
    const internal = [certificate(), { ...certificate(), id: "c0", status: "superseded" as const }];
    const external: ExternalCertificate[] = [
      { ...upload, id: "pending" },
      { ...upload, id: "accepted", status: "accepted", validUntil: "2027-05-10" },
      { ...upload, id: "older", status: "accepted", completedOn: "2023-01-10", validUntil: "2025-01-10" },
      { ...upload, id: "rejected", status: "rejected" },
    ];
    expect(countingCertificates(internal, external).map((c) => [c.id, c.source])).toEqual([
      ["older", "external"],
      ["c1", "internal"],
      ["accepted", "external"],
    ]);
  });
});
