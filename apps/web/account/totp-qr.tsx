import qrcode from 'qrcode-generator';

/** The otpauth:// URI as a QR code, drawn as SVG squares (black on white in both themes, as scanners expect). */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(uri);
  qr.make();
  const count = qr.getModuleCount();
  const margin = 4;
  const size = count + margin * 2;
  let path = '';
  for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={192} height={192} shapeRendering="crispEdges" className="rounded-md">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
