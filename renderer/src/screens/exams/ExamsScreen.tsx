import { useState } from 'react';
import { ExamScreen } from './ExamScreen';
import { ExamsDashboard } from './ExamsDashboard';
import { PlanExamForm } from './PlanExamForm';
import { ProvidersScreen } from './ProvidersScreen';

type View = { kind: 'dashboard' } | { kind: 'plan' } | { kind: 'providers' } | { kind: 'exam'; examId: number };

/** "AI use": the dashboard across exams, planning a new exam, one exam's record, and the providers. */
export function ExamsScreen() {
  const [view, setView] = useState<View>({ kind: 'dashboard' });
  const toDashboard = () => setView({ kind: 'dashboard' });
  const openExam = (examId: number) => setView({ kind: 'exam', examId });
  switch (view.kind) {
    case 'dashboard':
      return <ExamsDashboard onPlan={() => setView({ kind: 'plan' })} onProviders={() => setView({ kind: 'providers' })} onOpenExam={openExam} />;
    case 'plan':
      return <PlanExamForm onCreated={openExam} onCancel={toDashboard} />;
    case 'providers':
      return <ProvidersScreen onBack={toDashboard} />;
    case 'exam':
      return <ExamScreen key={view.examId} examId={view.examId} onBack={toDashboard} />;
  }
}
