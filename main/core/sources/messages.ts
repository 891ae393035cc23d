import type { SkipCode, SourceErrorCode } from './types';

/**
 * Plain-language texts shown to the patient. None contains a path, a name or a number that could
 * identify anyone: the item's relativePath travels in its own field.
 */
export const SKIP_REASONS: Record<SkipCode, string> = {
  VIEWER_PROGRAM: 'Viewer program included on the disc — not a medical image',
  DISC_SETTINGS: 'Settings file for the disc or its viewer — not a medical image',
  VIEWER_FILE: 'Part of the viewer included on the disc (web page, script, icon or font) — not a medical image',
  DISC_DOCUMENT: 'Instructions or licence text included on the disc — not a medical image',
  SYSTEM_FILE: 'File created by the computer’s operating system — not a medical image',
  LINK_NOT_FOLLOWED: 'Shortcut (link) to another location — not followed; choose the real files instead',
  NOT_A_REGULAR_FILE: 'Not a regular file (a device, pipe or socket) — nothing to import',
  EMPTY_FILE: 'Empty file (0 bytes) — nothing to import',
};

export const ERROR_MESSAGES: Record<SourceErrorCode, string> = {
  INPUT_NOT_FOUND: 'This file or folder could not be found. Check that the disc or drive is still connected.',
  FILE_UNREADABLE: 'ScanVault is not allowed to read this file. Check its permissions, or copy it somewhere you can open it.',
  FOLDER_UNREADABLE: 'ScanVault is not allowed to open this folder. Check its permissions, or copy it somewhere you can open it.',
  FILE_READ_FAILED: 'This file could not be read. The disc may be scratched or the drive disconnected; try again or copy the files first.',
  FILE_CHANGED: 'This file changed or disappeared while it was being imported. Try the import again.',
  ARCHIVE_CORRUPT: 'This zip file is damaged or incomplete (perhaps the download did not finish). Download or copy it again.',
  ARCHIVE_TOO_MANY_FILES: 'This zip file holds more files than ScanVault opens in one archive. Unzip it and import the folders separately.',
  ARCHIVE_UNSUPPORTED: 'ScanVault opens only .zip archives. Extract this file with another program first, then choose the extracted files.',
  ARCHIVE_NESTED_TOO_DEEP: 'This zip file is inside several other zip files. Unzip the outer archive first, then choose this one.',
  ARCHIVE_NESTED_TOO_LARGE: 'This zip file inside another zip file is too large to open in place. Unzip the outer archive first, then choose this one.',
  ZIP_ENTRY_UNSAFE_NAME: 'This file in the zip has an unsafe name (it points outside the archive), so it was not opened.',
  ZIP_ENTRY_ENCRYPTED: 'This file in the zip is password-protected. Unzip it with its password first, then choose the extracted files.',
  ZIP_ENTRY_UNSUPPORTED_METHOD: 'This file in the zip uses a compression method ScanVault cannot open. Unzip it with another program first.',
  ZIP_ENTRY_TOO_LARGE: 'This file in the zip is larger than ScanVault accepts for one file, so it was not opened.',
  ZIP_ENTRY_RATIO: 'This file in the zip expands far more than real scans do (a possible “zip bomb”), so it was not opened.',
  ZIP_TOTAL_TOO_LARGE: 'This zip file expands to more data than ScanVault accepts for one archive, so the rest was not opened.',
  ZIP_ENTRY_CORRUPT: 'This file in the zip is damaged (its contents do not match the archive’s records). Download or copy the zip again.',
  UPLOAD_UNSAFE_NAME: 'This file was sent with a name ScanVault cannot use safely (for example one pointing outside the folder you chose), so it was not opened.',
  UPLOAD_NAME_CONFLICT: 'Another file was sent with the same name in the same place, so this one was not opened. Send it again on its own.',
};

/** Thrown by SourceFile.read(); `code` is stable, `message` is safe to show and log. */
export class SourceReadError extends Error {
  constructor(readonly code: SourceErrorCode) {
    super(ERROR_MESSAGES[code]);
    this.name = 'SourceReadError';
  }
}
