import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/** A random URL-safe token (for cookies and links); 32 bytes unless said otherwise. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are stored as their SHA-256 so that a database copy does not contain usable links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function keyBytes(key: string): Buffer {
  const bytes = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, "hex") : Buffer.from(key, "base64");
  if (bytes.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64).");
  return bytes;
}

/** Encrypts and decrypts sensitive fields (AES-256-GCM, random nonce, versioned format). */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createFieldCipher(key: string): FieldCipher {
  const k = keyBytes(key);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", k, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${iv.toString("base64url")}.${body.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
    },
    decrypt(stored) {
      const [version, iv, body, tag] = stored.split(".");
      if (version !== "v1" || !iv || !body || !tag) throw new Error("Unknown encrypted field format");
      const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/**
 * Numbers in [0, 1) derived from a secret and a label: stable for the same input, unpredictable without
 * the secret (used to fuzz map positions the same way every time).
 */
export function keyedUnitValues(secret: string, label: string, count: number): number[] {
  const digest = createHmac("sha256", secret).update(label).digest();
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(digest.readUInt32BE(i * 4) / 2 ** 32);
  return values;
}
