/** The kinds of device the session list names in words ("einem Android-Handy", "a Mac"). */
export type DeviceKind =
  | "iphone"
  | "ipad"
  | "androidPhone"
  | "androidTablet"
  | "windows"
  | "mac"
  | "linux"
  | "chromebook";

export interface UserAgentSummary {
  browser: string | null;
  device: DeviceKind | null;
}

// Order matters: Edge, Opera and Samsung Internet also call themselves Chrome, and Chrome calls itself Safari.
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];

function deviceOf(userAgent: string): DeviceKind | null {
  if (/iPhone|iPod/.test(userAgent)) return "iphone";
  if (/iPad/.test(userAgent)) return "ipad";
  // Android phones say "Mobile"; tablets do not.
  if (/Android/.test(userAgent)) return /Mobile/.test(userAgent) ? "androidPhone" : "androidTablet";
  if (/CrOS/.test(userAgent)) return "chromebook";
  if (/Windows/.test(userAgent)) return "windows";
  if (/Mac OS X|Macintosh/.test(userAgent)) return "mac";
  if (/Linux|X11/.test(userAgent)) return "linux";
  return null;
}

/** Browser and device from a user-agent string, as far as it says anything we recognise. */
export function summariseUserAgent(userAgent: string | null): UserAgentSummary {
  if (!userAgent) return { browser: null, device: null };
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return { browser, device: deviceOf(userAgent) };
}
