import { useState } from 'react';
import { ExamScreen } from './ExamScreen';
import { ExamsDashboard } from './ExamsDashboard';
import { PlanExamForm } from './PlanExamForm';

type View = { kind: 'dashboard' } | { kind: 'plan' } | { kind: 'exam'; examId: number };

/** "AI use": the dashboard across exams, planning a new exam, and one exam's record. */
export function ExamsScreen() {
  const [view, setView] = useState<View>({ kind: 'dashboard' });
  const toDashboard = () => setView({ kind: 'dashboard' });
  const openExam = (examId: number) => setView({ kind: 'exam', examId });
  switch (view.kind) {
    case 'dashboard':
      return <ExamsDashboard onPlan={() => setView({ kind: 'plan' })} onOpenExam={openExam} />;
    case 'plan':
      return <PlanExamForm onCreated={openExam} onCancel={toDashboard} />;
    case 'exam':
      return <ExamScreen key={view.examId} examId={view.examId} onBack={toDashboard} />;
  }
}
