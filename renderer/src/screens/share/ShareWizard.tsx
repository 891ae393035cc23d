import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PersonSummary } from '../../../../shared/domain';
import { VaultFolderPath } from '../../../../shared/domain';
import { ONE_PERSON_PER_SHARE, type ExportDestination, type ExportReport, type ShareDraft, type ShareRecord } from '../../../../shared/share/share-domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';
import { ChooseStep } from './ChooseStep';
import { DestinationStep } from './DestinationStep';
import { ExportDone } from './ExportDone';
import { MethodStep } from './MethodStep';
import { PreviewStep } from './PreviewStep';
import { RecipientStep } from './RecipientStep';
import { ReviewStep } from './ReviewStep';
import { ShareJob } from './ShareJob';
import { StepFrame } from './StepFrame';
import { SummaryStep } from './SummaryStep';
import { seriesChoices } from './series-choices';
import {
  allStudies, checkRecipient, chosenPeople, DEFAULT_METHOD, earlierSharesWith, EMPTY_RECIPIENT, toPrepareRequest, toRecipient,
  type Chosen, type MethodDraft, type RecipientErrors, type StepKey,
} from './wizard-state';

type Stage = StepKey | 'preparing' | 'exporting' | 'done';

interface Props {
  /** Studies (row ids) ticked at the start, e.g. from a study's "Share…" button. */
  initialStudyIds: readonly number[];
  nativeDialogs: boolean;
  onClose: () => void;
}

/**
 * The share wizard: choose -> recipient and purpose -> how -> (prepare job) -> preview one file ->
 * burned-in review -> destination -> summary -> (export job) -> done. The draft lives in the core;
 * leaving the wizard before the export drops it.
 */
