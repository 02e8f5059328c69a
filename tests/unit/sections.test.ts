import { classifyHeading, classifyHeadingByForm, detectSections } from '../../src/core/1-text/sections';
import { levelColumn } from '../../src/core/1-text/level-column';

describe('classifyHeading', () => {
  it.each([
    ['Experience', 'experience'],
    ['WORK EXPERIENCE', 'experience'],
    ['Professional Experience:', 'experience'],
    ['## Education', 'education'],
    ['Technical Skills', 'skills'],
    ['Skills & Tools', 'skills'],
    ['Projects', 'projects'],
    ['Selected Publications', 'publications'],
    ['Summary', 'summary'],
    ['About Me', 'summary'],
    ['Requirements', 'requirements'],
    ['Qualifications', 'requirements'],
    ["What you'll do", 'responsibilities'],
    ['What You’ll Bring', 'requirements'],
    ['Responsibilities', 'responsibilities'],
    ['Nice to have', 'preferred'],
    ['Nice-to-haves', 'preferred'],
    ['Preferred Qualifications', 'preferred'],
    ['Bonus points', 'preferred'],
    ['Benefits', 'benefits'],
    ['What we offer', 'benefits'],
    ['Person Specification', 'requirements'],
    ['Your background', 'requirements'],
    ['Our recruitment process', 'application'],
    ['Outside work', 'interests'],
    ['Volunteer Work', 'volunteering'],
  ])('%s -> %s', (line, kind) => {
    expect(classifyHeading(line)?.kind).toBe(kind);
  });

  it('recognises an inline heading: "Skills: Python, C++"', () => {
    expect(classifyHeading('Skills: Python, C++, SQL')).toEqual({ kind: 'skills', title: 'Skills' });
    expect(classifyHeading('Nice to have: Kubernetes')).toEqual({ kind: 'preferred', title: 'Nice to have' });
    expect(classifyHeading('Mandatory: Kotlin and SQL')).toEqual({ kind: 'requirements', title: 'Mandatory' });
    expect(classifyHeading('Required: Kotlin and SQL')).toEqual({ kind: 'requirements', title: 'Required' });
    // An organisation's own label, "About" and its name; "About you:" says what is asked.
    expect(classifyHeading('About Fernhollow: grain logistics since 1998')).toEqual({ kind: 'about-company', title: 'About Fernhollow' });
    expect(classifyHeading('About you: Kotlin and SQL')?.kind).not.toBe('about-company');
  });

  it("a job ad's own stack is the company's: \"Our tech stack\" heads an about-the-company section", () => {
    expect(classifyHeading('Our tech stack')?.kind).toBe('about-company');
    expect(classifyHeading('Our technology stack:')?.kind).toBe('about-company');
    expect(classifyHeading('Our values')?.kind).toBe('about-company');
    expect(classifyHeading('Our culture')?.kind).toBe('about-company');
  });

  it.each([
    'Built an experience platform for shoppers',
    'the company',
    'experience',
    'Python, C++, SQL',
    'Senior Software Engineer, Acme, 2019–2022',
    'A very long line that happens to mention skills and experience in passing, as prose does',
  ])('is not a heading: %s', (line) => {
    expect(classifyHeading(line)).toBeNull();
  });
});

describe('detectSections', () => {
  it('returns sections with offsets into the text, each running to the next heading', () => {
    const text = 'Jane Roe\n\nEXPERIENCE\nBuilt models.\n\nSkills: Python\n\nEducation\nBSc';
    const sections = detectSections(text);
    expect(sections.map((s) => [s.kind, s.title, text.slice(s.start, s.end)])).toEqual([
      ['experience', 'EXPERIENCE', 'EXPERIENCE\nBuilt models.\n\n'],
      ['skills', 'Skills', 'Skills: Python\n\n'],
      ['education', 'Education', 'Education\nBSc'],
    ]);
  });
});

describe('a list item with its own label', () => {
  it('speaks for itself; the list\'s section goes on with the next item', () => {
    const text = 'What you bring\n- Go and Postgres\n- Bonus: Elixir\n- Load testing';
    const sections = detectSections(text);
    expect(sections.map((s) => [s.kind, text.slice(s.start, s.end).trim()])).toEqual([
      ['requirements', 'What you bring\n- Go and Postgres'],
      ['preferred', '- Bonus: Elixir'],
      ['requirements', '- Load testing'],
    ]);
  });

  it('as the last item, or over a list of its own, it heads what follows', () => {
    expect(detectSections('What you bring\n- Go\n- Bonus: Elixir').map((s) => s.kind)).toEqual(['requirements', 'preferred']);
    expect(detectSections('What you bring\n- Go\n\nBonus: Elixir, Rust').map((s) => s.kind)).toEqual(['requirements', 'preferred']);
  });
});

