import type { DocumentInput } from './api';
import { byId } from './dom';

/** The file chosen in `fileId`, else the text pasted in `textId`, else nothing. */
export function readDocumentInput(fileId: string, textId: string): DocumentInput | undefined {
  const file = byId<HTMLInputElement>(fileId).files?.[0];
  if (file) return { file };
  const text = byId<HTMLTextAreaElement>(textId).value.trim();
  return text ? { text } : undefined;
}

/**
 * Makes every fieldset with data-drop="<input id>" a drop zone for that file input: dropped files
 * go to the input (and fire its change event) as if chosen in the file dialog.
 */
export function enableDropZones(root: ParentNode): void {
  for (const zone of root.querySelectorAll<HTMLElement>('[data-drop]')) {
    const input = byId<HTMLInputElement>(zone.dataset.drop ?? '');
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      const chosen = new DataTransfer();
      for (const f of input.multiple ? [...files] : [...files].slice(0, 1)) chosen.items.add(f);
      input.files = chosen.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
}

/** Shows a problem in an alert region, or hides it. */
export function showError(id: string, message: string | null): void {
  const box = byId(id);
  box.textContent = message ?? '';
  box.hidden = message === null;
}
