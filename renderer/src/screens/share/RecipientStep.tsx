import { TextField } from '../people/TextField';
import type { RecipientDraft, RecipientErrors } from './wizard-state';

interface Props {
  recipient: RecipientDraft;
  purpose: string;
  errors: RecipientErrors;
  onRecipient: (r: RecipientDraft) => void;
  onPurpose: (p: string) => void;
}

/** Step 2: who receives the copy and why; both go into the patient's record of shares. */
export function RecipientStep({ recipient, purpose, errors, onRecipient, onPurpose }: Props) {
  const set = (key: keyof RecipientDraft) => (value: string) => onRecipient({ ...recipient, [key]: value });
  return (
    <>
      <p>This goes into your own record of who received your scans. The doctor’s name also appears in the note that travels with the copy.</p>
      <div className="field-pair">
        <TextField label="Recipient’s name" value={recipient.name} onChange={set('name')} error={errors.name} maxLength={220} hint="For example “Dr Ana Lee”." />
        <TextField label="Their role" value={recipient.role} onChange={set('role')} error={errors.role} maxLength={220} hint="Optional, for example “Radiologist”." />
      </div>
      <div className="field-pair">
        <TextField label="Organisation" value={recipient.org} onChange={set('org')} error={errors.org} maxLength={220} hint="Optional: the clinic or hospital." />
        <TextField label="How to reach them" value={recipient.contact} onChange={set('contact')} error={errors.contact} maxLength={520} hint="Optional: an address, phone number or e-mail." />
      </div>
      <TextField label="Why you share it" value={purpose} onChange={onPurpose} error={errors.purpose} multiline maxLength={520} hint="For example “Second opinion on my knee MRI”." />
    </>
  );
}
