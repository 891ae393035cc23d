import { useEffect, useRef, type ReactNode } from 'react';
import { STEPS, stepNumber, type StepKey } from './wizard-state';

interface Props {
  step: StepKey;
  children: ReactNode;
  /** Back is absent on the first step. */
  onBack: (() => void) | null;
  nextLabel: string;
  onNext: () => void;
  nextDisabled?: boolean;
  /** Extra controls beside Back/Next (e.g. "Cancel the share"). */
  extra?: ReactNode;
}

/**
 * One step of the share wizard: "Step 2 of 7", the list of steps (the current one marked), the
 * step's heading (focused when the step opens, so keyboard and screen-reader users start there),
 * its content, then Back and Next.
 */
export function StepFrame({ step, children, onBack, nextLabel, onNext, nextDisabled = false, extra }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  const n = stepNumber(step);
  const title = STEPS[n - 1]?.title ?? '';
  return (
    <section className="card share-step" aria-labelledby="share-step-title">
      <p className="step-count">Step {n} of {STEPS.length}</p>
      <ol className="step-list" aria-label="Steps of sharing">
        {STEPS.map((s, i) => (
          <li key={s.key} aria-current={s.key === step ? 'step' : undefined} className={i + 1 < n ? 'step-done' : undefined}>
            <span className="step-dot" aria-hidden="true">{i + 1}</span>
            <span className="step-name">{s.title}</span>
          </li>
        ))}
      </ol>
      <h2 id="share-step-title" ref={heading} tabIndex={-1}>{title}</h2>
      <div className="stack">{children}</div>
      <div className="button-row wizard-buttons">
        {onBack && <button type="button" className="button" onClick={onBack}>Back</button>}
        <button type="button" className="button button-primary" disabled={nextDisabled} onClick={onNext}>{nextLabel}</button>
        {extra}
      </div>
    </section>
  );
}