describe('level labels written in more ways', () => {
  it('a level word and the words for what is asked head a section', () => {
    expect(detectSections('Required Skills & Experience\nGo\n\nDesired Knowledge and Experience\nRust').map((s) => s.kind)).toEqual(['requirements', 'preferred']);
  });

  it('a label after a spaced dash, bar or dot inside a line heads the rest of that line', () => {
    const line = 'Essential: Go | Postgres · Desirable: Rust';
    expect(detectSections(`${line}\nMore text`).map((s) => [s.kind, line.slice(s.start, s.start + 9)])).toEqual([
      ['requirements', 'Essential'],
      ['preferred', 'Desirable'],
      // The short line's opening label heads what follows it, as a heading does.
      ['requirements', ''],
    ]);
  });

  it('a level label opening a line too long for a heading heads that line only', () => {
    const text = 'About us\nWe make maps.\nMust have: Go, Postgres, gRPC, Kubernetes, Terraform, Prometheus and Grafana dashboards\nWe are in Oslo.';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'requirements', 'about-company']);
  });

  it('and the lines a PDF wrapped it onto, when its sentence runs on', () => {
    const text = [
      'Nice to have: some shell scripting',
      'Essential: Five years of building and running data services on',
      'Kubernetes and Postgres, with on-call',
      'Desirable: Terraform',
    ].join('\n');
    const sections = detectSections(text);
    const kindAt = (words: string): string | undefined => sections.find((s) => s.start <= text.indexOf(words) && text.indexOf(words) < s.end)?.kind;
    expect(kindAt('Kubernetes and Postgres')).toBe('requirements');
    expect(kindAt('Terraform')).toBe('preferred');
  });
});

describe("a job board's application form", () => {
  it('"Apply for this job" over the form closes the ad; its "Required" legend heads nothing', () => {
    const text = 'Requirements\n- Python\n\nApply for this job\nRequired\nFull name *\nHave you used Kubernetes? * Yes No';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['requirements', 'application']);
  });

  it('as the first line of the page it is the button above the ad and heads nothing', () => {
    expect(detectSections('Apply now\nData Engineer at Fenwick\n\nRequirements\n- SQL').map((s) => s.kind)).toEqual(['requirements']);
  });
});

/** The section kinds found when a title over a one-item list follows a first section. */
function kindsAfter(first: string, title: string): string[] {
  return detectSections(`${first}\n\n${title}\n- Python`).map((s) => s.kind);
}

describe('job-ad titles in other words', () => {
  it.each([
    ['Key accountabilities', 'responsibilities'],
    ['The challenge', 'responsibilities'],
    ['Candidate profile', 'requirements'],
    // A person specification's groups.
    ['Knowledge and experience', 'requirements'],
    // "Desired profile" is the profile sought, not a wish list.
    ['Desired profile', 'requirements'],
    ['Our offer', 'benefits'],
    ["Why you'll love working here", 'benefits'],
    // A job board's own title over the ad's text.
    ['About the job', 'about-role'],
    ['What we ask', 'requirements'],
    ["What this role isn't", 'excluded'],
    ["What we're NOT looking for", 'excluded'],
    // An emoji before a title decorates it.
    ['🧠 What you bring', 'requirements'],
    ['✨ Nice to haves', 'preferred'],
    ['## 🛠️ Responsibilities', 'responsibilities'],
    ['💶 Perks', 'benefits'],
    // Typographic apostrophes read as typed ones.
    ['#### **What you’ll need**', 'requirements'],
    ['What You’ll Be Doing:', 'responsibilities'],
    // What the post gives, though "you'll" elsewhere heads duties.
    ["What you'll get", 'benefits'],
    ['**Some things you’ll enjoy**', 'benefits'],
  ])('"%s" heads %s', (title, kind) => {
    expect(kindsAfter('About us\nWe make maps.', title)).toEqual(['about-company', kind]);
  });
});

describe('CV titles in other words', () => {
  it.each([
    ['Toolkit', 'skills'],
    ['Programming', 'skills'],
    // Skills named beside interests are skills held.
    ['Skills & Interests', 'skills'],
    ['Certifications & Training', 'certifications'],
    ['Publications & Patents', 'publications'],
  ])('"%s" heads %s', (title, kind) => {
    expect(kindsAfter('Experience\n- Built things', title)).toEqual(['experience', kind]);
  });
});

