/**
 * @module The XState export: the flow's machine config as JSON to download or copy, with what XState
 * needs besides it (named guards and actions, and the delays of `after` transitions through
 * `.provide({ delays })`) spelled out beside it.
 */
import { useState } from 'react';
import type { FlowDoc } from './flow-doc';
import { useFlowsT } from './flows-messages';
import { delayHints, exportFileName, loadSnippet, machineConfigJson } from './xstate-export';

export function ExportPanel({ doc, onClose }: { doc: FlowDoc; onClose(): void }) {
  const t = useFlowsT();
  const [copied, setCopied] = useState(false);
  const json = machineConfigJson(doc);
  const fileName = exportFileName(doc);
  const delays = delayHints(doc);

  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="export-panel card" role="dialog" aria-labelledby="flow-export-title">
      <div className="row space-between">
        <h2 id="flow-export-title">{t('export.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
      <p className="small">{t('export.note')}</p>
      <p className="small">{delays.length > 0 ? t('export.delays') : t('export.noDelays')}</p>
      <pre className="export-snippet">{loadSnippet(doc, fileName)}</pre>
      <label>
        {t('export.config')} · {fileName}
        <textarea className="export-json" readOnly rows={10} value={json} />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={download}>
          {t('export.download')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {t('export.copy')}
        </button>
        {copied ? <span role="status">{t('export.copied')}</span> : null}
      </div>
    </section>
  );
}
