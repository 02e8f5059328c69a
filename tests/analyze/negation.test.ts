import type { DocumentKind } from '../../src/core/4-analyze/schema';
import { analyzeText, presentSkills } from './support';

async function judged(text: string, term: string, kind: DocumentKind = 'cv') {
  const { trace } = await analyzeText(text, kind);
  const found = trace.mentions.filter((m) => m.mention.term.entry.id === term);
  if (found.length === 0) throw new Error(`no mention of ${term} in: ${text}`);
  return found.map((m) => ({ modality: m.judgement.modality, years: m.judgement.years, requirement: m.judgement.requirement, cue: m.judgement.cue }));
}

/** The required or preferred level of a term's first mention in a job ad. */
async function levelIn(text: string, term: string) {
  return (await judged(text, term, 'job'))[0]?.requirement;
}

/** Negation and modality, one row per phrasing: the cue is kept with the evidence. */
describe('negation and modality', () => {
  const cases: Array<[string, string, string, string]> = [
    ['No experience with C++.', 'cpp', 'negated', 'no experience with'],
    ['I have no professional experience with C++.', 'cpp', 'negated', 'no professional experience with'],
    ['Never used Kubernetes in production.', 'kubernetes', 'negated', 'Never used'],
    ["I haven't used TensorFlow.", 'tensorflow', 'negated', "haven't used"],
    ['I do not write C++.', 'cpp', 'negated', 'not write'],
    ['Deep learning: none', 'deep-learning', 'negated', 'none'],
    ['C++ | Evening course, week 6 of 12 | Beginner', 'cpp', 'weak', 'Beginner'],
    ['Currently learning PyTorch in the evenings.', 'pytorch', 'weak', 'currently learning'],
    ['Seeking a junior position in reinforcement learning at a robotics start-up.', 'reinforcement-learning', 'weak', 'seeking a junior position in'],
    ['Hoping to join a lab where I can apply PyTorch to climate data.', 'pytorch', 'weak', 'where i can apply'],
    ['My main goal is to master Kubernetes by the summer.', 'kubernetes', 'weak', 'goal is to master'],
    ['Career objectives: Rust and embedded systems.', 'rust-language', 'weak', 'career objectives'],
    ['Currently pursuing a PhD in reinforcement learning.', 'reinforcement-learning', 'normal', ''],
    ['Tinkered with Kubernetes on a home server.', 'kubernetes', 'weak', 'tinkered with'],
    ['Jointly with my team I wrote the Kubernetes operators.', 'kubernetes', 'normal', ''],
    ['Over two quarters my team built the Kubernetes operators.', 'kubernetes', 'reported', 'my team built'],
    ['Messed around with TensorFlow during a summer break.', 'tensorflow', 'weak', 'messed around with'],
    ['Picked up some Rust and embedded Linux at a meetup.', 'rust-language', 'weak', 'picked up some'],
    ['Did a one-week crash course in Kubernetes.', 'kubernetes', 'weak', 'crash course in'],
    ['Took a single module on reinforcement learning.', 'reinforcement-learning', 'weak', 'a single module on'],
    ['Followed a YouTube series on TensorFlow.', 'tensorflow', 'weak', 'youtube series on'],
    ['Worked through the TensorFlow tutorials last spring.', 'tensorflow', 'weak', 'tutorials'],
    ['Wrote the TensorFlow tutorials for the new hires.', 'tensorflow', 'normal', ''],
    ['Can read C++, and I write Go daily.', 'cpp', 'weak', 'can read'],
    ['Can read C++, and I write Kotlin daily.', 'kotlin', 'normal', ''],
    ['Used Kubernetes daily; C++ only briefly.', 'cpp', 'weak', 'only briefly'],
    ['Basic knowledge of C++.', 'cpp', 'weak', 'basic'],
    ['Familiarity with Docker and Compose.', 'containers', 'weak', 'familiarity with'],
    ['C++: beginner', 'cpp', 'weak', 'beginner'],
    ['Spent one evening on reinforcement learning.', 'reinforcement-learning', 'weak', 'one evening on'],
    ['Currently completing a course on speech recognition.', 'speech-recognition', 'weak', 'currently completing a course on'],
    ['Kotlin: self-study, two months', 'kotlin', 'weak', 'self-study'],
    // A level in another item's parentheses, past a bar or a bullet, is that item's.
    ['Kotlin (expert) | Scala (beginner)', 'kotlin', 'strong', 'expert'],
    ['Skills\nGo\n\nCurrently learning\nKotlin, Scala', 'kotlin', 'weak', 'Currently learning'],
    ['Joined a reading group on reinforcement learning.', 'reinforcement-learning', 'weak', 'reading group on'],
    ['Hoping one day to move into computer vision.', 'computer-vision', 'weak', 'move into'],
    // Plans still to come: what the writer will start, intends, or has signed up for.
    ['Next month I will take the speech recognition module.', 'speech-recognition', 'weak', 'I will take'],
    ['I intend to study reinforcement learning after the move.', 'reinforcement-learning', 'weak', 'intend to'],
    ['Signed up for a computer vision bootcamp in March.', 'computer-vision', 'weak', 'Signed up for'],
    ['Next year: a certificate in computer vision.', 'computer-vision', 'weak', 'Next year'],
    ['Heard a single guest lecture about Kubernetes.', 'kubernetes', 'weak', 'a single guest lecture about'],
    // An interest or a wish is not the skill.
    ['Passionate about Kubernetes and home labs.', 'kubernetes', 'weak', 'passionate about'],
    ['Fascinated by Kotlin since university.', 'kotlin', 'weak', 'fascinated by'],
    ['Excited to explore Kubernetes in a platform team.', 'kubernetes', 'weak', 'excited to explore'],
    ['Open to roles in Kotlin or Scala.', 'kotlin', 'weak', 'open to roles in'],
    ['Keeping up with the latest Kubernetes releases.', 'kubernetes', 'weak', 'keeping up with the latest'],
    ['Terraform is something I have only read about.', 'terraform', 'weak', 'is something I have only read about'],
    ["I'd love my next job to include Kubernetes.", 'kubernetes', 'weak', "'d love my next job to include"],
    ['Kubernetes stayed out of scope for my team.', 'kubernetes', 'negated', 'stayed out of scope'],
    ['Took a one-day course on Kubernetes.', 'kubernetes', 'weak', 'one-day course on'],
    // A course taken to learn a skill is the learning, not the skill.
    ['Signed up to an evening class to learn Kotlin.', 'kotlin', 'weak', 'class to learn'],
    ['Working through an online tutorial to pick up Terraform.', 'terraform', 'weak', 'tutorial to pick up'],
    ['Languages: Kotlin, Scala (some), Bash', 'scala', 'weak', '(some)'],
    ['Golang (limited), Python', 'golang', 'weak', '(limited)'],
    ['Languages: Rust (a little, for side projects), Kotlin', 'rust-language', 'weak', '(a little,'],
    ['Currently retraining in data analysis after ten years in retail.', 'data-analysis', 'weak', 'retraining in'],
    ['Certificates: Azure Data Scientist Associate, Kubernetes (in progress)', 'kubernetes', 'weak', '(in progress)'],
    ['A couple of hours of TensorFlow at a meetup.', 'tensorflow', 'weak', 'a couple of hours of'],
    ['I know just enough about Terraform to change a variable.', 'terraform', 'weak', 'know just enough'],
    ['I learned enough to run small jobs on Apache Spark.', 'spark', 'weak', 'learned enough'],
    ['I can write Docker files well enough to get by.', 'containers', 'weak', 'well enough to get by'],
    ['Two days a week on Kubernetes for the platform team.', 'kubernetes', 'normal', ''],
    ['Three years on PyTorch at a robotics start-up.', 'pytorch', 'strong', '3 years'],
    ['Expert in Python and its tooling.', 'python', 'strong', 'expert in'],
    ['Python (primary), Bash', 'python', 'strong', 'primary'],
    ['The data science team built the churn model with XGBoost.', 'xgboost', 'reported', 'the data science team built'],
    ['The ranking feature was built by others using LightGBM.', 'lightgbm', 'reported', 'built by others'],
    ['Not only Python but also SQL, daily.', 'python', 'normal', ''],
    ['Deploy with Docker no later than Friday.', 'containers', 'normal', ''],
    // A negated failure affirms what it failed at.
    ['Never once missed a client deadline as a freelancer.', 'deadlines', 'normal', ''],
    ["Didn't slip the project schedule despite two resignations.", 'project-schedule', 'normal', ''],
    ['Without overrunning the project schedule, moved the store to a new stack.', 'project-schedule', 'normal', ''],
    ['Never worked to hard deadlines before this role.', 'hard-deadlines', 'negated', 'never worked to'],
  ];
  it.each(cases)('%s -> %s %s', async (text, term, modality, cue) => {
    const [first] = await judged(text, term);
    expect(first?.modality).toBe(modality);
    if (cue) expect(first?.cue?.toLowerCase()).toContain(cue.toLowerCase());
  });

  it('a mention set aside by its own context words names no skill: a later denial still reaches back over it', async () => {
    const text = 'Reinforcement learning: we tried it for a quarter, so none of it beat the rules on our data and I have not trained agents myself.';
    expect((await judged(text, 'reinforcement-learning'))[0]?.modality).toBe('negated');
  });

  it('negation stays in its clause: "Python daily, but never C++"', async () => {
    expect((await judged('I use Python daily but have never used C++.', 'python'))[0]?.modality).toBe('normal');
    expect((await judged('I use Python daily but have never used C++.', 'cpp'))[0]?.modality).toBe('negated');
  });

  it('negation reaches across a list: "No experience with Java, Kotlin or Go"', async () => {
    expect((await judged('No experience with Java, Kotlin or Scala.', 'scala'))[0]?.modality).toBe('negated');
  });

  it("a value after a label's colon speaks for the label, with or without a full stop", async () => {
    for (const text of ['Scala: none.', 'Scala: not yet.', 'Scala — no hands-on experience.', 'Scala: no professional experience']) {
      expect((await judged(text, 'scala'))[0]?.modality).toBe('negated');
    }
    expect((await judged('No stranger to Scala after five years on the ledger.', 'scala'))[0]?.modality).not.toBe('negated');
  });

  it('a list that widens ("including, but not limited to") denies none of its items', async () => {
    const ad = 'Five years of systems work in languages including, but not limited to, Rust, C++ or Scala.';
    expect(await levelIn(ad, 'cpp')).toBe('required');
    expect((await judged(ad, 'scala', 'job'))[0]?.modality).toBe('normal');
    expect((await judged('Tooling is not restricted to Scala; bring what you know.', 'scala', 'job'))[0]?.modality).toBe('normal');
    expect((await judged('The work is not confined to Scala services.', 'scala', 'job'))[0]?.modality).not.toBe('negated');
    // A denial of the skill itself still negates.
    expect((await judged('Candidates with no experience in Scala are welcome.', 'scala', 'job'))[0]?.modality).toBe('negated');
  });

  it('knowledge from theory or coursework only is weak', async () => {
    expect((await judged('Scala: theory only', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('Languages: Go, Scala (coursework only)', 'scala'))[0]?.modality).toBe('weak');
  });

  it('a wish to move into a field, and a reading knowledge, are weak', async () => {
    expect((await judged('Backend developer looking to move into computer vision.', 'computer-vision'))[0]?.modality).toBe('weak');
    expect((await judged('Moved into computer vision in 2019 and shipped three detectors.', 'computer-vision'))[0]?.modality).toBe('normal');
    expect((await judged('Languages: Go, Scala (reading knowledge only)', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('A reading knowledge of Scala from code reviews.', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('Tools: Go, Bash, Scala (reading level)', 'scala'))[0]?.modality).toBe('weak');
  });

  it('a skill labelled with a course taken, and nothing more, is weak; a course taken beside work is not', async () => {
    expect((await judged('Skills\n- Scala: took the Coursera functional programming course', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('Skills\n- Kubernetes — completed two Udemy modules, no clusters run', 'kubernetes'))[0]?.modality).toBe('weak');
    expect((await judged('Rewrote the billing jobs in Scala after I took the Coursera course on it.', 'scala'))[0]?.modality).toBe('normal');
  });

  it('a list item that opens with "some" is hedged; "some" counting things in a sentence is not', async () => {
    expect((await judged('Stack: Go, Postgres, some Scala', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('Languages:\n- Go\n- some Scala', 'scala'))[0]?.modality).toBe('weak');
    expect((await judged('Ported some Scala jobs to Go last spring.', 'scala'))[0]?.modality).toBe('normal');
    // A PDF wrapped the item after "some": a line never ends on it.
    expect((await judged('Tools: Jenkins, Ansible, Vagrant, Packer, Nagios, Grafana, some\nScala for the build plugins', 'scala'))[0]?.modality).toBe('weak');
  });

  it.each([
    ['Kotlin (rusty; last used 2014)', 'weak'],
    ['Kotlin — rusty', 'weak'],
    ['Kotlin (school level)', 'weak'],
    ['Kotlin (minimal)', 'weak'],
    ['Kotlin: haven\'t used it in years', 'weak'],
    ['Kotlin is not my strength.', 'weak'],
    ['I have only read about Kotlin.', 'weak'],
    ['Read about 30 Kotlin proposals and implemented two.', 'normal'],
    ['I have yet to use Kotlin in production.', 'negated'],
    ['Kotlin is outside my experience.', 'negated'],
    ['Not just Java: also Kotlin for the Android app.', 'normal'],
    ['Wrote a minimal Kotlin service for the kiosk.', 'normal'],
    ['Zero Kotlin so far, sadly.', 'negated'],
    ['Zero commercial experience with Kotlin.', 'negated'],
    ['Brought failed builds down to zero with Kotlin scripts.', 'normal'],
    ['Kotlin is not my area.', 'negated'],
    ['Kotlin - have not touched it.', 'negated'],
    ['Kotlin is on my learning list.', 'weak'],
    ['Quite curious about Kotlin.', 'weak'],
    ['Dabbled with Kotlin over a long weekend.', 'weak'],
    ['Never stopped writing Kotlin, even as a manager.', 'normal'],
    ['Kotlin: university only', 'weak'],
    ['Kotlin (a few days on a side project)', 'weak'],
    ['Kotlin (one week of training at school)', 'weak'],
    ['Ported the app to Kotlin (4 weeks, no regressions).', 'normal'],
    ['Learning: Kotlin, Dart', 'weak'],
    ['Some: Kotlin', 'weak'],
  ])('a CV writer rating their own skill: %s', async (text, modality) => {
    expect((await judged(text, 'kotlin'))[0]?.modality).toBe(modality);
  });

  it('"I\'d like to" is a wish as "would like to" is', async () => {
    expect((await judged("I'd like to move into computer vision after this contract.", 'computer-vision'))[0]?.modality).toBe('weak');
    expect((await judged('We’d love to try Scala on the next service.', 'scala'))[0]?.modality).toBe('weak');
  });

  it('a negation inside parentheses ends with them', async () => {
    const text = 'Moved to the payments squad (not the fraud one) and wrote Scala there.';
    expect((await judged(text, 'scala'))[0]?.modality).toBe('normal');
    expect((await judged('Wrote the service (in Go, not Scala) for the ledger.', 'scala'))[0]?.modality).toBe('negated');
  });

  it('a range of years asks for its lower end', async () => {
    expect((await judged('Requirements\n- 2-4 years of Scala in production', 'scala', 'job'))[0]?.years).toBe(2);
    expect((await judged('Requirements\n- Two to four years of Scala', 'scala', 'job'))[0]?.years).toBe(2);
    expect((await judged('Requirements\n- 4 years of Scala', 'scala', 'job'))[0]?.years).toBe(4);
  });

  it('years: "5+ years of Python" is strong with 5 years; "3 years in computer vision"', async () => {
    expect((await judged('5+ years of Python in production.', 'python'))[0]).toMatchObject({ modality: 'strong', years: 5 });
    expect((await judged('Three years in computer vision research.', 'computer-vision'))[0]).toMatchObject({ years: 3 });
    expect((await judged('Python (2 years).', 'python'))[0]).toMatchObject({ years: 2 });
  });

  describe('job ads', () => {
    it('a section label after a full stop inside a line heads the rest of that line only', async () => {
      const text = 'Required: SQL and Kotlin. Nice-to-haves: Scala.\nYou will also write Rust services.';
      expect(await levelIn(text, 'kotlin')).toBe('required');
      expect(await levelIn(text, 'scala')).toBe('preferred');
      expect(await levelIn(text, 'rust-language')).toBe('required');
    });

    it.each([
      // A refusal of applications without a skill asks for it.
      ['Sadly we cannot shortlist candidates without Kotlin.', 'kotlin', 'modality', 'normal'],
      ["Please don't apply without hands-on Kotlin.", 'kotlin', 'modality', 'normal'],
      ['You can join without any Kotlin at all.', 'kotlin', 'modality', 'negated'],
      // A skill said to be no prerequisite or not compulsory is not asked for; with a welcome after it, it is preferred.
      ['Requirements\n- Kotlin is not a prerequisite for this post.', 'kotlin', 'modality', 'negated'],
      ['Requirements\n- Scala: not compulsory.', 'scala', 'modality', 'negated'],
      ['Requirements\n- Scala is not a prerequisite, but it would help.', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- Strong Kotlin and SQL, and although Scala is not essential it would be a real plus.', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- Strong Kotlin and SQL, and although Scala is not essential it would be a real plus.', 'scala', 'modality', 'normal'],
      // More ways of saying a skill is welcome, not asked for.
      ['Requirements\n- Kotlin know-how is a real differentiator here.', 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- Scala is good to know.', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- It helps if you have shipped Kotlin apps.', 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- People with Scala will stand out.', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- If you also write Scala, great.', 'scala', 'requirement', 'preferred'],
      ["Requirements\n- We'd be impressed by Kotlin side projects.", 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- Kotlin (plus)', 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- Go\n- Experience with Scala will be highly valued.', 'scala', 'requirement', 'preferred'],
      ["Requirements\n- Go\n- A little Kotlin wouldn't go amiss.", 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- Go\n- Added advantage: Scala on Spark', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- Go\n- Kotlin is not optional for this team.', 'kotlin', 'requirement', 'required'],
      ['Requirements\n- Scala would be a nice addition.', 'scala', 'requirement', 'preferred'],
      ["Requirements\n- A little Kotlin wouldn't hurt.", 'kotlin', 'requirement', 'preferred'],
      ['Requirements\n- Scala experience will be considered favourably.', 'scala', 'requirement', 'preferred'],
      // A cue that opens an inline numbered or bulleted item speaks for that item on.
      ['You have: 1) Kotlin 2) Postgres 3) ideally Scala', 'kotlin', 'requirement', 'required'],
      ['You have: 1) Kotlin 2) Postgres 3) ideally Scala', 'scala', 'requirement', 'preferred'],
      ['Requirements: Kotlin • Postgres • preferably Scala', 'kotlin', 'requirement', 'required'],
      // A label after a spaced separator starts a new clause: the earlier items keep their level.
      ['Requirements: Kotlin | Postgres | Redis — Nice to have: Scala | Kafka', 'kotlin', 'requirement', 'required'],
      ['Requirements: Kotlin | Postgres | Redis — Nice to have: Scala | Kafka', 'scala', 'requirement', 'preferred'],
      // An item's own aside that it is not essential or not mandatory makes it optional, not unwanted.
      ['Requirements\n- Kotlin\n- Scala (not mandatory)', 'scala', 'requirement', 'preferred'],
      ['Requirements\n- Kotlin\n- Scala (not essential)', 'scala', 'requirement', 'preferred'],
      // More denials: "isn't necessary", "not a must"; one inside another item's parenthesis is that item's.
      ['Requirements\n- Kotlin\n- Scala knowledge isn\'t necessary', 'scala', 'modality', 'negated'],
      ['Requirements\n- Kotlin\n- Scala is not a must', 'scala', 'modality', 'negated'],
      ['Requirements\n- Kotlin (Scala not needed)', 'kotlin', 'modality', 'normal'],
      ['Requirements\n- Kotlin (Scala not needed)', 'scala', 'modality', 'negated'],
      // The skill set against the one asked for is not asked for.
      ['Requirements\n- Kotlin rather than Scala', 'scala', 'modality', 'negated'],
      ['Requirements\n- Go services instead of Scala ones', 'scala', 'modality', 'negated'],
      // A skill the hire will pick up on the job is not asked for.
      ["Requirements\n- You'll pick up Scala from the team in your first month.", 'scala', 'modality', 'negated'],
      // A negation that opens a clause before a colon stays in it.
      ['No Scala required: the services are all Kotlin.', 'kotlin', 'modality', 'normal'],
      ['No Scala required: the services are all Kotlin.', 'scala', 'modality', 'negated'],
    ] as const)('job ad: %s (%s) has %s %s', async (text, term, field, expected) => {
      expect((await judged(text, term, 'job'))[0]?.[field]).toBe(expected);
    });

    it('a level label of a word or two speaks for the items after its colon', async () => {
      expect((await judged('Beginner: Kotlin, Scala', 'scala', 'cv'))[0]?.modality).toBe('weak');
      // So does a longer one that ends in the preposition taking its items.
      expect((await judged('Python daily.\nNo hands-on experience with: Kotlin, Scala', 'scala', 'cv'))[0]?.modality).toBe('negated');
    });

    it('"not required" negates; inline "is a plus" makes a skill preferred', async () => {
      expect((await judged('Python is not required for this role.', 'python', 'job'))[0]?.modality).toBe('negated');
      expect(await levelIn('Experience with C++ is a plus.', 'cpp')).toBe('preferred');
      expect(await levelIn('Strong Python is essential.', 'python')).toBe('required');
    });

    it('a bare "a plus" after a list item speaks for that item; with a verb, for the subject across commas', async () => {
      const list = 'Requirements\n- Java and C++, Haskell a plus';
      expect(await levelIn(list, 'cpp')).toBe('required');
      expect(await levelIn('Requirements\n- Java and Scala, C++ a bonus', 'cpp')).toBe('preferred');
      expect(await levelIn('Requirements\n- C++, if you have written it in production, is a plus.', 'cpp')).toBe('preferred');
      expect(await levelIn('Requirements\n- C++, Java and Go are a plus', 'cpp')).toBe('preferred');
    });

    it('"ideally" opening a later item speaks for that item on, before a preposition too', async () => {
      const list = 'Requirements\n- Terraform, ideally Pulumi as well.';
      expect(await levelIn(list, 'terraform')).toBe('required');
      expect(await levelIn(list, 'pulumi')).toBe('preferred');
      const provenance = 'Requirements\n- Knowledge of Kubernetes and Terraform, ideally from a regulated platform team.';
      expect(await levelIn(provenance, 'terraform')).toBe('required');
      const qualifier = 'Requirements\n- Four years of Scala, preferably with some exposure to C++.';
      expect(await levelIn(qualifier, 'scala')).toBe('required');
      expect(await levelIn(qualifier, 'cpp')).toBe('preferred');
      expect(await levelIn('Requirements\n- A doctorate, ideally in computer vision.', 'computer-vision')).toBe('preferred');
      const setOff = 'Requirements\n- Solid Java and, preferably, some Scala.';
      expect(await levelIn(setOff, 'java')).toBe('required');
      expect(await levelIn(setOff, 'scala')).toBe('preferred');
      const setOffProvenance = 'Requirements\n- Kubernetes and Terraform, ideally, from a regulated platform team.';
      expect(await levelIn(setOffProvenance, 'terraform')).toBe('required');
    });

    it('a cue in parentheses at the end of a line speaks for every item of it', async () => {
      const text = 'Requirements\n- Experience with C++, Rust or Zig (nice to have, though we teach it).';
      expect(await levelIn(text, 'cpp')).toBe('preferred');
      expect(await levelIn('Requirements\n- C++, Rust or Zig (a plus)', 'cpp')).toBe('preferred');
      expect(await levelIn('Requirements\n- Experience with C++ is a huge advantage.', 'cpp')).toBe('preferred');
    });

    it('a cue after words of their own in parentheses speaks for the parentheses only', async () => {
      const text = 'Requirements\n- Fluent in at least one JVM language (Kotlin preferred)';
      expect(await levelIn(text, 'jvm')).toBe('required');
      expect(await levelIn(text, 'kotlin')).toBe('preferred');
      const clause = 'Requirements\n- Strong SQL skills (some Scala experience would be a bonus)';
      expect(await levelIn(clause, 'sql')).toBe('required');
      expect(await levelIn(clause, 'scala')).toBe('preferred');
    });

    it('the section decides required or preferred', async () => {
      const text = 'Requirements\n- Strong Python.\n\nNice to have\n- Experience with C++.';
      expect(await levelIn(text, 'python')).toBe('required');
      expect(await levelIn(text, 'cpp')).toBe('preferred');
    });

    it('a later clause that denies the need refers back to the skills before it', async () => {
      const text = 'The backend services are written in Java and Python, but you will not need to write them.';
      expect((await judged(text, 'python', 'job'))[0]?.modality).toBe('negated');
      // Said of the company's own services, the skills are the company's before any denial is read.
      expect(['negated', 'reported']).toContain((await judged(`Our ${text.slice(4)}`, 'python', 'job'))[0]?.modality);
    });

    it('"a plus, but not required" makes a skill preferred, not unwanted', async () => {
      const { analysis } = await analyzeText('What we look for\n- Good SQL.\n- Knowledge of PyTorch is a plus but not required.', 'job');
      expect(analysis.skills.find((s) => s.id === 'neural-networks')).toMatchObject({ present: true, requirement: 'preferred' });
      const denied = await analyzeText('What we look for\n- Good SQL.\n- Our models are trained in PyTorch, but you will not need to train them.', 'job');
      expect(denied.analysis.skills.find((s) => s.id === 'neural-networks')?.present).toBe(false);
    });

    it('"an asset", "would set you apart" and an inline "Nice:" mark a skill as preferred', async () => {
      for (const text of ['Requirements\n- Strong SQL.\n- Scala experience would be an asset.', 'You should write SQL every day. Scala experience would set you apart.', 'Must: SQL. Nice: Scala.']) {
        expect(await levelIn(text, 'scala')).toBe('preferred');
      }
    });

    it('items that each carry a level in parentheses take their own', async () => {
      const text = 'Requirements\n- Java (must), Scala (nice to have), Kotlin (required)';
      expect(await levelIn(text, 'java')).toBe('required');
      expect(await levelIn(text, 'scala')).toBe('preferred');
      expect(await levelIn(text, 'kotlin')).toBe('required');
      expect(await levelIn('Requirements\n- Java, Scala or Kotlin (nice to have)', 'java')).toBe('preferred');
    });

    it.each([
      ['Requirements\n- Java (must), Scala (nice)', 'preferred'],
      ['Requirements\n- Java (absolutely required) and Scala (highly desirable)', 'preferred'],
      ['Requirements\n- Java and SQL (Scala a plus)', 'preferred'],
      ['Requirements\n- Java, SQL and ideally Scala', 'preferred'],
      ['Requirements\n- Java, SQL and — ideally — Scala', 'preferred'],
      ['Requirements\n- Java, SQL, and (ideally) Scala', 'preferred'],
    ])('a later item with its own cue is preferred, the items before it required: %s', async (text, level) => {
      expect(await levelIn(text, 'java')).toBe('required');
      expect(await levelIn(text, 'scala')).toBe(level);
    });

    it.each([
      'Requirements\n- Java\n- Nice to have: Scala\n- SQL',
      'Requirements\n- Java\n- Nice to have - Scala\n- SQL',
      'Requirements\n- Java\n- Bonus — Scala, Kotlin\n- SQL',
    ])('a list item with its own label, after a colon or a dash, leaves the items after it as the list has them: %s', async (text) => {
      expect(await Promise.all(['java', 'scala', 'sql'].map(async (term) => (await judged(text, term, 'job'))[0]?.requirement))).toEqual(['required', 'preferred', 'required']);
    });

    it('a cue that opens its item is a label for what follows it, not the end of the item before', async () => {
      expect(await levelIn('Requirements\n- Nice-to-have — Scala, Go', 'scala')).toBe('preferred');
      expect(await levelIn('Requirements\n- Rust and Java, Scala a plus', 'java')).toBe('required');
    });

    it('"not required but would help" makes a skill preferred; "not required" alone still denies it', async () => {
      expect((await judged('Requirements: Java. Scala is not required but would help.', 'scala', 'job'))[0]).toMatchObject({ modality: 'normal', requirement: 'preferred' });
      expect((await judged('Requirements: Java. Scala is not required.', 'scala', 'job'))[0]?.modality).toBe('negated');
    });

    it('welcome first, then "not required": one cue of preference, in a lead-in or after the skill', async () => {
      expect((await judged('Requirements\n- Useful but not required: Scala.', 'scala', 'job'))[0]).toMatchObject({ modality: 'normal', requirement: 'preferred' });
      expect((await judged('Requirements\n- Scala helps, though it is not mandatory.', 'scala', 'job'))[0]).toMatchObject({ modality: 'normal', requirement: 'preferred' });
      expect((await judged('Requirements\n- Java is a must; Scala is welcome but not essential.', 'java', 'job'))[0]?.requirement).toBe('required');
    });

    it('a need denied for the next skill by ellipsis at the end of the sentence', async () => {
      expect((await judged('Requirements\n- Kotlin is required, but Scala is not.', 'scala', 'job'))[0]?.modality).toBe('negated');
      expect((await judged('Requirements\n- Kotlin is required, but Scala is not.', 'kotlin', 'job'))[0]?.modality).toBe('normal');
      expect((await judged('Requirements\n- Kotlin is required and Scala is too.', 'scala', 'job'))[0]?.modality).toBe('normal');
    });

    it('a skill the employer offers to train you in is not required', async () => {
      expect((await judged('Requirements: Java. We will train you in Scala during onboarding.', 'scala', 'job'))[0]?.modality).toBe('negated');
      expect((await judged("Requirements: Java. We're happy to coach you through Scala.", 'scala', 'job'))[0]?.modality).toBe('negated');
    });

    it('"beneficial" and "helpful" mark a skill as preferred', async () => {
      for (const line of ['Some grounding in Bayesian statistics would be beneficial.', 'Bayesian statistics is helpful for this team.']) {
        const { analysis } = await analyzeText(`Requirements\n- Python.\n- ${line}`, 'job');
        expect(analysis.skills.find((s) => s.id === 'statistics')).toMatchObject({ present: true, requirement: 'preferred' });
      }
    });

    it('"optionally", "we\'d love", "is nice", "points for" and a closing "desired" mark a skill as preferred', async () => {
      const lines = ['Any Scala counts in your favour.', 'Scala would be a welcome addition.', 'Scala is appreciated.', 'Scala: not mandatory, but appreciated.', 'We also value Scala experience.', 'Scala experience would be highly regarded.', 'Some Scala is a nice extra.', 'Extra credit for Scala.', 'Scala is great to have.', 'Optionally, Scala for the streaming jobs.', "We'd love it if you had written some Scala.", 'Scala is nice, not a must.', 'Extra points for Scala.', 'Scala experience desired.'];
      for (const line of lines) expect(await levelIn(`Requirements\n- Strong SQL.\n- ${line}`, 'scala')).toBe('preferred');
      // "desired" inside a clause is an outcome, not a level.
      expect(await levelIn('Requirements\n- Tune Scala jobs until they reach the desired throughput.', 'scala')).toBe('required');
    });

    it('"particularly interested in candidates with" welcomes what follows', async () => {
      const ad = 'Requirements\n- Strong SQL.\nWe are particularly interested in applicants with expertise in: Scala, Kafka Streams, Flink.';
      expect(await levelIn(ad, 'scala')).toBe('preferred');
      expect(await levelIn('Requirements\n- Strong SQL.\n- We are especially interested in candidates who have shipped Scala services.', 'scala')).toBe('preferred');
      // Interest in a topic, said of the company, is no level.
      expect(await levelIn('Requirements\n- Strong SQL.\n- Scala services for a team interested in stream processing.', 'scala')).toBe('required');
    });

    it('"desired", "if you also…" and "points for" headings head preferred lists', async () => {
      for (const heading of ['Desired skills', 'If you also know these, even more welcome', 'Points for', 'What will help you succeed', 'Experience that would also help', 'Great to have:']) {
        const level = await levelIn(`Requirements\n- Strong SQL.\n\n${heading}\n- Scala`, 'scala');
        expect({ heading, level }).toEqual({ heading, level: 'preferred' });
      }
    });

    it('weak phrasing in a job ad still asks for the skill', async () => {
      const { analysis } = await analyzeText('Requirements\n- Basic knowledge of C++.', 'job');
      expect(analysis.skills.find((s) => s.id === 'cpp')).toMatchObject({ present: true, requirement: 'required' });
    });
  });
});

describe('levels written in parentheses or at the end of a table row', () => {
  it.each([
    ['ML | PyTorch (learning)', 'pytorch', 'weak'],
    ['Languages: Python, SQL, Go (basic)', 'sql', 'normal'],
    ['Kubernetes (beginner)', 'kubernetes', 'weak'],
    ['Languages: Kotlin (some exposure during my degree), Java', 'kotlin', 'weak'],
    ['Languages: Kotlin (exposure through a hackathon)', 'kotlin', 'weak'],
    ['Languages: Kotlin (experience with Ktor and coroutines)', 'kotlin', 'normal'],
    ['Languages: Kotlin (exposure at work, then 3 years in production)', 'kotlin', 'strong'],
    ['Languages: Kotlin (limited experience), Java', 'java', 'normal'],
    ['Languages: Kotlin (expert), Java', 'java', 'normal'],
    ['Kotlin ●○○○○', 'kotlin', 'weak'],
    ['Python 5/5 Kotlin 2/5 Scala 4/5', 'kotlin', 'weak'],
    ['Kotlin ●●○○○   Scala ●●●●●', 'scala', 'strong'],
    ['Kotlin 30% | Scala 90%', 'kotlin', 'weak'],
    ['Kotlin ★★★★★', 'kotlin', 'strong'],
    ['Kotlin 2/5', 'kotlin', 'weak'],
    ['Kotlin — 9/10', 'kotlin', 'strong'],
    ['Kotlin 3 out of 5', 'kotlin', 'normal'],
    ['Kotlin (30%)', 'kotlin', 'weak'],
    ['Cut Kotlin build times by 30%', 'kotlin', 'normal'],
    ['Beginner: Kotlin, Scala', 'scala', 'weak'],
    ['Familiar: Kotlin', 'kotlin', 'weak'],
    ['Some knowledge — Kotlin', 'kotlin', 'weak'],
  ])('%s', async (text, term, modality) => {
    const { trace } = await analyzeText(`Skills\n${text}`);
    expect(trace.mentions.find((m) => m.mention.term.entry.id === term)?.judgement.modality).toBe(modality);
  });
});

describe("a requirements table's level in the first cell of a row written with bars", () => {
  it('sets each row: must, nice, not needed', async () => {
    const table = ['What we ask', '| | |', '|---|---|', '| Must | Kotlin services in production |', '| Nice | Some Scala |', '| Must | Postgres tuning |', '| Not needed | C++ |'].join('\n');
    expect(await levelIn(table, 'kotlin')).toBe('required');
    expect(await levelIn(table, 'scala')).toBe('preferred');
    expect(await presentSkills(table, 'job')).not.toContain('cpp');
  });
});

describe('years go to the nearest skill after them', () => {
  it('"4+ years of Python, deep experience with PyTorch"', async () => {
    const { trace } = await analyzeText('Must have: 4+ years of Python, deep experience with PyTorch.', 'job');
    const years = (id: string) => trace.mentions.find((m) => m.mention.term.entry.id === id)?.judgement.years;
    expect(years('python')).toBe(4);
    expect(years('pytorch')).toBeUndefined();
  });

  it.each([
    ['Skills\nKotlin (6 years), Scala, Docker', { kotlin: 6, scala: undefined }],
    ['Skills\nKotlin (experience: 6 years), Scala (some exposure)', { kotlin: 6, scala: undefined }],
    ['Experience\nKotlin for 6 years, Scala for 1 year', { kotlin: 6, scala: 1 }],
    ['Requirements\n- Kotlin, 6 years minimum; Scala', { kotlin: 6, scala: undefined }],
    ['Requirements\n- Solid Kotlin, and two years of Scala', { kotlin: undefined, scala: 2 }],
  ])('years stay with their own item: %s', async (text, expected) => {
    const { trace } = await analyzeText(text, text.startsWith('Requirements') ? 'job' : 'cv');
    const years = (id: string) => trace.mentions.find((m) => m.mention.term.entry.id === id)?.judgement.years;
    expect({ kotlin: years('kotlin'), scala: years('scala') }).toEqual(expected);
  });
});

describe('found by probing with fresh documents', () => {
  it.each([
    ['Led a team of five engineers that built the PyTorch recommendation models.', 'pytorch', 'normal'],
    ['Worked in a team that used Kubernetes daily.', 'kubernetes', 'normal'],
    ['Our team uses Kaldi for speech recognition; I maintained the data pipelines.', 'speech-toolkits', 'reported'],
    // A dash before a new subject starts a new clause, whichever dash is typed.
    ['Haven\'t used Scala in years – I work in Kotlin now.', 'kotlin', 'normal'],
    ['No Scala at all — we build everything in Kotlin.', 'kotlin', 'normal'],
    ['Never shipped anything in Kotlin - it stayed a hobby.', 'kotlin', 'negated'],
    // A yes or a level of the item's own before the next item; the next item's level is not its.
    ['Languages: Kotlin yes, Scala no', 'kotlin', 'normal'],
    ['Languages: Kotlin yes, Scala no', 'scala', 'negated'],
    ['Cloud: AWS, Terraform: none', 'terraform', 'negated'],
    // "Learning" ending a line is a level only set off from the skill; "… transfer learning" ends a term.
    ['Skills: Kotlin, Terraform, federated learning', 'terraform', 'normal'],
    ['Skills: Kotlin — learning', 'kotlin', 'weak'],
    // A cue a PDF wrapped over two lines of one sentence.
    ['Retail analyst for six years. Since the spring I am\nlearning Kotlin in the evenings.', 'kotlin', 'weak'],
    // A clause that only says the skill is not, after one that says what is.
    ['Kotlin is our main language; Scala is not.', 'scala', 'negated'],
    // A course or certificate marked as not begun is a plan.
    ['Courses\n- Practical MLOps with Kubernetes (planned)', 'kubernetes', 'weak'],
    ['Training\n- Rust for C++ developers (starting next month)', 'rust-language', 'weak'],
    ['Certifications\n- Certified Kubernetes Administrator (upcoming)', 'kubernetes', 'weak'],
    // What students, interns or mentees did is theirs.
    ['I co-supervise three PhD students; one of them is training diffusion models with JAX.', 'jax', 'reported'],
    ['Supervised two interns who built a demand forecaster with LightGBM.', 'lightgbm', 'reported'],
    ['Taught my students to use Keras for their coursework.', 'keras', 'reported'],
    // What a teammate or a co-worker handled is theirs.
    ['A teammate handled the PyTorch training loop while I wrote the scoring rules.', 'pytorch', 'reported'],
    ['My co-worker owned the Terraform modules; I reviewed them.', 'terraform', 'reported'],
  ])('%s', async (text, term, modality) => {
    expect((await judged(text, term))[0]?.modality).toBe(modality);
  });

  it('job ads: a clause that only says "X isn\'t" after one that asks denies X', async () => {
    expect((await judged('Requirements\n- Kotlin is essential; Scala isn\'t.', 'scala', 'job'))[0]?.modality).toBe('negated');
    expect((await judged('Requirements\n- Kotlin is essential; Scala isn\'t.', 'kotlin', 'job'))[0]?.modality).toBe('normal');
  });

  it('job ads: a preferred cue belongs to its own clause; a skill the employer will teach is not required', async () => {
    const text = 'Requirements\n- Experience with Python is essential; experience with C++ would be a bonus.';
    expect(await levelIn(text, 'python')).toBe('required');
    expect(await levelIn(text, 'cpp')).toBe('preferred');
    expect((await judged('No prior experience with deep learning is required; we will teach you PyTorch.', 'pytorch', 'job'))[0]?.modality).toBe('negated');
  });

  it.each([
    ['In your first month you will receive hands-on training in Kubernetes.', 'kubernetes'],
    ["You'll be trained on our Scala services by a senior engineer.", 'scala'],
    ['Training will be given on Terraform during onboarding.', 'terraform'],
  ])('job ads: training the employer gives is not required: %s', async (sentence, term) => {
    expect((await judged(sentence, term, 'job'))[0]?.modality).toBe('negated');
  });

  it('job ads: training the candidate has had, or does, is still asked for', async () => {
    expect((await judged('You have trained on GPU clusters with PyTorch.', 'pytorch', 'job'))[0]?.modality).not.toBe('negated');
  });

  it('interests alone do not show a skill', async () => {
    const { analysis } = await analyzeText('Interests\nChess, climbing, and reading about reinforcement learning.');
    expect(analysis.skills.find((s) => s.id === 'reinforcement-learning')?.present).toBe(false);
  });

  it('"deep" that names deep learning or deep networks is no strength cue; "deep knowledge" is', async () => {
    expect((await judged('Deep learning with Keras for two small projects.', 'keras'))[0]?.modality).toBe('normal');
    expect((await judged('Built deep neural networks with JAX at a start-up.', 'jax'))[0]?.modality).toBe('normal');
    expect((await judged('Deep knowledge of Keras internals.', 'keras'))[0]?.modality).toBe('strong');
  });

  it('CVs: the writer\'s own work beside supervising is the writer\'s', async () => {
    expect((await judged('Mentored two students and wrote the LightGBM ranking job myself.', 'lightgbm'))[0]?.modality).toBe('normal');
  });
});

describe('clauses with parentheses (a fuzzing finding: compromise threw on them)', () => {
  it('scopes a negation across a contrast inside and around parentheses', async () => {
    expect((await judged('I have (not) used Python, but C++ daily.', 'cpp'))[0]?.modality).not.toBe('negated');
    expect((await judged('I have not used C++ (only Python), but Java yes.', 'cpp'))[0]?.modality).toBe('negated');
    expect((await judged('No C++ (but Python, daily).', 'python'))[0]?.modality).not.toBe('negated');
  });
});

describe('a job page pasted as one paragraph, titles run into the text', () => {
  const page = [
    'About the job Harrowgate makes route-planning software for bus operators in six countries, and our customers run 14,000 buses a day.',
    'The Role You will join the planning team of eight.',
    "What You'll Do Train demand models in PyTorch Maintain the nightly data jobs",
    'Requirements Three years of Kotlin or Java Strong SQL',
    'Bonus Experience with Scala or with OR-Tools',
    'Benefits Pension, 28 days of leave Harrowgate is an equal opportunity employer.',
  ].join(' ');

  /** The pages below ask for Kotlin and welcome Scala. */
  async function kotlinAskedScalaWelcome(text: string): Promise<void> {
    expect(await levelIn(text, 'kotlin')).toBe('required');
    expect(await levelIn(text, 'scala')).toBe('preferred');
  }

  it('reads the items under each title at its level, not as the boilerplate at the end', async () => {
    await kotlinAskedScalaWelcome(page);
    expect((await judged(page, 'pytorch', 'job'))[0]).toMatchObject({ modality: 'normal', requirement: 'required' });
  });

  it('reads a title of two levels sharing one head ("Additional Or Preferred Qualifications") by its second level', async () => {
    const twoLevels = [
      'About the job Fernhollow plans grain logistics for co-operatives.',
      'Minimum Qualifications Four years of Kotlin in production',
      'Additional Or Preferred Qualifications Experience with Scala services Fernhollow is an equal opportunity employer.',
    ].join(' ');
    await kotlinAskedScalaWelcome(twoLevels);
  });

  it('titles ending in their colon, and an organisation\'s section titled by its name, are read in pasted copy', async () => {
    const page = [
      'About the job Fernhollow plans grain logistics for co-operatives in four countries, and its planners rebuild the routes every night before the first lorries leave.',
      'Minimum Qualifications: Four years of Kotlin services in production',
      'Preferred Qualifications: Experience with Scala streaming jobs',
      'About Fernhollow: Fernhollow builds computer vision for grain silos and sells it to farms.',
    ].join(' ');
    await kotlinAskedScalaWelcome(page);
    expect(await presentSkills(page, 'job')).not.toContain('computer-vision');
  });

  it('an equal-opportunity statement run into the last item leaves the item its own', async () => {
    const runIn = 'About the job Brackley Freight moves parcels by rail between eleven depots, and its planners rebuild the timetable every night before the first trains leave. Responsibilities Tune the overnight timetable solver Preferred Qualifications Experience with route optimisation in Scala Brackley Freight is an equal opportunity employer and does not discriminate.';
    const held = ['normal', 'strong'];
    const item = (await judged(runIn, 'scala', 'job'))[0];
    expect(item?.requirement).toBe('preferred');
    expect(held).toContain(item?.modality);
    const ours = 'About the job We route ferries between the islands of the archipelago, and our schedulers rebalance the fleet each morning as the weather and the bookings change. Responsibilities Keep the sailing planner fast and correct Required Qualifications Three years of Kotlin services We are proud to be an equal employment opportunity workplace.';
    const ourItem = (await judged(ours, 'kotlin', 'job'))[0];
    expect(ourItem?.requirement).toBe('required');
    expect(held).toContain(ourItem?.modality);
    // A name ending in a sign ("C++", "C#") ends the item as a word does.
    const signed = 'About the job Brackley Freight moves parcels by rail between eleven depots, and its planners rebuild the timetable every night before the first trains leave. Responsibilities Tune the overnight timetable solver Preferred Qualifications Programming experience in Rust or C++ Brackley is an equal opportunity employer.';
    const signedItem = (await judged(signed, 'cpp', 'job'))[0];
    expect(signedItem?.requirement).toBe('preferred');
    expect(held).toContain(signedItem?.modality);
    // The statement's own words stay its own: a skill named inside it is no requirement.
    const inside = 'About the job Brackley Freight moves parcels by rail between eleven depots, and its planners rebuild the timetable every night before the first trains leave. Responsibilities Tune the overnight timetable solver Requirements Strong SQL Brackley Freight is an equal opportunity employer that welcomes Scala developers.';
    expect(held).not.toContain((await judged(inside, 'scala', 'job'))[0]?.modality);
  });
});