describe('hobbies under other titles', () => {
  it.each(["When I'm not coding", 'Life outside work', 'Off the clock', 'Free time', 'Extracurriculars', 'Fun facts'])('"%s" over a list heads interests', (title) => {
    expect(kindsAfter('Experience\n- Built things', title)).toEqual(['experience', 'interests']);
  });
});

describe('what a CV\'s writer is learning or aiming at', () => {
  it('heads a learning section, however it is titled', () => {
    for (const title of ['Currently learning', 'Learning goals for next year', 'Skills in progress:', "Areas I'd like to grow into:"]) {
      expect(kindsAfter('Skills\nGo', title)).toEqual(['skills', 'learning']);
    }
    // A heading of unknown words ends it, as it ends a company's description.
    expect(detectSections('Currently learning\n- Rust\n\nSIDE QUESTS:\n- Built a Go linter').map((s) => s.kind)).toEqual(['learning', 'unknown']);
    // A company's lead-in in its own voice is not the writer's wish.
    expect(detectSections('About us\nWe make maps.\n\nWe would like to grow the team with\n- Rust').map((s) => s.kind)).not.toContain('learning');
    // "Machine Learning" over a list heads skills held, not a wish.
    expect(detectSections('Skills\nGo\n\nMachine Learning\n- XGBoost').map((s) => s.kind)).not.toContain('learning');
  });
});

describe("a job page's list of other postings", () => {
  it('heads a section of its own, which ends at the next heading', () => {
    const page = 'Requirements\n- Go\n\nMore jobs like this\nSpeech Engineer, Oslo\nVision Intern, Bergen\n\nREQUIREMENTS FOR VISA SPONSORSHIP:\nnone';
    expect(detectSections(page).map((s) => s.kind)).toEqual(['requirements', 'other-jobs', 'requirements']);
  });
});

describe('list introductions without a standard heading', () => {
  it.each([
    ['It would be great if you also had', 'preferred'],
    ['Bonus points if you have', 'preferred'],
    ["Here is what you'll bring:", 'requirements'],
    ["What you'll be doing", 'responsibilities'],
    ['Tools I use every day', 'skills'],
    ["Skills we'd love to see", 'preferred'],
    ['The extras', 'preferred'],
  ])('"%s" before a list -> %s', (line, kind) => {
    const sections = detectSections(`Intro text.\n\n${line}\n- one item\n- another item`);
    expect(sections.map((s) => s.kind)).toEqual([kind]);
  });

  it('may end in an ellipsis, as a lead-in does', () => {
    expect(detectSections("Intro text.\n\nYou'll thrive with us if...\n- one item\n- another item").map((s) => s.kind)).toEqual(['requirements']);
  });

  it("over a paragraph, a line standing alone heads it when its words say what it is", () => {
    const text = 'About us\nWe grow oysters.\n\nYour day-to-day 🌊\nYou will plan the harvest with the boat crews.\n\nWhat we look for\n- Boat licence';
    expect(detectSections(text).map((s) => [s.kind, s.title])).toEqual([
      ['about-company', 'About us'],
      ['responsibilities', 'Your day-to-day 🌊'],
      ['requirements', 'What we look for'],
    ]);
    // Unknown words, a line that runs on into the next, or a next line that goes on the sentence head nothing.
    expect(detectSections('About us\nWe grow oysters.\n\nSeasonal oysters\nThey taste of the sea.').map((s) => s.kind)).toEqual(['about-company']);
    expect(detectSections('About us\nWe grow oysters.\n\nYou will work with\nThe boat crews every day.').map((s) => s.kind)).toEqual(['about-company']);
  });

  it('needs a list after it, and no sentence punctuation', () => {
    expect(detectSections('It would be great if you also had\nsome prose here.')).toEqual([]);
    expect(detectSections('We offer nice things.\n- one')).toEqual([]);
  });
});

describe('titles decorated with an emoji', () => {
  it('a short line led by an emoji is a title by its form, so the company section ends there', () => {
    expect(kindsAfter('About us\nWe make maps.', '🔭 The ground you will cover')).toEqual(['about-company', 'responsibilities']);
    expect(kindsAfter('About us\nWe make maps.', '🌊 Life on the survey boat')).toEqual(['about-company', 'unknown']);
    const paragraph = detectSections('About us\nWe make maps.\n\n🗺️ Where the work takes you\nYou will map rivers.').map((s) => s.kind);
    expect(paragraph).toEqual(['about-company', 'unknown']);
  });

  it('an emoji before a sentence is no title', () => {
    expect(kindsAfter('About us\nWe make maps.', '🚀 We shipped our new maps last week, and the team grew to forty.')).toEqual(['about-company']);
  });
});

