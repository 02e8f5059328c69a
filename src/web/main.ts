import { setUpCandidateView } from './candidate';
import { byId } from './dom';
import { enableDropZones } from './inputs';
import { setUpRecruiterView } from './recruiter';

/** Tabs as the ARIA pattern has them: click, or arrow keys between tabs. */
function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const show = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      byId(t.getAttribute('aria-controls') ?? '').hidden = !selected;
    }
    if (focus) tab.focus();
    history.replaceState(null, '', `#${tab.id.replace(/^tab-/, '')}`);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab, false));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      if (step && next) show(next, true);
    });
  });
  const fromHash = tabs.find((t) => t.id === `tab-${location.hash.slice(1)}`);
  if (fromHash) show(fromHash, false);
}

function start(): void {
  const version = byId('lexicon-version');
  const onLexiconVersion = (v: string): void => {
    version.textContent = `Lexicon ${v}`;
  };
  setUpTabs();
  enableDropZones(document);
  setUpCandidateView(onLexiconVersion);
  setUpRecruiterView(onLexiconVersion);
}

start();
