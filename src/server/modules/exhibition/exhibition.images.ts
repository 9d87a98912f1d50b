import sharp from "sharp";
import {
  exhibitionImageMaxBytes,
  exhibitionImageMaxEdge,
  exhibitionThumbMaxEdge,
} from "../../../contracts/exhibition";
import { fieldError } from "../../platform/errors";
import { detectImageType } from "../../platform/files/files";

/** A processed image ready to store: JPEG without any metadata. */
export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  large: ProcessedImage;
  thumb: ProcessedImage;
}

/** Larger pictures are refused before decoding, so a crafted file cannot exhaust the server's memory. */
const MAX_INPUT_PIXELS = 50_000_000;

async function encode(input: Buffer, maxEdge: number, quality: number): Promise<ProcessedImage> {
  // rotate() applies the EXIF orientation to the pixels first, because the metadata that carried it is
  // dropped: sharp writes no EXIF, GPS, XMP, IPTC or ICC unless asked to (keepMetadata/withMetadata).
  const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
    .rotate()
    .resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .jpeg({ quality, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Checks an upload and turns it into the two images that are kept: the photo (at most 2048 px on the long
 * edge) and a thumbnail (480 px). The upload itself is not kept, so location data in it never reaches the
 * database. A file that is no JPEG, PNG or WebP by its bytes, or that cannot be decoded, is refused.
 */
export async function processPhoto(upload: {
  contentType: string | undefined;
  body: unknown;
}): Promise<ProcessedPhoto> {
  if (!Buffer.isBuffer(upload.body) || upload.body.byteLength === 0) throw fieldError("image", "imageType");
  if (upload.body.byteLength > exhibitionImageMaxBytes) throw fieldError("image", "exhibitionImageTooLarge");
  if (!detectImageType(upload.body)) throw fieldError("image", "imageType");
  const body = upload.body;
  try {
    const [large, thumb] = await Promise.all([
      encode(body, exhibitionImageMaxEdge, 82),
      encode(body, exhibitionThumbMaxEdge, 78),
    ]);
    return { large, thumb };
  } catch {
    throw fieldError("image", "imageUnreadable");
  }
}