describe('a label opening a line too long for a heading', () => {
  it('heads its own line only, for interests and skills as for levels', () => {
    const text = 'Experience\n- Ran the night shift\n\nHobbies: chess, restoring old radios, and reading popular books about quantum physics.\n- Ran the day shift';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['experience', 'interests', 'experience']);
  });
});

describe('a short line standing alone that opens with a question word', () => {
  it('ends a company description as a title by its form', () => {
    const text = 'Who we are\n\nHalden Rail runs 400 trains a day.\n\nWhat apprentices learn\n\nIn each rotation you will clean sensor data and fit models.\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'unknown']);
  });

  it('is read by its own words, a parenthesis aside', () => {
    const text = 'About us\nWe make maps.\n\nWhat you bring (and what is a plus)\n\nPython and SQL.\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'requirements']);
  });

  it("in the company's voice, it goes on describing the company", () => {
    const text = 'Who we are\n\nHalden Rail runs 400 trains a day.\n\nHow we work\n\nWe pair on everything.\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'about-company']);
  });

  it('a question in the company description is no title', () => {
    const text = 'Who we are\n\nHalden Rail runs 400 trains a day.\n\nWhy does it matter?\n\nBecause late trains cost money.\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company']);
  });
});

describe('an organisation introducing itself under "About" and its name, or a company heading', () => {
  it.each([
    ['About Kestrel Robotics', 'about-company'],
    ['ABOUT BRAMBLEWOOD', 'about-company'],
    ['Company Description', 'about-company'],
    ['Company profile:', 'about-company'],
    ['About Me', 'summary'],
    ['About the Role', 'about-role'],
    ['About You', 'requirements'],
    ['About The Position', undefined],
    // The team the post joins, named: described as "About the team" is.
    ['**About the Search Ranking Team**', 'about-company'],
    ['About our Speech & Audio Team:', 'about-company'],
    ['**The Fraud Detection Team**', 'about-company'],
  ])('"%s" heads %s', (heading, kind) => {
    const text = `Machine Learning Engineer\n\n${heading}\n\nSome words about it come here in a sentence.\n\nRequirements\n- Python`;
    const sections = detectSections(text);
    expect(sections.find((s) => text.slice(s.start).startsWith(heading))?.kind).toBe(kind);
  });
});

describe('a question marked as a title heads a section; an unmarked question is prose', () => {
  it.each([
    ['### What Will I Be Doing?', 'responsibilities'],
    ['**What Skills Do I Need?**', 'requirements'],
    ['**Why should you join Kestrel?**', 'benefits'],
  ])('"%s" heads %s', (heading, kind) => {
    const text = `Machine Learning Engineer\n\n${heading}\n- Build the ranking models\n- Python and SQL`;
    expect(detectSections(text).find((s) => text.slice(s.start).startsWith(heading))?.kind).toBe(kind);
  });

  it('a question standing alone without marks stays prose', () => {
    const text = 'Machine Learning Engineer\n\nIs this the right role for you?\nIt is if you like messy data.\n\nRequirements\n- Python';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['requirements']);
  });
});

describe('a CV part named by a qualifying word before its kind', () => {
  it.each([
    ['Refereed Journal Papers', 'publications'],
    ['Peer-Reviewed Publications', 'publications'],
    ['Workshop Proceedings', 'publications'],
    ['Scholarships and Honours', 'awards'],
    ['Industry Certificates', 'certifications'],
    ['Robotics Projects', 'projects'],
    ['Industrial Experience', 'experience'],
    ['COURSES & EXTRAS', 'certifications'],
    ['Mentorship Experience', 'experience'],
  ])('"%s" heads %s', (line, kind) => {
    expect(classifyHeading(line)?.kind).toBe(kind);
  });

  it.each(['Python Experience', 'Technical projects are reviewed weekly', 'Peer-reviewed publications', 'Awards Ceremony Tickets', 'Award'])('"%s" heads nothing new', (line) => {
    expect(['publications', 'awards', 'projects']).not.toContain(classifyHeading(line)?.kind);
  });

  it('ends a skills list before the papers under it', () => {
    const text = 'Skills\nPython, Rust\n\nRefereed Journal Papers\n\nA. Writer, “Sparse Codes for Sonar,” Acoustics Letters, 2022.\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['skills', 'publications']);
  });
});

