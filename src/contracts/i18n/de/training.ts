/** Training: the catalogue, course runs and sessions, booking with a waiting list, guests, calendar files. */
export const training = {};
