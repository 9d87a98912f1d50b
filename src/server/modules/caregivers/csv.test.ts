import { describe, expect, it } from "vitest";
import { type DuplicateCandidate, findDuplicates } from "./csv";

const anna: DuplicateCandidate = {
  id: "00000000-0000-4000-8000-000000000001",
  firstName: "Anna",
  lastName: "Albers",
  postalCode: "59269",
  email: "anna@example.org",
};
const berta: DuplicateCandidate = {
  id: "00000000-0000-4000-8000-000000000002",
  firstName: "Berta",
  lastName: "Bald",
  postalCode: "59227",
  email: null,
};

const row = (line: number, cells: Record<string, string>) => ({ line, cells });

describe("findDuplicates", () => {
  it("finds people of the registry by e-mail or by name and postal code, ignoring case and spaces", () => {
    const problems = findDuplicates(
      [
        row(2, { firstName: "Zoe", lastName: "Zander", postalCode: "59269", email: " ANNA@example.org " }),
        row(3, { firstName: " berta ", lastName: "BALD", postalCode: "59227 " }),
        row(4, { firstName: "Berta", lastName: "Bald", postalCode: "59269" }),
      ],
      [anna, berta],
    );
    expect(problems.get(2)).toEqual([{ column: "email", existing: anna }]);
    expect(problems.get(3)).toEqual([{ column: "lastName", existing: berta }]);
    // Same name, another postal code: another person.
    expect(problems.has(4)).toBe(false);
    // Both rules point at the same person: one problem, not two.
    const both = findDuplicates(
      [row(2, { firstName: "Anna", lastName: "Albers", postalCode: "59269", email: "anna@example.org" })],
      [anna, berta],
    );
    expect(both.get(2)).toEqual([{ column: "email", existing: anna }]);
  });

  it("marks later rows that repeat an earlier one and leaves the first valid", () => {
    const problems = findDuplicates(
      [
        row(2, { firstName: "Cora", lastName: "Cordes", postalCode: "59269", email: "cora@example.org" }),
        row(3, { firstName: "Dana", lastName: "Dorn", postalCode: "59269" }),
        row(4, { firstName: "Eva", lastName: "Ernst", postalCode: "59269", email: "CORA@example.org" }),
        row(5, { firstName: "DANA", lastName: "dorn", postalCode: "59269", email: "dana@example.org" }),
        row(6, { firstName: "Dana", lastName: "Dorn", postalCode: "59269", email: "cora@example.org" }),
      ],
      [],
    );
    expect(problems.has(2)).toBe(false);
    expect(problems.has(3)).toBe(false);
    expect(problems.get(4)).toEqual([{ column: "email", sameAsLine: 2 }]);
    expect(problems.get(5)).toEqual([{ column: "lastName", sameAsLine: 3 }]);
    expect(problems.get(6)).toEqual([
      { column: "email", sameAsLine: 2 },
      { column: "lastName", sameAsLine: 3 },
    ]);
  });

  it("does not compare rows whose identifying cells are empty", () => {
    const problems = findDuplicates(
      [
        row(2, { firstName: "Anna", lastName: "", postalCode: "59269", email: "" }),
        row(3, { firstName: "Anna", lastName: "", postalCode: "59269", email: "" }),
        row(4, { firstName: "", lastName: "", postalCode: "" }),
      ],
      [{ ...anna, email: null }],
    );
    expect(problems.size).toBe(0);
  });

  it("treats composed and decomposed umlauts as the same name", () => {
    const decomposed = "Jo\u0308rg";
    const problems = findDuplicates(
      [row(2, { firstName: decomposed, lastName: "Öztürk", postalCode: "59269" })],
      [{ ...anna, firstName: "Jörg", lastName: "Öztürk", email: null }],
    );
    expect(problems.get(2)?.[0]?.existing?.firstName).toBe("Jörg");
  });
});
