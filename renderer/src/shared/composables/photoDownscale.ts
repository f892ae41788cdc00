/** A photo's pixel size, or null when the browser cannot decode it (a damaged file: it is uploaded as chosen). */
export async function photoSize(file: Blob): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/** The size that fits `maxEdge` on the long side, keeping the proportions. */
export function fittedSize(size: { width: number; height: number }, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(size.width, size.height));
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/**
 * Redraws a photo at most `maxEdge` pixels on its long side, on a canvas in the renderer (nothing leaves
 * the page). JPEG stays JPEG (quality 0.85, what a scan of text still reads well at); PNG stays PNG.
 */
export async function downscalePhoto(file: Blob, mime: 'image/jpeg' | 'image/png', maxEdge: number): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const target = fittedSize(bitmap, maxEdge);
  const canvas = document.createElement('canvas');
  canvas.width = target.width;
  canvas.height = target.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas unavailable');
  context.drawImage(bitmap, 0, 0, target.width, target.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas export failed'))), mime, 0.85));
}
