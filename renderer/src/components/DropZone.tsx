import { useRef, useState, type DragEvent } from 'react';

interface Props {
  /** Called during the drop event: DataTransfer items are only readable synchronously. */
  onDropData: (data: DataTransfer) => void;
  /** Clicking or pressing Enter/Space on the zone opens the file picker. */
  onActivate: () => void;
  disabled?: boolean;
}

/** A large target for dragging files, folders or zips in; it is also a button for keyboard users. */
export function DropZone({ onDropData, onActivate, disabled = false }: Props) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  const allow = (e: DragEvent) => {
    if (disabled || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  return (
    <button
      type="button"
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      disabled={disabled}
      onClick={onActivate}
      onDragEnter={(e) => {
        allow(e);
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={allow}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        if (!disabled) onDropData(e.dataTransfer);
      }}
    >
      <span className="drop-zone-title">Drop files, a folder or a zip here</span>
      <span className="drop-zone-sub">or click to browse this computer</span>
    </button>
  );
}
