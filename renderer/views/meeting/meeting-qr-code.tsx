import { useMemo } from 'react';
import { create } from 'qrcode';

const QUIET_ZONE = 4;

/**
 * The invitation as a QR code, drawn as one SVG path (no canvas, no data URL, nothing the
 * CSP has to allow). It holds a carehouse:// URI with address, code and plan id.
 */
export function MeetingQrCode({ value, label }: { value: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        if (modules.data[row * modules.size + column]) parts.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
    return { d: parts.join(''), size: modules.size + QUIET_ZONE * 2 };
  }, [value]);
  return (
    <svg className="meeting-qr" role="img" aria-label={label} viewBox={`0 0 ${path.size} ${path.size}`} width={path.size * 5} height={path.size * 5} shapeRendering="crispEdges">
      <rect width={path.size} height={path.size} fill="#ffffff" />
      <path d={path.d} fill="#000000" />
    </svg>
  );
}
