/** Training accounts: UE against the obligation, QHB progress, external certificates, who is behind, reports. */
export const trainingAccount = {};
