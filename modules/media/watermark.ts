/**
 * The mark on the delivered large variant: the agency's name (or "Immo" for a
 * private owner) in the bottom-right corner, white over a soft dark shadow so
 * it reads on any photo. Only the large variant carries it: thumbnails stay
 * clean and the original is never touched.
 */
export function watermarkSvg(text: string, imageWidth: number, imageHeight: number): Buffer {
  const fontSize = Math.max(14, Math.round(imageWidth / 32));
  const margin = Math.round(fontSize * 0.8);
  const label = escapeXml(text.slice(0, 60));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${imageWidth}" height="${imageHeight}">
  <style>text { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: ${fontSize}px; }</style>
  <text x="${imageWidth - margin + 2}" y="${imageHeight - margin + 2}" text-anchor="end" fill="black" fill-opacity="0.45">${label}</text>
  <text x="${imageWidth - margin}" y="${imageHeight - margin}" text-anchor="end" fill="white" fill-opacity="0.8">${label}</text>
</svg>`;
  return Buffer.from(svg);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