describe('references "available upon request" are the whole section', () => {
  it('ends the section after that line, so a column read after it is not referees', () => {
    const text = 'REFERENCES\nAvailable upon request.\n\nBuilt services in Go and Terraform\n';
    expect(detectSections(text).map((s) => [s.kind, text.slice(s.start, s.end).trim()])).toEqual([
      ['references', 'REFERENCES\nAvailable upon request.'],
      ['unknown', 'Built services in Go and Terraform'],
    ]);
  });

  it('keeps a section of referees whole', () => {
    const text = 'References\nDr. Ines Okafor, Lagos Polytechnic\nProf. Tom Berg, Umeå University\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['references']);
  });
});

describe('names in capitals joined by a slash', () => {
  it('are an item of the list they stand in, not a title that ends it', () => {
    const text = '# Tools\n\nKotlin\n\n# Used a little\n\nLua\nHTML/CSS\nC++\n\n# Projects\n\nA game';
    const at = text.indexOf('C++');
    const section = detectSections(text).find((s) => s.start <= at && at < s.end);
    expect(section?.title).toBe('Used a little');
  });
});

describe('two qualifiers sharing a known title\'s head', () => {
  it.each([
    ['INDUSTRY & CONSULTING EXPERIENCE', 'experience'],
    ['Academic and Work Experience', 'experience'],
  ])('"%s" heads %s', (title, kind) => {
    expect(classifyHeading(title)?.kind).toBe(kind);
  });

  it('not when the second qualifier and the head make no known title, or the words are not a title\'s', () => {
    expect(classifyHeading('Kotlin and Swift Experience')?.kind).toBeUndefined();
    expect(classifyHeading('Built and shipped experience')?.kind).toBeUndefined();
    // Two titles joined are not two qualifiers of the second.
    expect(classifyHeading('Awards and Research Interests')?.kind).toBeUndefined();
  });
});

describe('the end of a references section', () => {
  it('a title over a list ends it; a referee\'s lines do not', () => {
    const text = 'REFERENCES\nDr. Ana Ruiz\nAssociate Professor\n\nMEETUPS & HACK NIGHTS\n- Ran a monthly Rust hack night\n';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['references', 'unknown']);
    const referees = 'REFERENCES\nDR. ANA RUIZ\nAssociate Professor, Harbour University\n';
    expect(detectSections(referees).map((s) => s.kind)).toEqual(['references']);
  });
});

describe('titles and cells found by their first and last words', () => {
  it('a lead-in ends in a colon after spaces, or in an ellipsis of one character or three dots', () => {
    const spaced = detectSections('Acme builds route planners.\n\nWhat you will work on :\n- Forecasting demand\n- Route planning');
    expect(spaced.map((s) => [s.kind, s.title])).toContainEqual(['responsibilities', 'What you will work on']);
    // Its end makes a line over a paragraph a title by its form, with the end taken off.
    for (const ending of ['…', '...', ' :']) {
      expect(classifyHeadingByForm(`A typical Tuesday${ending}`, { previous: '', next: 'We start with a stand-up at nine.' })).toEqual({ kind: 'unknown', title: 'A typical Tuesday' });
    }
    expect(classifyHeadingByForm('A typical Tuesday', { previous: '', next: 'We start with a stand-up at nine.' })).toBeNull();
  });

  it('a marked line longer than a title heads nothing, whatever its words', () => {
    const long = `### What you will work on in your first months with the routing team here`;
    expect(long.length - 4).toBeGreaterThan(60);
    expect(detectSections(`${long}\n- Route planning`).map((s) => s.kind)).not.toContain('responsibilities');
  });

  it("a table row's level cell is its last words, before any spaces or tabs the row ends with", () => {
    const rows = ['Area Detail Level', 'Serving Deploying models with Kubernetes Required  ', 'Testing Unit tests for every service Must-have\t', 'Vision Cameras on the forklifts Not needed '];
    const column = levelColumn(rows.join('\n'));
    const lineAt = (k: number): number => rows.slice(0, k).join('\n').length + (k > 0 ? 1 : 0);
    expect([1, 2, 3].map((k) => column.at(lineAt(k)))).toEqual(['required', 'required', 'not-needed']);
  });

  it('a cell on its own line may stand between bars or after a bullet, and its level word opens it', () => {
    const rows = ['Kotlin services in production', '| Required |', 'Some Scala for the old jobs', '• Bonus', 'C++ for the firmware', '| Not needed |', 'Bonus points for Rust'];
    const column = levelColumn(rows.join('\n'));
    expect([...column.cellLines]).toEqual([1, 3, 5]);
  });
});
