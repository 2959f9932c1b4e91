// A topic's records: read from the beginning, the newest, an offset, a time or a group's position,
// forward with a limit or live; filter in main; open a record decoded; export; produce. Opened at
// an offset (a mismatch's event, a stuck partition) it shows that record first.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadInput, RecordView } from '../../../../shared/records/records';
import { useCancelRead, useExportRecords, useRecordAt, useScan, useStartRead, useTopicPartitions } from '../../api/records';
import { refusedField } from '../../api/query-keys';
import { ErrorView } from '../../components/state-views';
import { navigate } from '../../router';
import { ProduceDialog } from './produce-dialog';
import { ReadForm, readInputOf, type ReadFormValues } from './read-form';
import { RecordDetail } from './record-detail';
import { ResultsList } from './results-list';
import { ScanStatus } from './scan-status';
import { download } from '../../components/download';

function ExportButtons({ scanId }: { scanId: string }) {
  const exporter = useExportRecords();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const run = (format: 'jsonl' | 'csv', unmasked = false) => exporter.mutate({ scanId, format, unmasked, ...(unmasked ? { reason: reason.trim() } : {}) }, {
    onSuccess: (file) => { download(file.fileName, file.mediaType, file.content); setAsking(false); },
  });
  return (
    <div className="toolbar">
      <button type="button" onClick={() => run('jsonl')} data-testid="export-jsonl">Export JSON Lines</button>
      <button type="button" onClick={() => run('csv')} data-testid="export-csv">Export CSV</button>
      {asking ? (
        <>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why unmasked? (audited)" aria-label="Reason to export unmasked" />
          <button type="button" disabled={reason.trim().length < 5} onClick={() => run('jsonl', true)}>Export unmasked</button>
        </>
      ) : <button type="button" className="link-button" onClick={() => setAsking(true)}>Unmasked…</button>}
      {exporter.error && <span className="error-text small" role="alert">{exporter.error.message}</span>}
    </div>
  );
}

function TopicSwitcher({ topic }: { topic: string }) {
  const [value, setValue] = useState(topic);
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (value.trim()) navigate({ page: 'records', topic: value.trim() }); }}>
      <input value={value} onChange={(e) => setValue(e.target.value)} aria-label="Topic" className="mono" />
    </form>
  );
}

export function RecordsPage({ topic, partition, offset }: { topic: string; partition?: number; offset?: number }) {
  const partitions = useTopicPartitions(topic);
  const start = useStartRead();
  const cancel = useCancelRead();
  const [scanId, setScanId] = useState<string | null>(null);
  const scan = useScan(scanId);
  const [selected, setSelected] = useState<{ seq: number | null; record: RecordView } | null>(null);
  const [producing, setProducing] = useState(false);
  const opened = offset !== undefined && partition !== undefined;
  const at = useRecordAt(topic, partition ?? 0, offset ?? 0, opened);
  const [initial] = useState<ReadFormValues>(() => (opened
    ? { partition: String(partition), seekKind: 'offset', seekValue: String(offset), limit: '100', live: false, filter: '', filterReason: '' }
    : { partition: partition === undefined ? 'all' : String(partition), seekKind: 'end', seekValue: '', limit: '100', live: false, filter: '', filterReason: '' }));
  const [dismissedAt, setDismissedAt] = useState(false);

  const running = scan.data?.state === 'running';
  const { mutate: startRead } = start;
  const { mutate: cancelRead } = cancel;
  // Stable handlers: a live tail re-renders this page four times a second, the form need not follow.
  const read = useCallback((input: ReadInput) => {
    setSelected(null);
    if (scanId && running) cancelRead({ scanId });
    // The rows on screen belong to the read that asked for them: a new read (refused or not yet
    // answered) must not leave the last filter's results under the new filter.
    setScanId(null);
    startRead(input, { onSuccess: (progress) => setScanId(progress.scanId) });
  }, [scanId, running, cancelRead, startRead]);
  const stop = useCallback(() => { if (scanId) cancelRead({ scanId }); }, [scanId, cancelRead]);
  const open = useCallback((seq: number, record: RecordView) => setSelected({ seq, record }), []);
  // Opened at a record, or just opened: the first read starts by itself.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const parsed = readInputOf(topic, initial);
    if ('input' in parsed) start.mutate(parsed.input, { onSuccess: (progress) => setScanId(progress.scanId) });
  }, [topic, initial, start]);
  const shownAt = opened && !dismissedAt && selected === null && at.data?.record ? at.data.record : null;
  const detail = selected?.record ?? shownAt;
  const progress = scan.data;

  return (
    <section className="page records-page">
      <header className="page-header">
        <h1>Records of <span className="mono" data-testid="records-topic">{topic}</span></h1>
        <div className="toolbar">
          <TopicSwitcher topic={topic} />
          <button type="button" onClick={() => setProducing(true)} data-testid="produce">Produce…</button>
        </div>
      </header>
      {partitions.error && <ErrorView error={partitions.error} />}
      <ReadForm topic={topic} partitions={partitions.data} initial={initial} running={running} error={start.error?.message ?? null}
        needsReason={refusedField(start.error) === 'filterReason'} onRead={read} onStop={stop} />
      {opened && at.data && !at.data.record && <p className="muted">There is no record at {topic}-{partition}@{offset}: the partition holds {at.data.logStartOffset}–{at.data.logEndOffset - 1}.</p>}
      {at.error && <ErrorView error={at.error} />}
      {progress && <ScanStatus progress={progress} />}
      {scan.error && <ErrorView error={scan.error} />}
      <div className="records-layout">
        {scanId && progress && (
          <ResultsList scanId={scanId} first={progress.results.first} next={progress.results.next} follow={progress.live}
            selected={selected?.seq ?? null} onOpen={open} />
        )}
        {detail && <RecordDetail key={`${detail.partition}@${detail.offset}`} record={detail} onClose={() => { setSelected(null); setDismissedAt(true); }} />}
      </div>
      {scanId && progress && progress.results.next > progress.results.first && <ExportButtons scanId={scanId} />}
      {producing && <ProduceDialog topic={topic} onClose={() => setProducing(false)} />}
    </section>
  );
}