export function ShareWizard({ initialStudyIds, nativeDialogs, onClose }: Props) {
  const api = useApi();
  const [people, setPeople] = useState<PersonSummary[] | null>(null);
  const [shares, setShares] = useState<ShareRecord[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('choose');
  const [chosen, setChosen] = useState<Chosen>(() => new Map(initialStudyIds.map((id) => [id, 'all'])));
  const [recipient, setRecipient] = useState(EMPTY_RECIPIENT);
  const [purpose, setPurpose] = useState('');
  const [recipientErrors, setRecipientErrors] = useState<RecipientErrors>({});
  const [method, setMethod] = useState<MethodDraft>(DEFAULT_METHOD);
  const [jobId, setJobId] = useState<string | null>(null);
  const [draft, setDraft] = useState<ShareDraft | null>(null);
  const [destination, setDestination] = useState<ExportDestination>({ kind: 'folder', path: '' });
  const [pathError, setPathError] = useState<string | null>(null);
  const [stepError, setStepError] = useState<string | null>(null);
  const [report, setReport] = useState<ExportReport | null>(null);
  const openDraft = useRef<string | null>(null);
  /** Bumped after an export, so a next share sees it (as an earlier share for a follow-up). */
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([api.listLibrary({}), api.listShares({})]).then(([lib, sh]) => {
      if (!live) return;
      if (lib.ok) setPeople(lib.value.people);
      else setLoadError(lib.error.message);
      // Without the share log only the follow-up choice is missing; the wizard still works.
      if (sh.ok) setShares(sh.value.shares);
    });
    return () => { live = false; };
  }, [api, loads]);

  const discard = useCallback(() => {
    const id = openDraft.current;
    openDraft.current = null;
    if (id) void api.discardShareDraft({ draftId: id });
  }, [api]);
  useEffect(() => discard, [discard]);

  const studies = useMemo(() => allStudies(people ?? []), [people]);
  const chosenStudies = studies.filter((s) => chosen.has(s.id));
  const earlier = earlierSharesWith(shares, recipient.name, chosenPeople(people ?? [], chosen));
  const go = (next: Stage) => { setStepError(null); setStage(next); };

  const prepare = async () => {
    discard();
    setDraft(null);
    const followUp = earlier.some((s) => s.id === method.followUpOfShareId) ? method.followUpOfShareId : null;
    const started = await api.prepareShare(toPrepareRequest(chosen, studies, { ...method, followUpOfShareId: followUp }));
    if (!started.ok) { setStepError(started.error.message); return; }
    setJobId(started.value.jobId);
    go('preparing');
  };
  const prepared = (d: ShareDraft) => {
    openDraft.current = d.draftId;
    setDraft(d);
    setJobId(null);
    go('preview');
  };
  const startExport = async () => {
    if (!draft) return;
    const started = await api.startExport({ draftId: draft.draftId, recipient: toRecipient(recipient), purpose: purpose.trim(), destination });
    if (!started.ok) { setStepError(started.error.message); return; }
    setJobId(started.value.jobId);
    go('exporting');
  };
  const exported = (r: ExportReport) => {
    openDraft.current = null;
    setReport(r);
    setJobId(null);
    go('done');
  };

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!people) return <p className="muted" aria-live="polite">Opening your library…</p>;
  const cancel = <button type="button" className="button-quiet" onClick={onClose}>Cancel sharing</button>;
  const errorLine = <ErrorAlert message={stepError} />;

  switch (stage) {
    case 'choose':
      return (
        <StepFrame step="choose" onBack={null} nextLabel="Next" extra={cancel}
          onNext={() => {
            if (chosen.size === 0) setStepError('Tick at least one scan to share.');
            else if (chosenPeople(people, chosen).length > 1) setStepError(ONE_PERSON_PER_SHARE);
            else go('recipient');
          }}>
          <ChooseStep people={people} chosen={chosen} onChange={(c) => { setStepError(null); setChosen(c); }} />
          {errorLine}
        </StepFrame>
      );
    case 'recipient':
      return (
        <StepFrame step="recipient" onBack={() => go('choose')} nextLabel="Next" extra={cancel}
          onNext={() => {
            const errors = checkRecipient(recipient, purpose);
            setRecipientErrors(errors);
            if (Object.keys(errors).length === 0) go('method');
            else setStepError('Some answers need a change: see the messages under the fields.');
          }}>
          <RecipientStep recipient={recipient} purpose={purpose} errors={recipientErrors} onRecipient={setRecipient} onPurpose={setPurpose} />
          {errorLine}
        </StepFrame>
      );
    case 'method':
      return (
        <StepFrame step="method" onBack={() => go('recipient')} nextLabel="Prepare the copy" extra={cancel} onNext={() => void prepare()}>
          <MethodStep method={method} onChange={setMethod} earlier={earlier} recipientName={recipient.name.trim()} hasReports={chosenStudies.some((s) => s.attachments.length > 0)} />
          {errorLine}
        </StepFrame>
      );
    case 'preparing':
      return <ShareJob kind="prepare" jobId={jobId} onPrepared={prepared} onExported={exported} onStop={(message) => { setJobId(null); setStepError(message); setStage('method'); }} />;
    case 'preview':
      return draft && (
        <StepFrame step="preview" onBack={() => { discard(); go('method'); }} nextLabel="Next" extra={cancel} onNext={() => go('review')}>
          <PreviewStep draftId={draft.draftId} series={seriesChoices(chosen, chosenStudies)} />
        </StepFrame>
      );
    case 'review':
      return draft && (
        <StepFrame step="review" onBack={() => go('preview')} nextLabel="Next" extra={cancel} onNext={() => go('destination')}>
          <ReviewStep draft={draft} onDraft={setDraft} />
        </StepFrame>
      );
    case 'destination':
      return (
        <StepFrame step="destination" onBack={() => go('review')} nextLabel="Next" extra={cancel}
          onNext={() => {
            const checked = VaultFolderPath.safeParse(destination.path.trim());
            if (!checked.success) { setPathError(checked.error.issues[0]?.message ?? 'Type the full path.'); return; }
            setPathError(null);
            setDestination({ ...destination, path: checked.data });
            go('summary');
          }}>
          <DestinationStep destination={destination} onChange={(d) => { setPathError(null); setDestination(d); }} nativeDialogs={nativeDialogs} error={pathError} />
        </StepFrame>
      );
    case 'summary':
      return draft && (
        <StepFrame step="summary" onBack={() => go('destination')} nextLabel="Export" extra={cancel} onNext={() => void startExport()}>
          <SummaryStep draft={draft} recipient={toRecipient(recipient)} purpose={purpose.trim()} destination={destination} />
          {errorLine}
        </StepFrame>
      );
    case 'exporting':
      return <ShareJob kind="export" jobId={jobId} onPrepared={prepared} onExported={exported} onStop={(message) => { setJobId(null); setStepError(message); setStage('summary'); }} />;
    case 'done':
      return report && <ExportDone report={report} onHistory={onClose} onAnother={() => { setLoads((n) => n + 1); setReport(null); setChosen(new Map()); setMethod(DEFAULT_METHOD); setDraft(null); go('choose'); }} />;
  }
}
