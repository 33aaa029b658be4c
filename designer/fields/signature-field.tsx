/**
 * @module The signature control: the customer signs on a pad with a finger, pen or mouse; the drawing
 * is uploaded as a PNG and the value is its file reference. Signing again replaces it. Without an
 * upload target (the designer preview) the pad is shown but cannot be saved.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { uploadFile } from './attachment-upload';
import { candidateRef } from './attachment-field';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf, FileRef } from './field-props';
import { FileThumb } from './file-thumb';
import { uploadErrorText } from './upload-error';

const WIDTH = 600;
const HEIGHT = 200;

export function SignatureField({
  id,
  label,
  value,
  onChange,
  onBlur,
  readOnly,
  invalid,
  describedBy,
  upload,
  checkValue,
}: FieldControlProps<FieldOf<'signature'>>) {
  const t = useMessages(fieldMessages);
  const { locale } = useLocale();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [localUrl, setLocalUrl] = useState<string | undefined>();
  useEffect(() => () => (localUrl ? URL.revokeObjectURL(localUrl) : undefined), [localUrl]);
  const ref = typeof value === 'object' && value !== null ? (value as FileRef) : null;

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - box.left) / box.width) * WIDTH,
      ((e.clientY - box.top) / box.height) * HEIGHT,
    ] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || readOnly) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const [x, y] = point(e);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#1f2933';
    ctx.beginPath();
    ctx.moveTo(x, y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !drawing.current) return;
    const [x, y] = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
    setDrawn(true);
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
    setProblem(null);
  };

  async function save() {
    const blob = await new Promise<Blob | null>((resolve) => canvas.current?.toBlob(resolve, 'image/png'));
    if (!blob || !upload) return;
    const file = new File([blob], 'signature.png', { type: 'image/png' });
    const problems = checkValue?.(candidateRef(file)) ?? [];
    if (problems.length > 0) {
      setProblem(problems.map((p) => p.message).join(' '));
      return;
    }
    setBusy(0);
    setProblem(null);
    try {
      const stored = await uploadFile(upload, file, file.name, locale, setBusy);
      setLocalUrl(URL.createObjectURL(file));
      onChange(stored);
      clear();
    } catch (error) {
      setProblem(t('uploadFailed', { name: file.name, message: uploadErrorText(error, locale) }));
    } finally {
      setBusy(null);
      onBlur();
    }
  }

  if (ref) {
    return (
      <div className="signature">
        <ul className="file-list">
          <FileThumb file={ref} localUrl={localUrl} />
        </ul>
        {!readOnly && (
          <button type="button" onClick={() => onChange(null)}>
            {t('redoSignature')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="signature">
      <canvas
        id={id}
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad"
        role="img"
        aria-label={`${label}: ${t('signHere')}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      {!readOnly && (
        <div className="row">
          <button type="button" onClick={clear} disabled={!drawn || busy !== null}>
            {t('clearSignature')}
          </button>
          <button type="button" onClick={() => void save()} disabled={!drawn || !upload || busy !== null}>
            {t('saveSignature')}
          </button>
          {busy !== null && <progress value={busy} max={1} aria-label={t('uploading', { name: label })} />}
        </div>
      )}
      {!upload && !readOnly && <p className="muted">{t('uploadsDisabled')}</p>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
