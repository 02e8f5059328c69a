import { isInflectionOf } from '../../src/core/3-extract/mentions';
import { employerNames } from '../../src/core/4-analyze/voice';
import { matchDocuments } from '../../src/core/5-match/match';
import { detectSections, runInHeadingSpans } from '../../src/core/1-text/sections';
import { splitSentences } from '../../src/core/1-text/sentences';
import { tokenize } from '../../src/core/1-text/tokenize';
import { normaliseText } from '../../src/core/1-text/normalise';
import { analyzeExtraction } from '../../src/core/4-analyze/analyze';
import { extractDocument } from '../../src/core/1-text/document-text';
import { acceptedTerms, analyzeText, lexicon, nlp, presentSkills } from './support';

/**
 * The rules of docs/analysis.md that decide word senses, whose a mention is, section structure and
 * requirement scope. Every case is a sentence written for this test, not taken from any document
 * the rules were developed on; each rule has cases it must accept and cases it must refuse.
 */
describe('word forms: derivations only where the lexicon keeps the sense', () => {
  it('a plural in "ies" matches its singular in y, as a plural in s does', async () => {
    expect(await presentSkills('Responsibilities\n- Help shape the product strategies of two new markets.', 'job')).toContain('business-knowledge');
    expect(await presentSkills('Drafted the business strategies for the Nordic launch.')).toContain('business-knowledge');
  });

  it.each([
    ['clusters', 'clustering', false],
    ['mock', 'mocking', false],
    ['authorised', 'authorisation', false],
    ['profile', 'profiling', false],
    ['deadline', 'deadlines', true],
    ['prioritized', 'prioritise', true],
    ['prioritising', 'prioritise', true],
    ['studies', 'study', true],
    ['modeling', 'modelling', true],
  ])('"%s" as an inflection of "%s": %s', (word, form, expected) => {
    expect(isInflectionOf(word, form)).toBe(expected);
  });

  it('a consonant doubled before -ed or -ing is an inflection: plan, planned, planning', async () => {
    expect(await presentSkills('We expect you to plan your work across two squads.', 'job')).toContain('time-management');
    expect(await presentSkills('I plan my own work around the school run.')).toContain('time-management');
  });

  it('tests written for code are software engineering; a school\'s tests and A/B tests are not', async () => {
    expect(await presentSkills('Wrote thorough tests for the billing parser.')).toContain('software-engineering');
    expect(await presentSkills('Wrote solid tests for the parser classes.')).toContain('software-engineering');
    expect(await presentSkills('Wrote tests for my year 8 pupils every half term.')).not.toContain('software-engineering');
    expect(await presentSkills('Ran A/B tests on the sign-up form.')).not.toContain('software-engineering');
    expect(await presentSkills('- Readable code and honest metrics.', 'job')).toContain('software-engineering');
  });

  it('infrastructure clusters are not clustering; k-means clustering is', async () => {
    expect(await presentSkills('Operated two Kubernetes clusters for the search backend.')).not.toContain('learning-algorithms');
    expect(await presentSkills('Segmented shoppers with k-means and hierarchical clustering.')).toContain('learning-algorithms');
  });

  it('a mock exam is not mocking; collaborated still shows collaboration', async () => {
    expect(await presentSkills('Marked the mock papers for year eleven.')).not.toContain('software-engineering');
    expect(await presentSkills('Collaborated with the design and sales teams on the launch.')).toContain('collaboration');
  });

  it('possessives stand for one another in phrases: "manage your time" is "managing my time"', async () => {
    expect(await presentSkills('You will need to organise your own time across two client projects.', 'job')).toContain('time-management');
    expect(await presentSkills('- Able to structure their own time with little supervision.', 'job')).toContain('time-management');
    expect(await presentSkills('Her time in Madrid was spent on a survey of bakeries.')).not.toContain('time-management');
  });

  it('cleaning data written as a verb with another data verb, or with messy data, is data science', async () => {
    expect(await presentSkills('- You will clean and annotate data from three hospital systems.', 'job')).toContain('data-science');
    expect(await presentSkills('Cleaned messy data from legacy billing exports before each audit.')).toContain('data-science');
    expect(await presentSkills('Cleaned the kitchen and labelled the shelves every evening.')).not.toContain('data-science');
  });

  it('ideas put to the test are idea iteration; ideas alone are not', async () => {
    expect(await presentSkills('- You like to try out new ideas on real traffic and drop the ones that do not hold up.', 'job')).toContain('idea-iteration');
    expect(await presentSkills('Each sprint we would prototype several ideas for the checkout page.')).toContain('idea-iteration');
    expect(await presentSkills('- We welcome your ideas about the office coffee.', 'job')).not.toContain('idea-iteration');
    expect(await presentSkills('Piloted two pricing-page ideas with a small share of visitors.')).toContain('idea-iteration');
    expect(await presentSkills('- Run studies to validate fresh onboarding ideas with real users.', 'job')).toContain('idea-iteration');
    expect(await presentSkills('- Come up with bold ideas for the product roadmap.', 'job')).not.toContain('idea-iteration');
    expect(await presentSkills("Implemented the committee's ideas for the spring fair.")).not.toContain('idea-iteration');
  });

  it('software run in production is software engineering; film, oil and factory production are not', async () => {
    expect(await presentSkills('- Experience keeping recommendation services healthy in a production environment with real traffic.', 'job')).toContain('software-engineering');
    expect(await presentSkills('Productionised the churn model and its feature pipeline.')).toContain('software-engineering');
    expect(await presentSkills('Supervised the production environment of a bottling plant on night shifts.')).not.toContain('software-engineering');
    expect(await presentSkills('Ran production deployment of stage lighting for a touring theatre company.')).not.toContain('software-engineering');
  });

  it('a closed compound written open is the one word: "Tensor Flow", "Java Script"; two ordinary words are not joined', async () => {
    expect(await acceptedTerms('Prototyped ranking models in Tensor Flow and served them from a Java Script front end.')).toEqual(expect.arrayContaining(['tensorflow:normal', 'javascript:normal']));
    expect(await acceptedTerms('Wrote tokenisers with the Natural Language Tool Kit.')).toContain('nltk:normal');
    // "Py" and "Torch" on two lines are not one word; nor is a pair whose join the lexicon lacks.
    expect(await acceptedTerms('Carried the Olympic torch in 2012.\nPy\nTorch')).not.toContain('pytorch:normal');
    expect(await acceptedTerms('Sold sea food to the town market.')).toEqual([]);
  });

  it('typo tolerance is opt-in: "Networks" is no NetworkX, "Pytroch" is PyTorch', async () => {
    expect(await acceptedTerms('Regional Water Networks Ltd, field engineer')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^networkx:/)]));
    expect(await acceptedTerms('Trained classifiers in Pytroch on a single GPU.')).toContain('pytorch:normal');
  });
});

describe('word senses that need their own context', () => {
  it('super-resolution microscopy is a technique of the lab; a super-resolution model is computer vision', async () => {
    expect(await presentSkills('Imaged dendritic spines with super-resolution microscopy in the Harlow lab.')).not.toContain('computer-vision');
    expect(await presentSkills('Trained a super-resolution network that sharpens satellite tiles fourfold.')).toContain('computer-vision');
  });

  it('scheduling that a compiler or runtime does is no schedule a person keeps; a balance of skills is a mix, not two loads of work held', async () => {
    expect(await presentSkills('Requirements\n- Own memory management, scheduling and code generation in our GPU compiler.', 'job')).not.toContain('time-management');
    expect(await presentSkills('Managed the release schedule for three product teams.')).toContain('time-management');
    expect(await presentSkills('About the Role\nThe job calls for a balance of hands-on coding and research.', 'job')).not.toContain('time-management');
    expect(await presentSkills('Balanced a part-time job with full-time research.')).toContain('time-management');
  });

  it("statistics as a product's page or panel is a screen, not the skill", async () => {
    expect(await presentSkills('Designed the statistics tab of the fitness app.')).not.toContain('statistics');
    expect(await presentSkills('Added a statistics panel to the admin console.')).not.toContain('statistics');
    expect(await presentSkills('Statistics for the clinical trial: mixed models and confidence intervals.')).toContain('statistics');
  });

  it('a chat assistant used is not the NLP or neural networks behind it', async () => {
    expect(await presentSkills('Drafted the help-centre articles with ChatGPT.')).not.toEqual(expect.arrayContaining(['nlp']));
    expect(await presentSkills('Drafted the help-centre articles with ChatGPT.')).not.toEqual(expect.arrayContaining(['neural-networks']));
  });

  it('signal processing is audio only beside an audio word', async () => {
    expect(await presentSkills('Signal processing for automotive radar: FMCW chirps and Doppler estimation.')).not.toContain('audio-speech');
    expect(await presentSkills('Five years of signal processing on ECG recordings from wearables.')).not.toContain('audio-speech');
    expect(await presentSkills('Built the signal processing chain for the microphone array in our smart speaker.')).toContain('audio-speech');
  });

  it('pictures a model is trained on are vision; software images and photos for a website are not', async () => {
    expect(await presentSkills('Trained a small CNN on 3,000 dental X-rays.')).toContain('computer-vision');
    expect(await presentSkills('Fine-tuned a classifier on photos of damaged parcels.')).toContain('computer-vision');
    expect(await presentSkills('Rebuilt the Docker images used by the training jobs.')).not.toContain('computer-vision');
    expect(await presentSkills('Trained shop staff to upload product photos to the website.')).not.toContain('computer-vision');
  });

  it('sound or text a model is trained on is audio or NLP; recordings made and emails written are not', async () => {
    expect(await presentSkills('Trained a small network on 300 hours of call recordings to flag angry callers.')).toContain('audio-speech');
    expect(await presentSkills('Recorded and edited voice recordings for an audiobook publisher.')).not.toContain('audio-speech');
    expect(await presentSkills('Fine-tuned a model on support tickets to route them to the right queue.')).toContain('nlp');
    expect(await presentSkills('Answered support tickets and wrote customer emails for the help desk.')).not.toContain('nlp');
  });

  it("a policy an agent learns is reinforcement learning; an insurer's policy is not", async () => {
    expect(await presentSkills('Policy optimisation for a warehouse robot in simulation.')).toContain('reinforcement-learning');
    expect(await presentSkills('Led policy optimisation for the motor insurance book.')).not.toContain('reinforcement-learning');
  });

  it('detection models are vision only beside a word of pictures', async () => {
    expect(await presentSkills('Trained detection models that spot rust in drone photos of bridges.')).toContain('computer-vision');
    expect(await presentSkills('Retrained the spam detection models every week.')).not.toContain('computer-vision');
  });

  it('British and plural spellings of recognisers, and an LLM fine-tuned', async () => {
    expect(await presentSkills('Wrote a named entity recogniser for shipping manifests.')).toContain('nlp');
    expect(await presentSkills('Benchmarked three speech recognisers on farm radio.')).toContain('audio-speech');
    expect(await presentSkills('Answered claims questions with an LLM fine-tuned on past letters.')).toContain('nlp');
  });

  it('transformer counts beside machine-learning words only', async () => {
    expect(await presentSkills('Rewound the windings of a 40 MVA transformer after a fault.')).not.toContain('neural-networks');
    expect(await presentSkills('Keeps a shelf of Transformers figures from the eighties.')).not.toContain('neural-networks');
    expect(await presentSkills('Trained a small transformer on our support tickets to route them.')).toContain('neural-networks');
  });

  it.each([
    ['Build systems that flag a warehouse when stock counts drift.', false],
    ['We need someone able to build pipelines from scratch for our call-centre recordings.', false],
    ['Responsibilities: build systems that reconcile invoices overnight.', false],
    ['Moved the firmware team onto automated build systems.', true],
    ['Maintained the build pipeline for the billing monorepo.', true],
    ['Build systems: Bazel, CMake', true],
  ])('a term that opens with a verb is that verb in a verb\'s place: "%s" shows software engineering: %s', async (sentence, shown) => {
    expect((await presentSkills(sentence, 'job')).includes('software-engineering')).toBe(shown);
  });

  it('statistics counted about a thing ("latency statistics") are figures, not the field', async () => {
    expect(await presentSkills('Published weekly latency statistics for forty services.')).not.toContain('statistics');
    expect(await presentSkills('Kept the shop’s footfall statistics in a spreadsheet.')).not.toContain('statistics');
    expect(await presentSkills('Strong statistics background from an economics degree.')).toContain('statistics');
    expect(await presentSkills('Taught statistics and probability to first-year students.')).toContain('statistics');
    expect(await presentSkills('Bayesian statistics for pricing experiments.')).toContain('statistics');
  });

  it.each([
    'Our actuaries carry out statistical analysis of every rate change.',
    'In this team you use statistics every day to size experiments.',
    'Analysts here do statistical analysis of claims in R.',
    'The role involves statistical modelling of footfall.',
  ])('a verb or its particle before the field takes it as its object: "%s" shows statistics', async (sentence) => {
    expect(await presentSkills(sentence, 'job')).toContain('statistics');
  });

  it('regression beside classification is the machine-learning task, not regression analysis', async () => {
    expect(await presentSkills('Trained classification and regression models for a lending start-up.')).not.toContain('statistics');
    expect(await presentSkills('Fitted regression models to twenty years of claims data.')).toContain('statistics');
  });

  it('time series forecasting is data science with some statistics', async () => {
    expect(await presentSkills('Built time-series forecasting for hourly electricity load.')).toContain('data-science');
  });

  it('Monte Carlo methods are numerical methods; statistical inference names itself', async () => {
    const simulation = await presentSkills('Priced barrier options with Monte Carlo simulation on a GPU grid.');
    expect(simulation).toContain('numerical-analysis');
    expect(simulation).not.toContain('statistics');
    expect(await presentSkills('Sampled the posterior with Markov chain Monte Carlo for a rainfall model.')).toContain('statistics');
  });

  it('a bare vision system is computer vision only beside an image or perception word', async () => {
    expect(await presentSkills('Shipped vision systems that inspect solder joints from camera images.')).toContain('computer-vision');
    expect(await presentSkills('Integrated night vision systems into the helicopter cockpit displays.')).not.toContain('computer-vision');
  });

  it('business partners are the business a technical writer serves; an HR business partner is a job title', async () => {
    expect(await presentSkills('Gathered reporting needs from our business partners in logistics.')).toContain('business-knowledge');
    expect(await presentSkills('Worked as an HR business partner for the warehouse staff.')).not.toContain('business-knowledge');
  });

  // Terms whose sense needs its words or its neighbours: [sentence, kind, skill, shown].
  it.each([
    ['Most of the production code I wrote at the bank ran on its own servers.', 'cv', 'software-engineering', true],
    ['Scanned the production codes on every pallet before dispatch.', 'cv', 'software-engineering', false],
    ['Modelled order-book market microstructure for the equities desk.', 'cv', 'business-knowledge', true],
    ['Cut transaction costs on rebalancing trades by a third.', 'cv', 'business-knowledge', true],
    ['Logged every database transaction for the audit service.', 'cv', 'business-knowledge', false],
    ['Tools: Python (pandas, NumPy), Git, Docker.', 'cv', 'python', true],
    ['Tools: Python (pandas, NumPy), Git, Docker.', 'cv', 'data-science', false],
    ['Engineer features from raw sensor logs for the failure model.', 'job', 'data-science', true],
    ['Cleaned large datasets of hospital admissions before any modelling.', 'cv', 'data-science', true],
    ['Added image augmentations (random crops, flips, colour jitter) to the detector training loop.', 'cv', 'computer-vision', true],
    ['Used data augmentation to balance the rare classes in the claims table.', 'cv', 'computer-vision', false],
    ['Built a logistic regression churn classifier in scikit-learn for a telecom client.', 'cv', 'learning-algorithms', true],
    ['Built a logistic regression churn classifier in scikit-learn for a telecom client.', 'cv', 'statistics', false],
    ['Reported odds ratios from a logistic regression with 95% confidence intervals for each cohort.', 'cv', 'statistics', true],
  ] as const)('"%s" (%s) shows %s: %s', async (sentence, kind, skill, shown) => {
    expect((await presentSkills(sentence, kind)).includes(skill)).toBe(shown);
  });

  it('statistics named as a competence ("statistical background", "statistical thinking") is statistics', async () => {
    expect(await presentSkills('Requirements\n- A solid statistical background and comfort with messy data.', 'job')).toContain('statistics');
    expect(await presentSkills('Brought statistical thinking to every pricing decision.')).toContain('statistics');
    expect(await presentSkills('Encyclopaedic statistical knowledge of football leagues since 1990.')).not.toContain('statistics');
  });

  it('Python the comedy troupe and the snake are not the language', async () => {
    expect(await presentSkills('Wrote sketches for a Monty Python evening at the village hall.')).not.toContain('python');
    expect(await presentSkills('Volunteer keeper of the reptile house: a python and two iguanas.')).not.toContain('python');
    expect(await presentSkills('Wrote the ETL jobs in Python.')).toContain('python');
  });

  it('using an LLM is not NLP; fine-tuning one is', async () => {
    expect(await presentSkills('Wrote prompts so that LLMs answer support questions in our voice.')).not.toContain('nlp');
    expect(await presentSkills('Fine-tuned BERT for named entity recognition on legal text.')).toContain('nlp');
  });

  it('a model reached through its maker\'s API (GPT-3, GPT-4) is used, as an LLM is; fine-tuned, it is NLP', async () => {
    expect(await presentSkills('Requirements\n- Two years of building product features on top of GPT-4 through the OpenAI API.', 'job')).not.toContain('nlp');
    expect(await presentSkills('Added a GPT-4o summary button to the ticketing app.')).not.toContain('neural-networks');
    expect(await presentSkills('Fine-tuned GPT-3 on 40k support tickets to draft replies for the helpdesk.')).toContain('nlp');
  });

  it('retrieval put in front of an LLM is building on a model; with the model fine-tuned it is NLP', async () => {
    expect(await presentSkills('Shipped retrieval-augmented generation over the planning regulations for council staff.')).not.toContain('nlp');
    expect(await presentSkills('Fine-tuned a small language model on tenancy letters and added retrieval-augmented generation over the archive.')).toContain('nlp');
  });

  it('vector search serves embeddings of anything: it shows NLP only beside a text model', async () => {
    expect(await presentSkills('Requirements\n- Hands-on with vector search for the product catalogue (Milvus or Qdrant).', 'job')).not.toContain('nlp');
    expect(await presentSkills('Trained a sentence-embedding model on support tickets and served it through vector search.')).toContain('nlp');
  });

  it('a neural model with a word between is still a neural model; the brain\'s neural activity is not', async () => {
    expect(await presentSkills('Replaced the rules engine with neural sequence models over the click stream.')).toContain('neural-networks');
    expect(await presentSkills('Swapped the finite-element solver for a neural surrogate of the heat flow.')).toContain('neural-networks');
    expect(await presentSkills('Recorded neural activity in mouse visual cortex and fitted encoding models to it.')).not.toContain('neural-networks');
  });

  it('an industry right before a word of knowing it is business knowledge; an industry as a customer is not', async () => {
    expect(await presentSkills('Nice to have\n- Healthcare experience\n- A logistics background', 'job')).toContain('business-knowledge');
    expect(await presentSkills('Our dashboards serve the automotive industry and its dealers; experience with React needed.', 'job')).not.toContain('business-knowledge');
    expect(await presentSkills('No banking experience needed; we will teach you the products.', 'job')).not.toContain('business-knowledge');
  });

  it('MLE is maximum likelihood estimation beside a word of estimating; in an ad it is more often the engineer', async () => {
    expect(await presentSkills('Derived the MLE and the MAP estimators for the mixture weights.')).toContain('statistics');
    expect(await presentSkills('Join as our second MLE and own the ranking models end to end.', 'job')).not.toContain('statistics');
  });

  it('experience of a domain, said of the domain, is business knowledge', async () => {
    expect(await presentSkills('Requirements\n- Retail lending or payments domain experience\n- Python', 'job')).toContain('business-knowledge');
    expect(await presentSkills('A clinical domain background helped me talk to the ward managers.')).toContain('business-knowledge');
  });

  it('neuro-linguistic programming and sales pipelines are other senses', async () => {
    expect(await presentSkills('Certified NLP practitioner (neuro-linguistic programming) for sales coaching.')).not.toContain('nlp');
    expect(await presentSkills('Built a sales pipeline of forty prospects that closes every quarter.')).not.toContain('software-engineering');
    expect(await presentSkills('Maintained the build pipeline and the release scripts.')).toContain('software-engineering');
  });

  it('collaboration tools are software, not working with people', async () => {
    expect(await presentSkills('Admin of our collaboration tools: Slack, Confluence and Jira.')).not.toContain('collaboration');
  });
});

/** One test per sentence: whether the skill is shown, as a CV line (a line opening "- " reads as a list item). */
function casesOfSkill(skill: string, cases: Array<[string, boolean]>): void {
  it.each(cases)('%s', async (text, expected) => {
    expect((await presentSkills(text)).includes(skill)).toBe(expected);
  });
}

/** The level a job ad gives a present skill, or undefined when the skill is not shown. */
async function requirementIn(text: string, skill: string): Promise<string | null | undefined> {
  return (await analyzeText(text, 'job')).analysis.skills.find((s) => s.id === skill && s.present)?.requirement;
}

/** One test per sentence, each with its own skill: whether that skill is shown. */
function casesOfSkills(cases: Array<[string, string, boolean]>, kind: 'cv' | 'job' = 'cv'): void {
  it.each(cases)('%s shows %s: %s', async (text, skill, shown) => {
    expect((await presentSkills(text, kind)).includes(skill)).toBe(shown);
  });
}

describe('open phrasings of collaboration: a joint-work phrase and people to work with', () => {
  casesOfSkill('collaboration', [
    ['Cooperation with two linguists and the voice actors on the prompts.', true],
    ['Embedded in the claims team for a quarter to learn their workflow.', true],
    ['Wrote embedded C for the motor controller of an e-bike.', false],
    ['Built a dashboard that charts GitLab collaboration across the course.', false],
    ['Collected requirements from the underwriters every Monday.', true],
    ['Worked side by side with the field technicians during the rollout.', true],
    ['Teamed up with the accountants to close the quarter.', true],
    ['Synced weekly with the security team on access reviews.', true],
    ['Held monthly planning sessions with the clinicians to choose the next alerts.', true],
    ['Served as the bridge between the legal team and the data scientists.', true],
    ['A bridge between theory and practice in my teaching.', false],
    ['Interfaced with the firmware engineers on the bootloader.', true],
    ['- Collaborate with software engineers and designers on the checkout.', true],
    ['Collaboration software: Slack, Confluence and Miro.', false],
    ['Comfortable collaborating via GitLab merge requests.', false],
    ['- You enjoy working as part of a team of ecologists and coders.', true],
    ['Led a team of four analysts.', false],
    ['Wrote an interface with the payments API.', false],
    ['Ran a joint project with two hospitals on sepsis alerts.', true],
    ['Worked with large components and their gradients.', false],
    ['Happy to work on my own or together with others.', false],
    ['Acted as the point of contact between the warehouse staff and the forecasting team.', true],
    ['Point of contact for the building\'s fire alarm tests.', false],
    ['Partnered closely with the payroll analysts on the year-end close.', true],
    ['Worked extensively with the hydrologists on the flood maps.', true],
    ['Worked directly with hotel guests at the front desk.', false],
    ['Worked with retail customers on returns and refunds at the till.', false],
    ['Works well with the quality engineers and the plant managers.', true],
    ['Got on well with the nurses on the night ward.', true],
    ['This library works well with NumPy arrays.', false],
    ['Gets on with the job without fuss.', false],
  ]);
});

describe('work done with people or a group, whatever the verb', () => {
  it('work done with one\'s own team ("with our team", "with the rest of the team", "with team members") is the job itself, not collaboration', async () => {
    for (const own of ['- Comfortable pairing daily with our team on the billing code.', '- Collaborate with the rest of the team on releases.', '- Works closely with team members on the nightly builds.']) {
      expect(await presentSkills(`Requirements\n${own}`, 'job')).not.toContain('collaboration');
    }
    // A group or a person of its own still is, and so are other people joined to one's own team.
    expect(await presentSkills('Requirements\n- Collaborate with our payments team on the ledger.', 'job')).toContain('collaboration');
    for (const joined of ['- Work with team members and outside auditors to close each quarter.', '- Pair with your colleagues, product owners and designers on every launch.', '- Partner with the team & our clinicians on the triage rules.']) {
      expect(await presentSkills(`Requirements\n${joined}`, 'job')).toContain('collaboration');
    }
    // The people the work serves are no partners: partnering with customers or clients is service.
    expect(await presentSkills('Requirements\n- Partner with our largest customers to scope their rollouts and engineer the fixes.', 'job')).not.toContain('collaboration');
    expect(await presentSkills('Requirements\n- Work with hospital clients and our data engineers on each launch.', 'job')).toContain('collaboration');
    // Joined to a verb, the team stays the only party.
    expect(await presentSkills('Requirements\n- Work with the team and ship the billing fixes each sprint.', 'job')).not.toContain('collaboration');
    expect(await presentSkills('Worked closely with the team lead and two analysts on the forecast.')).toContain('collaboration');
  });

  casesOfSkill('collaboration', [
    ['Rebuilt the returns dashboard with two finance analysts.', true],
    ['Drafted the labelling guide with the annotation team in Lisbon.', true],
    ['Ran the pilot with a product owner and three nurses.', true],
    ['Cleaned the survey data with pandas and a bit of regex.', false],
    ['Five years of experience with data engineering teams.', false],
    ['Led a team with four analysts and one designer.', false],
    ['Two years at a start-up with eleven engineers.', false],
    ['English good enough to communicate with colleagues.', false],
    ['Spoke regularly with the site engineers about safety.', false],
    ['Tuned the scheduler with developing markets in mind.', false],
    ['Built a support bot with LLM agents and retrieval.', false],
    ['Tested the landing page with three variants.', false],
    ['Replaced the nightly batch with streamed events from Kafka.', false],
    ['Reconciled the ledgers with two accountants every month.', true],
    // The word before is read as written: "experiments with" is not "experience with".
    ['Planned pricing experiments with the regional sales team.', true],
    // The people who run an organisation are people worked with too.
    ['Agreed the consent wording with the ethics committee.', true],
    ['Joined the daily stand-ups of the billing squad during the migration.', true],
    ['Served as the data counterpart of the nursing team for two years.', true],
    ['Ported the Go counterpart of the Java client library.', false],
    // A collaborative environment or culture describes a workplace.
    ['Thrived in a collaborative environment at a small agency.', false],
    ['Held quarterly planning sessions with the regional directors.', true],
    // Requirements or input gathered from people is work done with them.
    ['Took the requirements from two pharmacists and the ward team.', true],
    ['Fed the input from four GPS receivers into the tracker.', false],
  ]);
});

describe('numerical linear algebra is linear algebra and numerical analysis', () => {
  it('counts for both', async () => {
    expect(await presentSkills('MSc coursework: numerical linear algebra and graph theory.')).toEqual(expect.arrayContaining(['linear-algebra', 'numerical-analysis']));
  });
});

describe('what finite precision does to a computation is numerical analysis', () => {
  casesOfSkill('numerical-analysis', [
    ['Tracked down floating-point overflow in the mixed-precision loss.', true],
    ['Guarded the log-sum-exp against numerical underflow.', true],
    ['Top answerer on Stack Overflow for pandas questions.', false],
  ]);
});

describe('Gaussian processes are a learning algorithm as well as Bayesian statistics', () => {
  it('a Gaussian-process model fitted to data shows both', async () => {
    expect(await presentSkills('Fitted Gaussian-process models to the wind-tunnel pressure readings.')).toEqual(expect.arrayContaining(['statistics', 'learning-algorithms']));
  });
});

describe('trends found by analysing data are data analysis', () => {
  casesOfSkill('data-science', [
    ['Collected the footfall counts each week and analysed trends in a spreadsheet.', true],
    ['Keeps up with fashion trends for the buying team.', false],
  ]);
});

describe('completion and handover dates worked to are time management', () => {
  casesOfSkill('time-management', [
    ['Handed the refit over on the completion date we had agreed with the landlord.', true],
    ['Looked up the completion date of each property in the land registry.', false],
  ]);
});

describe('the physics of a process, named as such, is physics', () => {
  casesOfSkill('physics', [
    ['Requirements\n- A feel for the physical processes in kilns and dryers', true],
    ['Fitted a physical model of heat loss to the building sensor data.', true],
    ['Kept the physical and digital archives in order.', false],
  ]);
});

describe('ML systems in production are production software', () => {
  casesOfSkill('software-engineering', [
    ['Four years building ML systems in production for a ticketing site.', true],
    ['No ML systems in production yet: my models stayed in notebooks.', false],
  ]);
});

describe('an uplift test is a randomised test of a change', () => {
  casesOfSkill('idea-iteration', [
    ['Ran uplift tests on the loyalty voucher against a held-out control group.', true],
    ['Measured the uplift of the new boiler on heating bills.', false],
  ]);
});

describe('production code is written, tested or in a language', () => {
  casesOfSkill('software-engineering', [
    ['You will write production code in Kotlin for the booking flow.', true],
    ['Printed the production codes on every pallet label.', false],
  ]);
});

describe('the numeral "one" is no inflection of "on"', () => {
  it('"one time" is not "on time", "one call" not on-call', async () => {
    expect(await presentSkills('Met the franchise owners one time before the launch.')).not.toContain('time-management');
    expect(await presentSkills('Closed the renewal after one call with the buyer.')).not.toContain('software-engineering');
    expect(await presentSkills('Shipped all four releases on time.')).toContain('time-management');
  });
});

describe('integrating an equation numerically is numerical analysis', () => {
  casesOfSkill('numerical-analysis', [
    ['Coursework: numerical integration, finite differences and splines.', true],
    ['Checked integrator stability on the orbital test cases before each release.', true],
    ['Led the integration of the billing system with the new CRM.', false],
  ]);
});

describe('standing between two groups is work done with them', () => {
  casesOfSkill('collaboration', [
    ['Liaised between the clinicians and the data team during the pilot.', true],
    ['Mediated between legal and engineering on the retention rules.', true],
    ['Embedded C firmware for a smart thermostat.', false],
  ]);
});

describe('another group helped or supported is work done with it', () => {
  casesOfSkill('collaboration', [
    ['Supported the underwriting team with a pricing dashboard.', true],
    ['Assisted the legal department with contract review tooling.', true],
    ['Three years in the customer support team.', false],
    ['Helped 30 pupils prepare for their maths exams.', false],
    ['Helped cut cloud costs by a fifth.', false],
  ]);
});

describe('a codebase kept in shape, or worked in at scale, is software engineering', () => {
  casesOfSkill('software-engineering', [
    ['Restructured the billing codebase into modules with clear owners.', true],
    ['Comfortable in a large legacy code base.', true],
    ['The codebase lives in a private Git repository.', false],
  ]);
});

describe('models run as services are software engineering', () => {
  casesOfSkill('software-engineering', [
    ['Built the scoring services behind the loan approval app.', true],
    ['Ran our prediction service on Cloud Run with autoscaling.', true],
    ['Her prediction services for the weekend fixtures were popular with punters.', false],
  ]);
});

describe('software named by a quality its engineering gives it, and release practices', () => {
  casesOfSkill('software-engineering', [
    ['Turned the lab notebooks into reliable software the clinic could run itself.', true],
    ['Kept the checkout API well tested and documented.', true],
    ['Put each new pricing model through a shadow deployment for a week.', true],
    ['Split the booking monolith into four services behind a gateway.', true],
    ['Wrote and maintained the company SDK for partner integrations.', true],
    ['Called the maps SDK from the delivery app.', false],
    ['Maintainer of an open-source package for tide predictions.', true],
    ['Rewrote the hot path of the matching engine in Rust.', true],
    ['Refactored the import scripts into testable code.', true],
    ['A dough recipe well tested in four bakeries.', false],
    ['Known for reliable service at the front desk.', false],
    // The shape of a software system, and the fundamentals asked of those who write it.
    ['Owned the system architecture of the ticketing platform and its public APIs.', true],
    ['Laid out the power system architecture for a solar farm.', false],
    ['Drew the system architecture of an FPGA-based camera board.', false],
    ['Strong engineering fundamentals in Python and Java.', true],
    ['Sound thermal engineering fundamentals for heat-exchanger design.', false],
    // Software built to keep running through failures.
    ['Made the booking service fault-tolerant across two regions.', true],
    ['Designed fault-tolerant flight control hardware for drones.', false],
  ]);
});

describe('open phrasings of time management: work carried at once, kept to its dates', () => {
  casesOfSkill('time-management', [
    ['Rolled out the new rota system in March, as scheduled.', true],
    ['The nightly backup ran as scheduled.', false],
    ['Fitted the survey fieldwork around the harvest schedule of each village.', true],
    ['Sequenced the site visits against the contractor schedule.', true],
    ['Retimed the ingestion jobs around the cron schedule.', false],
    ['Phased the clinic migrations against an agreed timetable with each practice.', true],
    ['Looked up the train timetables for the site visits.', false],
    ['Juggle two client retainers and a part-time MBA.', true],
    ['Taught circus skills at weekends: juggling with clubs and balls.', false],
    ['Juggled the audit and two tenders without dropping the ball.', true],
    ['Carried three audit engagements in parallel through the spring.', true],
    ['Scoring requests are served concurrently by four workers.', false],
    ['Kept the warehouse rollout on track through two supplier delays.', true],
    ['Footfall is on track to double by the summer.', false],
    ['Handed the survey report over three days early.', true],
    ['Never missed a go-live date across six store openings.', true],
    ['Predicted delivery dates for 40,000 parcels a day with gradient boosting.', false],
    ['Handed every quarterly filing to the regulator on time.', true],
    ['The night bus rarely runs on time.', false],
    ['Good at multitasking when three shops call at once.', true],
    ['Trained multi-task models for intent and slot filling.', false],
    ['Ported the multitasking kernel to a new board.', false],
    ['Highly organised, with a habit of writing the week down on Monday.', true],
    ['Turned round legal translations to tight timescales.', true],
    ['Offered a next-day turnaround on every customs query.', true],
    ['Expected to manage your own workload from the first week.', true],
    ['Finished the diploma while working part-time in a bakery.', true],
    ['Juggling conflicting priorities from two site managers.', true],
    ['Balanced a part-time barista job with a full-time engineering degree.', true],
    ['Configured load balancing across three web servers.', false],
    ['Balanced the classes in the training data by undersampling.', false],
    ['Ran four simultaneous client projects for a design studio.', true],
    ['The gateway holds 5,000 concurrent connections from mobile clients.', false],
    ['Wrote deadline-aware scheduling for the batch jobs of a shared cluster.', false],
    ['Always punctual, including for the early hospital rounds.', true],
    ['Modelled the punctuality of regional trains from delay logs.', false],
    ['Managed a varied workload across three clinics.', true],
    ['Managed the GPU workload of the training cluster.', false],
    ['Stays calm and works well under pressure.', true],
    ['Kept the pipes under pressure during the leak test.', false],
    ['Delivered on every commitment made to the board.', true],
    ['A long-term commitment to open source.', false],
    ['Finished the archive migration within the agreed timeframe.', true],
    ['Forecasts sales over a three-month time frame.', false],
    ['Managed the production schedule for three product lines.', true],
    ['Changed the cron schedule of the nightly batch job.', false],
    ['They plan their own week around the lab bookings.', true],
    ['You will plan your own quarter with your manager.', true],
    ['I manage my own calendar across two research groups.', true],
    ['Answers supplier queries in a timely manner.', true],
    ['The dashboard gives timely insight into stock levels.', false],
    ['Our squad met its sprint goals in eleven of twelve iterations.', true],
    ['Ran multiple workstreams for the museum relaunch.', true],
    ['Owned the billing workstream of the migration.', false],
    ['Rebuilt the payroll system and delivered to plan.', true],
    ['Wrote a small tool to plan delivery routes.', false],
    ['Handed in the thesis on the date agreed with my supervisor.', true],
    ['The agreed date for the workshop is in May.', false],
    ['Weighed competing requests from the three shop managers.', true],
    ['Completed the diploma alongside a full-time role at the library.', true],
    ['Used to estimate effort for each ticket before the sprint.', true],
    ['Published the release timetable for the three apps.', true],
    ['Hit every release date of the banking app for two years.', true],
    ['Moved the archive to the cloud on a tight schedule.', true],
    ['Imputed missing release dates in the film catalogue before training.', false],
    // Submitting work before its deadline is the skill; an application's deadline is not.
    ['Submitted every ethics report a week before the deadline.', true],
    ['Submit your application via the portal before the deadline.', false],
    ['Finished the audit within the two-week window the regulator set.', true],
    ['Completed the churn model with features from a 30-day sliding window.', false],
  ]);
});

describe('open phrasings of business knowledge: how a business earns, and an industry known from the inside', () => {
  casesOfSkill('business-knowledge', [
    ['Sized the market for a bike-leasing offer with the finance lead.', true],
    ['Turned the buyers\' business questions into weekly reports.', true],
    ['Knows how a reinsurer makes money on catastrophe cover.', true],
    ['Lifted the checkout conversion rate by three points.', true],
    ['Eight years in grocery e-commerce, most of them on search.', true],
    ['Deep knowledge of the insurance business.', true],
    ['Good understanding of the energy market and its tariffs.', true],
    ['Three years of experience in the travel industry.', true],
    ['Occupation: Claims analyst\nBusiness or sector: Logistics', true],
    ['Two years of experience in legal tech, on contract review.', true],
    ['Good understanding of electricity markets and balancing.', true],
    ['Built a price forecaster for power markets.', false],
    ['Built shelf-scanning software for retail and logistics clients over five years.', false],
    ['Closed a two-year deal with a regional bank for our fraud model.', false],
    ['Presented the quarterly demand forecast to the executive team.', true],
    ['Built the cross-sell model for the bank\'s card customers.', true],
    ['Made sure each model brought measurable value to the business.', true],
    // The leaders of a technical function are an audience of engineers, not of the business.
    ['Walked the engineering leadership team through the new evaluation harness.', false],
    ['Gave a monthly update on GPU usage to the research leadership team.', false],
    // Results turned into what the business should do.
    ['Turned the survey findings into business recommendations for the buying team.', true],
    // Results presented or explained to a chief officer; the title alone shows nothing.
    ['Explained the churn forecast to the COO before every budget round.', true],
    ['Reported directly to the CEO of a 30-person agency.', false],
    ['Presented the demand forecast to senior management every month.', true],
    ['Took a senior leadership role in a 40-person engineering group.', false],
    // Where a business would use a technique, or why a piece of work pays.
    ['Mapped business use cases for document OCR with two insurers.', true],
    ['Wrote the business case for moving payroll in-house.', true],
  ]);
});

describe('speech work named by what it builds is audio and speech; hate speech and free speech are not', () => {
  casesOfSkill('audio-speech', [
    ['Four years shipping speech technology for contact centres.', true],
    ['Led the team behind our in-car voice AI.', true],
    ['Built search or speech products used by millions.', true],
    ['Scored children\'s pronunciation from their recordings (pronunciation assessment).', true],
    ['Trained classifiers for a hate speech system on forum posts.', false],
    ['Wrote a report on free speech products for a policy think tank.', false],
  ]);
});

describe('money the work saved or brought in is business knowledge', () => {
  casesOfSkill('business-knowledge', [
    // A sum of money after a verb of saving, bringing in or worth, with whom it was for between.
    ['Automated invoice matching, saving the finance office about £250k a year.', true],
    ['The routing change generated an extra $90k of bookings in its first quarter.', true],
    ['A forecasting fix worth roughly €600k annually to the warehouse network.', true],
    ['Saves 1.5 million euros a year in spoiled stock.', true],
    ['Reduced freight claims by about CHF 3 million a year with a new packing rule.', true],
    ['Cut query latency by 40 ms for the search page.', false],
    // A number that is no money, and money that is pay or a perk.
    ['Saved 12 hours a week of manual labelling for the annotators.', false],
    ['Won a travel stipend worth $1,500 to attend NeurIPS.', false],
    // A cost cut alone is an engineering result; the advice on the gap quotes it (below).
    ['Trimmed GPU costs by a quarter by batching requests.', false],
  ]);
});

describe('experiments on a product and its users are idea iteration; research experiments are not', () => {
  casesOfSkill('idea-iteration', [
    ['Ran six experiments on the signup flow and kept two of the changes.', true],
    ['Set up experimentation for push notifications across the app.', true],
    ['Ran ablation experiments on the encoder layers.', false],
    ['Ran wet-lab experiments on yeast cells for my thesis.', false],
    ['Planned experiments on the beam line at the synchrotron.', false],
    // "production" shares a stem with "product": numerical and simulation experiments stay research.
    ['Ran thousands of numerical experiments on the production cluster.', false],
    ['Designed simulation experiments for the product launch of a flight controller.', false],
    ['Brought rapid experimentation to a bank that shipped twice a year.', true],
    ['Introduced hypothesis-driven development to the loyalty squad.', true],
  ]);
});

describe('data cleaned or joined, with words between', () => {
  casesOfSkill('data-science', [
    ['Deduplicated and reconciled supplier invoice data every quarter.', true],
    ['Cleansed the river gauge data before the flood study.', true],
    ['Joined the data team of a regional bus company as its second hire.', false],
    ['Analysed the ward admission data to plan bed capacity.', true],
    ['Carried out the analysis of the rainfall data for the county council.', true],
    // "of", "the", "a", "and", "or" do not use up the four words.
    ['Explored nine years of the ward data.', true],
    ['Curated a 12,000-photo dataset of bird calls and nests.', true],
    ['Joined a team of nine whose data came from farms.', false],
  ]);
});

describe('records, logs or tables cleaned; features made for a model', () => {
  casesOfSkill('data-science', [
    ['Deduplicated the patient records from four clinics.', true],
    ['Cleaned the weather station logs before fitting the demand model.', true],
    ['Cleaned up old logs to free disk space on the build servers.', false],
    ['Derived forty features from the smart-meter readings.', true],
    ['Engineered new features for the mobile banking app with the design team.', false],
  ]);
});

describe('named methods and models of the mathematical skills', () => {
  casesOfSkills([
    ['Registered the two scans with the Kabsch algorithm.', 'linear-algebra', true],
    ['Thermal modelling of the data-centre cooling loop.', 'physics', true],
    ['Thermal socks and a flask for the night shifts.', 'physics', false],
    ['Solved the diffusion equation by separation of variables.', 'calculus', true],
    ['Showed bootstrap confidence bands around every forecast.', 'statistics', true],
  ]);
});

describe('tenders costed and work fitted into fixed slots', () => {
  casesOfSkills([
    ['Priced tenders for the regional bus contracts.', 'business-knowledge', true],
    ['Accepted as legal tender in three countries.', 'business-knowledge', false],
    ['Planned the fieldwork around fixed boat slots.', 'time-management', true],
    ['Fixed the memory slot allocation in the scheduler.', 'time-management', false],
  ]);
});

describe('numerical optimisation and compensated summation are numerical analysis', () => {
  casesOfSkill('numerical-analysis', [
    ['Background in numerical optimisation: quasi-Newton methods and line searches.', true],
    ['Switched the loss accumulation to Kahan summation.', true],
    ['Kept the quantization noise of the 16-bit filter bank below the spec.', true],
    ['Measured the quantisation error of the int4 weights layer by layer.', true],
  ]);
});

describe('branches of mechanics are physics; gradients derived by hand are calculus', () => {
  casesOfSkills([
    ['Computed launch windows with astrodynamics tools I wrote myself.', 'physics', true],
    ['Derived the gradients of the pricing model analytically before coding them.', 'calculus', true],
    ['Derived the gradients of the hiking routes from the survey maps.', 'calculus', false],
  ]);
});

describe('a power analysis is statistics; an electrical one is not', () => {
  casesOfSkill('statistics', [
    ['Ran power analyses to size the survey waves.', true],
    ['Wrote the power analysis of the inverter losses.', false],
  ]);
});

describe('data processed as it arrives is a data pipeline under another name', () => {
  casesOfSkill('data-science', [
    ['Wrote the stream processing jobs that turn card swipes into fraud features.', true],
    ['Kept the telemetry data streams from 3,000 wind turbines flowing into the lake.', true],
  ]);
});

describe('two modifiers sharing one head', () => {
  it('the first modifier reads with the head after the second', async () => {
    expect(await presentSkills('Shipped vision and language models to phones.')).toEqual(expect.arrayContaining(['computer-vision', 'nlp']));
    expect(await presentSkills('Applied machine and deep learning to churn.')).toContain('neural-networks');
    expect(await presentSkills('Built image or video classification models for the archive.')).toContain('computer-vision');
    // A first word that is a term only with a verb before it ("data") does not stand on its own.
    expect(await presentSkills('Look after the data and model pipelines of the loyalty scheme.')).toContain('data-science');
  });

  it('a term that goes on through the conjunction, a term the first words make alone, and a determiner after the conjunction are left as they are', async () => {
    const ids = async (text: string) => (await analyzeText(text)).trace.mentions.map((m) => m.mention.term.entry.id);
    expect(await ids('Set the vision and strategy for the unit.')).toContain('vision-and-strategy');
    expect(await ids('Expert in Python and its tooling.')).toContain('python');
    expect(await presentSkills('Improved the vision and the language of our brochures.')).not.toContain('computer-vision');
  });
});

describe('a phrase never runs on across a blank line', () => {
  it('a phrase wrapped onto the next line matches; one split by a blank line does not', async () => {
    expect(await presentSkills('Known for good time\nmanagement on busy wards.')).toContain('time-management');
    expect(await presentSkills('Ward rota: time\n\nManagement of stock on busy wards.')).not.toContain('time-management');
  });
});

describe('whose mention it is', () => {
  const cv = async (text: string) => presentSkills(text, 'cv');
  const job = async (text: string) => presentSkills(`Requirements\n${text}`, 'job');

  it('an organisation named after a term is not the skill', async () => {
    expect(await cv('Account manager, Python Freight Ltd, Leeds (2019 – 2022)')).not.toContain('python');
  });

  it('a plural profession names other people', async () => {
    expect(await cv('Sat between the statisticians and the physicists on the trading floor, running their batch jobs.')).not.toEqual(expect.arrayContaining(['statistics', 'physics']));
    expect(await cv('Physicist by training; now writes simulation code.')).toContain('physics');
    expect(await cv('Kept the GPU queue healthy for the computer vision researchers.')).not.toContain('computer-vision');
    expect(await cv('Did the bookkeeping for a reinforcement learning start-up.')).not.toContain('reinforcement-learning');
    expect(await cv('Founded a reinforcement learning start-up and trained its first PPO agents.')).toContain('reinforcement-learning');
  });

  it('a team named after a skill is that team, unless the writer was in it', async () => {
    expect(await cv('Our embeddings came from the speech recognition team down the corridor.')).not.toContain('audio-speech');
    expect(await cv('Led the speech recognition team through two product launches.')).toContain('audio-speech');
  });

  it('work done by others, and another subject, are second-hand', async () => {
    expect(await cv('Deployed the ranking service; its gradient boosting models are trained by the data science team.')).not.toContain('learning-algorithms');
    expect(await cv('Supported the analysts (they fit XGBoost models every night) with storage and scheduling.')).not.toContain('learning-algorithms');
    expect(await cv('Trained XGBoost models for churn.')).toContain('learning-algorithms');
    expect(await cv('The billing engine was written in C++ by an outside consultancy team; I ran its releases.')).not.toContain('cpp');
    expect(await cv('Wrote the billing engine in C++ by myself in six months.')).toContain('cpp');
  });

  it('another group as subject: with an adverb between, with more verbs, and only up to where the candidate is addressed', async () => {
    expect(await job('- Python. Our statisticians mostly take care of the survival analysis.')).not.toContain('statistics');
    expect(await job('- SQL. Our research group publishes on reinforcement learning, but this post is about reporting.')).not.toContain('reinforcement-learning');
    const split = await job('- While our speech team owns the ASR models, you will work on the NLP that reads their transcripts.');
    expect([split.includes('audio-speech'), split.includes('nlp')]).toEqual([false, true]);
  });

  it('colleagues as subject, with where they sit between, did the work; the writer with them did not', async () => {
    expect(await cv('Colleagues in the imaging lab trained the segmentation models; I kept their GPU cluster running.')).not.toContain('computer-vision');
    expect(await cv('The analysts on the pricing team fit gradient boosting models; I scheduled their jobs.')).not.toContain('learning-algorithms');
    expect(await cv('My colleagues and I trained a segmentation model for retinal scans.')).toContain('computer-vision');
    expect(await cv('Led team that trained a segmentation model for retinal scans.')).toContain('computer-vision');
  });

  it('another party described by a clause after a comma did what the clause says', async () => {
    expect(await cv('Shared an office with the robotics group, who trained grasping policies with reinforcement learning; I wrote their billing reports.')).not.toContain('reinforcement-learning');
    expect(await cv('Supported the forecasting team, which builds gradient boosting models, with dashboards.')).not.toContain('learning-algorithms');
    expect(await cv('Headed the forecasting team, which builds gradient boosting models for demand.')).toContain('learning-algorithms');
    expect(await cv('Worked with the forecasting team and built gradient boosting models for demand.')).toContain('learning-algorithms');
  });

  it('actuaries, accountants and clinicians are professions too', async () => {
    expect(await cv('Built the claims warehouse for the pricing actuaries.')).not.toContain('business-knowledge');
    expect(await cv('Helped the hospital radiologists, who trained their own segmentation models, with storage.')).not.toContain('computer-vision');
  });

  it("a public body's name holds no skill of the writer's, unless the writer joined its unit", async () => {
    expect(await cv('Receptionist at the Bureau of Labor Statistics for two years.')).not.toContain('statistics');
    expect(await cv('Web developer at the Central Statistics Office in Cork.')).not.toContain('statistics');
    expect(await cv('Joined the Office of Data Science to build its feature pipelines.')).toContain('data-science');
  });

  it('a supporting role or task around a technical thing is not the thing', async () => {
    expect(await cv('Paralegal for a speech recognition company, drafting supplier contracts.')).not.toContain('audio-speech');
    expect(await cv('Worked as an account manager for a computer vision platform used by farms.')).not.toContain('computer-vision');
    expect(await cv('Wrote the user guides for the analytics team\'s gradient boosting toolkit.')).not.toContain('learning-algorithms');
    // Domain words are not roles, and a role named as someone else's leaves the writer's work alone.
    expect(await cv('Built a marketing attribution model with gradient boosting.')).toContain('learning-algorithms');
    expect(await cv('Helped the sales director fit gradient boosting models to renewal data.')).toContain('learning-algorithms');
  });

  it('shadowing others at their work is watching it', async () => {
    expect(await cv('Shadowed the speech team during a fortnight of ASR model training.')).not.toContain('audio-speech');
  });

  it("the writer's manager or supervisor as subject, and a party after a relative 'which', did the work", async () => {
    expect(await cv('My line manager designed the segmentation models; I packaged them for release.')).not.toContain('computer-vision');
    expect(await cv('My PhD advisor works on speech recognition, my thesis was on compilers.')).not.toContain('audio-speech');
    expect(await cv('Maintained the cluster on which the research group trained its reinforcement learning agents.')).not.toContain('reinforcement-learning');
    expect(await cv('Designed the segmentation models with my manager.')).toContain('computer-vision');
  });

  it('prototyping is a doing another subject carries out', async () => {
    expect(await cv('Our researchers prototype every model in Python; I port them to Go services.')).not.toContain('python');
  });

  it("an organisation's own things in a relative clause are the organisation's", async () => {
    expect(await cv('Ran the data warehouse of a start-up whose app translates speech to text for call centres.')).not.toContain('audio-speech');
    expect(await cv('Joined a retailer whose customers upload photos; built the image classification models that tag them.')).toContain('computer-vision');
    // "that" or "which" after an organisation: its doing, unless the writer founded or ran it, or speaks in the clause.
    expect(await cv('Joined a logistics start-up that grew revenue fivefold in three years.')).not.toContain('business-knowledge');
    expect(await cv('Worked for a firm which sells speech recognition to hospitals, on its payroll system.')).not.toContain('audio-speech');
    expect(await cv('Co-founded a start-up that built speech recognition for hospitals.')).toContain('audio-speech');
    expect(await cv('Moved to an insurer which let me write Python every day.')).toContain('python');
  });

  it("in a job ad, work for or behind the company's product leaves the product's field unasked", async () => {
    expect(await job('- Build the billing backend for our speech recognition product.')).not.toContain('audio-speech');
    expect(await job('- Maintain the data pipelines behind our NLP solutions.')).not.toContain('nlp');
    expect(await job('- Take part in the development of our speech recognition products.')).toContain('audio-speech');
    expect(await job('- Work closely with our NLP product team on evaluation.')).toContain('nlp');
  });

  /** The skills a job ad shows when the line follows a requirements list, not in its intro. */
  const afterRequirements = async (line: string): Promise<string[]> => presentSkills(`Requirements\n- Three years of Python.\n\n${line}`, 'job');

  it("in a job ad, the company's own platform or product as subject describes the company", async () => {
    const split = await job('- Our platform already uses computer vision to read receipts; you will build the NLP models that sort them.');
    expect([split.includes('computer-vision'), split.includes('nlp')]).toEqual([false, true]);
    expect(await job('- Our pricing engine runs on gradient boosting models.')).not.toContain('learning-algorithms');
    expect(await job('- You will extend our pricing engine with gradient boosting models.')).toContain('learning-algorithms');
  });

  it("in a job ad, any thing of the company's said to rest on something or to be something describes the company", async () => {
    expect(await afterRequirements('Our parcel routing relies on reinforcement learning.')).not.toContain('reinforcement-learning');
    expect(await afterRequirements('Our onboarding process is built on close collaboration with mentors.')).not.toContain('collaboration');
    expect(await afterRequirements("The company's main app is a computer vision tool for dermatologists.")).not.toContain('computer-vision');
    // The person sought is no thing of the company's.
    expect(await afterRequirements('Our next colleague is a reinforcement learning practitioner.')).toContain('reinforcement-learning');
  });

  it('in a job ad, a sentence describing an organisation by what it is describes the company, wherever it stands', async () => {
    expect(await afterRequirements('Harrowgate Analytics is a profitable scale-up with a loyal customer base and rising revenue.')).not.toContain('business-knowledge');
    expect(await afterRequirements('Since 2019, Pellucid is the leading maker of speech recognition headsets for call centres.')).not.toContain('audio-speech');
    expect(await afterRequirements('Established in Leeds, Corvid Systems is a research lab focused on reinforcement learning for logistics.')).not.toContain('reinforcement-learning');
    // The same sentence shape that speaks to the candidate still asks for what it names.
    expect(await afterRequirements('Pellucid is a company where you will train speech recognition models.')).toContain('audio-speech');
    expect(await afterRequirements('The ideal candidate is a statistician at heart.')).toContain('statistics');
  });

  it("in a job ad, the company's own things named in a sentence that says nothing to the candidate are the company's, wherever it stands", async () => {
    expect(await afterRequirements('Hospitals across Spain rely on our speech recognition service every night.')).not.toContain('audio-speech');
    expect(await afterRequirements('Last quarter our recurring revenue grew by half.')).not.toContain('business-knowledge');
    expect(await afterRequirements('Flexible working hours let you plan your own day around the school run.')).not.toContain('time-management');
    expect(await afterRequirements('Set up by three former computer vision researchers, the firm now has 60 staff.')).not.toContain('computer-vision');
    // Said to the candidate, the same words ask for the skill; so does a duty in a list, "you" or not.
    expect(await afterRequirements('You will extend our speech recognition service to Catalan.')).toContain('audio-speech');
    expect(await presentSkills('Responsibilities\n- Port our speech recognition service to Catalan.', 'job')).toContain('audio-speech');
    // An order under a heading of duties is one, its bullet lost (as PDFs print lists) or never typed.
    expect(await presentSkills('Responsibilities\nPort our speech recognition service to Catalan\nAnswer the support queue', 'job')).toContain('audio-speech');
    expect(await presentSkills('Responsibilities\nOur speech recognition service started as a hackathon project.', 'job')).not.toContain('audio-speech');
  });

  it('a talk attended or a course audited is not the skill', async () => {
    expect(await cv('Attended a workshop on reinforcement learning for robotics at a summer school.')).not.toContain('reinforcement-learning');
    expect(await cv('Audited a course on computer vision (lectures only).')).not.toContain('computer-vision');
  });

  it('a clause of the writer\'s own after what was attended is work done', async () => {
    expect(await cv('Shadowed two pharmacists, then wrote a scikit-learn dosing classifier.')).toContain('learning-algorithms');
    expect(await cv('Showed dispatchers the first draft, watched them work, and iterated.')).toContain('idea-iteration');
    expect(await cv('Watched a recorded lecture series on reinforcement learning.')).not.toContain('reinforcement-learning');
  });

  it('selling a product is not building it', async () => {
    expect(await cv('Sold the vendor’s speech recognition platform to three hospital groups.')).not.toContain('audio-speech');
    expect(await cv('Built a speech recognition pipeline for call transcripts.')).toContain('audio-speech');
  });

  it('a later clause where the writer denies the work takes back the mention before it', async () => {
    expect(await cv('Reinforcement learning: our lab tried it for scheduling, but I have never trained an RL agent myself.')).not.toContain('reinforcement-learning');
    // A denial that names another skill leaves this one alone.
    expect(await cv('Wrote the scheduler in Python, and I have never used C++.')).toContain('python');
  });

  it("a learner's cue covers the rest of its clause", async () => {
    expect(await acceptedTerms('Currently learning Rust with the official book on Rust and Cargo.')).not.toContain('rust-language:normal');
    expect(await presentSkills('Would love to learn reinforcement learning one day.')).not.toContain('reinforcement-learning');
  });

  it('a course under way is learning, not the skill', async () => {
    expect(await presentSkills('At the moment I am doing an evening course on computer vision.')).not.toContain('computer-vision');
    expect(await presentSkills("I'm following a free class in natural language processing.")).not.toContain('nlp');
    // A course the writer gives or has finished is not one under way.
    expect(await presentSkills('Taught a course in statistics to first-year nurses for three years.')).toContain('statistics');
    // So is a course still to come.
    expect(await presentSkills('Reinforcement learning workshop booked for the autumn.')).not.toContain('reinforcement-learning');
    expect(await presentSkills('Computer vision module starting in January at the Open University.')).not.toContain('computer-vision');
  });

  it("a job ad's degree fields are not skill requirements; a skill after them still is", async () => {
    const skills = await job('A degree in economics, physics, statistics or a related subject, and fluency in Python.');
    expect(skills).not.toEqual(expect.arrayContaining(['physics', 'statistics']));
    expect(skills).toContain('python');
  });

  it('degree fields given as examples ("e.g.", "such as") are fields too', async () => {
    const eg = await job('- A first degree in a numerate subject (e.g. physics, statistics, engineering).');
    expect(eg).not.toEqual(expect.arrayContaining(['physics']));
    expect(eg).not.toEqual(expect.arrayContaining(['statistics']));
    expect(await job('- A PhD in a natural science such as chemistry or physics.')).not.toContain('physics');
  });

  it('a degree named in the term is a field when fields follow it, up to an equivalent experience', async () => {
    expect(await job('- A PhD in physics, oceanography or a related field, or equivalent industry experience.')).not.toContain('physics');
    expect(await cv('PhD in physics (Leeds, 2019), thesis on plasma turbulence.')).toContain('physics');
  });

  it('degree fields after the experience asked beside the degree are fields too', async () => {
    const skills = await job('- MSc, or a BSc with 2+ years of experience, in geography, physics, statistics or a similar field.');
    expect(skills).not.toEqual(expect.arrayContaining(['physics']));
    expect(skills).not.toEqual(expect.arrayContaining(['statistics']));
  });

  it("a job ad's untitled intro in the company's voice asks for nothing", async () => {
    const text = 'We are a small studio whose recommendation engine runs on PyTorch.\n\nRequirements\n- Three years of Python.';
    const skills = await presentSkills(text, 'job');
    expect(skills).toContain('python');
    expect(skills).not.toContain('neural-networks');
  });

  it("under a heading about the role, a prose sentence in the company's voice sets the scene; the role's duties there still count", async () => {
    const scene = 'About the Role\nAt Ferrowick, we bring speech recognition and forecasting to freight brokers across Europe.\n\nRequirements\n- Three years of Python.';
    const skills = await presentSkills(scene, 'job');
    expect(skills).toContain('python');
    expect(skills).not.toContain('audio-speech');
    // An order, a list item or a sentence to the candidate under the same heading is the post's.
    for (const duty of ['About the Role\nBuild the speech recognition models behind our freight assistant.', 'About the Role\n- We train speech recognition models for freight brokers.', 'About the Role\nYou will train speech recognition models for our freight assistant.']) {
      expect(await presentSkills(duty, 'job')).toContain('audio-speech');
    }
  });

  it('a job ad naming the tools the company works with, asking nothing, describes the house', async () => {
    expect(await presentSkills('Requirements\n- Happy in several languages. Across our services we mostly use Kotlin and Python.', 'job')).not.toContain('python');
    expect(await presentSkills('What you need\n- Solid SQL. We also rely on PyTorch for the ranking models.', 'job')).not.toContain('neural-networks');
    // So does a sentence opening with the company's people as subject, in any section, said to no one.
    expect(await presentSkills('Requirements\n- Clear writer. Our squads hand over releases against tight deadlines every week.', 'job')).not.toContain('time-management');
    expect(await presentSkills('Requirements\n- You keep a calendar. We prototype every feature with two clinics first.', 'job')).not.toContain('idea-iteration');
    expect(await presentSkills('Requirements\n- We expect you to meet tight deadlines without drama.', 'job')).toContain('time-management');
    // Said to the candidate, the same tools are asked for.
    expect(await presentSkills('Requirements\n- We use Python for everything, so you will need three years of it.', 'job')).toContain('python');
  });

  it("a job ad's culture and what it encourages describe the company; a culture the candidate builds is a duty", async () => {
    const culture = 'Requirements\n- Python.\n\nWhy join\nWe have grown a culture that rewards fast career growth and frequent chances to prototype new product features.';
    expect(await presentSkills(culture, 'job')).not.toContain('idea-iteration');
    expect(await presentSkills('Requirements\n- Python.\n- Our culture of A/B testing runs deep, and you will love it here.', 'job')).not.toContain('idea-iteration');
    expect(await presentSkills('Responsibilities\n- You will build a culture that encourages A/B testing across product teams.', 'job')).toContain('idea-iteration');
  });

  it('a job ad telling what a colleague once did names their skill, not the post\'s', async () => {
    const told = 'Requirements\n- Python and SQL.\n- To give one example, a team member recently applied random forests to flag late invoices.';
    expect(await presentSkills(told, 'job')).not.toContain('learning-algorithms');
    expect(await presentSkills('Requirements\n- Python and SQL.\n- Our employees mostly use gradient boosting for pricing.', 'job')).not.toContain('learning-algorithms');
    expect(await presentSkills('Requirements\n- Python and SQL; you will apply random forests to flag late invoices.', 'job')).toContain('learning-algorithms');
  });

  it("a job ad's plain denial of a field wins over the company's work in it", async () => {
    const ad = 'Responsibilities\n- Build tools for our speech recognition and video products.\n\nRequirements\n- Python.\n- Knowledge of speech processing is not something we require.';
    expect(await presentSkills(ad, 'job')).not.toContain('audio-speech');
    // A denial about one technology leaves the field's other requirements alone.
    const other = 'Requirements\n- End-to-end tests for every feature.\n- Our backend services are in Java, but you will not need to write them.';
    expect(await presentSkills(other, 'job')).toContain('software-engineering');
  });

  it('a field listed beside fields the job ad denies by name is one of the areas the work touches, not asked for', async () => {
    const ad = [
      'Responsibilities',
      '- Use neural networks in PyTorch (for example computer vision, NLP or speech processing) to clean up podcast recordings.',
      '',
      'Requirements',
      '- Python.',
      '- We do not require computer vision or speech processing know-how.',
    ].join('\n');
    const present = await presentSkills(ad, 'job');
    expect(present).not.toContain('nlp');
    expect(present).not.toContain('computer-vision');
    // A method of the field, and the same field asked for in a sentence of its own, still count.
    expect(await presentSkills(`${ad}\n- Experience fine-tuning named entity recognition models.`, 'job')).toContain('nlp');
    expect(await presentSkills(ad.replace('- Python.', '- Python and NLP.'), 'job')).toContain('nlp');
  });

  it("in a job ad, people named by their profession are the candidate's colleagues, unless they are the people sought or led", async () => {
    expect(await job('- You will build the dashboards our reinforcement learning researchers use to compare runs.')).not.toContain('reinforcement-learning');
    expect(await job('- We are hiring two senior reinforcement learning engineers for the robotics lab.')).toContain('reinforcement-learning');
    expect(await job('- You will manage our reinforcement learning engineers and own their roadmap.')).toContain('reinforcement-learning');
  });

  it("in a job ad, a team the candidate works with is beside the post, not its field; a team joined is", async () => {
    expect(await job('- Partner with the reinforcement learning group on the dashboards for the warehouse robots.')).not.toContain('reinforcement-learning');
    expect(await job('- You will sit alongside our Speech Recognition team and build the labelling tools.')).not.toContain('audio-speech');
    expect(await job('- You will join the reinforcement learning group and train policies for the robots.')).toContain('reinforcement-learning');
    // A team's make-up is no field: working with cross-functional teams is collaboration.
    expect(await job('- Two years of experience with cross-functional teams.')).toContain('collaboration');
  });

  it('a team named as the one that built it ("built by the X team") is second-hand, and the writer was not in it', async () => {
    expect(await cv('Maintained the upload service; its tagging models are built by a separate computer vision team in Lyon.')).not.toContain('computer-vision');
    expect(await cv('Built the computer vision team from two people to nine.')).toContain('computer-vision');
  });

  it("a job ad's terms of employment (pay, benefits, equal opportunity) ask for nothing", async () => {
    const ad = 'Requirements\n- Python for data pipelines.\n\nYour place in the salary range reflects business needs and comparable data science roles in the region.';
    const skills = await presentSkills(ad, 'job');
    expect(skills).toContain('python');
    expect(skills).not.toEqual(expect.arrayContaining(['business-knowledge']));
    expect(await job('- Solid grasp of business metrics such as churn and revenue.')).toContain('business-knowledge');
  });

  it('a preference for a skill among alternatives welcomes it', async () => {
    expect(await requirementIn('Requirements\n- Three years with a typed language, with a strong preference for Go; Python for tooling.', 'python')).toBe('required');
    expect(await requirementIn('Requirements\n- Production experience in any backend language, with a preference for C++.', 'cpp')).toBe('preferred');
  });

  it("a title naming the company's current stack describes the company; a sentence opening with its name and a verb of its results does too", async () => {
    const ad = 'Requirements\n- Go services in production\n\nOur Current Tech Stack\n- Backend: Python, Celery and Postgres';
    expect(detectSections(ad).map((s) => s.kind)).toEqual(['requirements', 'about-company']);
    expect(await presentSkills(ad, 'job')).not.toContain('python');
    const intro = 'Tillbrook lowers the cost of claims handling and improves revenue recovery for insurers.\n\nRequirements\n- Go and Postgres';
    expect(await presentSkills(intro, 'job')).not.toContain('business-knowledge');
  });

  it("the employer's commitment to diversity and inclusion, asked of everyone, asks for no skill", async () => {
    expect(await job('Every colleague is expected to champion diversity across departments and partner teams.')).not.toContain('collaboration');
    expect(await job('- We foster an inclusive workplace where stakeholders from every background are heard.')).not.toContain('business-knowledge');
    // Helping a team is still collaboration when no such commitment is meant.
    expect(await job('- Support the claims department with weekly fraud reports.')).toContain('collaboration');
  });

  it("where and when the work is done (office days, hybrid policy, relocation, visas) asks for nothing", async () => {
    expect(await job('- The post means three days a week at our Bristol office, more when stakeholder reviews call for it.')).not.toContain('business-knowledge');
    expect(await job('- Hybrid working policy: the schedule follows product roadmap deadlines.')).not.toContain('time-management');
    expect(await job('- We offer visa sponsorship and help with revenue-sharing questions.')).not.toContain('business-knowledge');
    // The same words outside such a sentence still ask for the skill.
    expect(await job('- Run the quarterly reviews with stakeholders from finance and sales.')).toContain('business-knowledge');
  });

  it('learning offered as a benefit (a budget, free tickets, study time, a reading group) asks for nothing', async () => {
    expect(await job('- You get a yearly training budget for courses in computer vision.')).not.toContain('computer-vision');
    expect(await job('- Free tickets to speech and audio conferences every year.')).not.toContain('audio-speech');
    expect(await job('- Protected time on Fridays to study reinforcement learning papers.')).not.toContain('reinforcement-learning');
    expect(await job('- Route support tickets to the right queue with NLP models.')).toContain('nlp');
  });

  it('how candidates are selected asks for nothing', async () => {
    expect(await job('The selection process ends with a pair-programming session with two engineers.')).not.toContain('collaboration');
    expect(await job('Our interviews include a short code review exercise.')).not.toContain('software-engineering');
    // Two steps sharing one process.
    expect(await job('Shortlisted people enter a selection and assessment process, meeting the hiring manager alongside future teammates.')).not.toContain('collaboration');
    expect(await job('During the interview or onboarding process you will pair with two engineers on a small task.')).not.toContain('collaboration');
    expect(await job('- Work alongside our product designers on the onboarding flow.')).toContain('collaboration');
    expect(await job('- Review pull requests and keep the code review turnaround short.')).toContain('software-engineering');
  });

  it("a chief officer's title names a person, not the business", async () => {
    expect(await job('You will report to our Chief Revenue Officer.')).not.toContain('business-knowledge');
    expect(await job('- Present the churn forecast to the Chief Revenue Officer each quarter.')).toContain('business-knowledge');
  });

  it('a team that owns a skill in a job ad does not make it a requirement', async () => {
    expect(await job('- Speech models are owned by the audio team, so that work is not part of this role.')).not.toContain('audio-speech');
    expect(await job('- Knowledge of reinforcement learning is not something we require.')).not.toContain('reinforcement-learning');
  });
});

describe('section structure and requirement scope', () => {
  it('a heading-shaped line with unknown words ends a company description, not an experience section', () => {
    const ad = 'About us\nWe sell kitchen robots.\n\nMEALS IN THE STUDIO\nLong lunches.\n\nYour toolbox:\n- Python\n- Docker';
    expect(detectSections(ad).map((s) => [s.title, s.kind])).toEqual([
      ['About us', 'about-company'],
      ['MEALS IN THE STUDIO', 'unknown'],
      ['Your toolbox', 'requirements'],
    ]);
    const cv = '## Experience\n\n### Data Engineer — Harbour Freight (2019–2023)\n- Built the pipelines.\n\n## Skills\nPython';
    expect(detectSections(cv).map((s) => s.kind)).toEqual(['experience', 'skills']);
  });

  it('a wish said of the items under it, on a line or a list item of its own, makes them welcome', async () => {
    const ad = 'Requirements\n- Go and Postgres in production\n- Would be a big plus\n- Experience writing CUDA kernels in C++';
    expect(detectSections(ad).map((s) => [s.title, s.kind])).toEqual([
      ['Requirements', 'requirements'],
      ['Would be a big plus', 'preferred'],
    ]);
    expect(await requirementIn(ad, 'cpp')).toBe('preferred');
    // A skill the item itself welcomes speaks for that item only.
    expect(detectSections('Requirements\n- Rust a plus\n- Five years of C++').map((s) => s.kind)).toEqual(['requirements']);
  });

  it('a title asking what the candidate gets heads the offer', () => {
    expect(detectSections('Requirements\n- Go\n\nWHAT DO YOU GET OUT OF THIS?\n- Collaboration with industry leaders').map((s) => s.kind)).toEqual(['requirements', 'benefits']);
  });

  it('a title giving the overview of the name the next paragraph opens with is the company describing itself', async () => {
    const ad = 'Quillmark Overview:\nQuillmark helps dentists bill faster and grow revenue.\n\nWhat you will do:\n- Build the claims classifier in Python.';
    expect(detectSections(ad).map((s) => [s.title, s.kind])).toEqual([
      ['Quillmark Overview', 'about-company'],
      ['What you will do', 'responsibilities'],
    ]);
    expect(await presentSkills(ad, 'job')).not.toContain('business-knowledge');
    // A CV's overview of a career is no company's.
    const cv = 'Career Overview:\nEight years of forecasting for retailers, with pricing models in Python.\n\nExperience\n- Analyst, Tillford (2019-2024)';
    expect(detectSections(cv)[0]?.kind).not.toBe('about-company');
  });

  it('a Markdown heading as deep as the one that opened a section is its sibling, whatever its words', async () => {
    const ad = '## Bonus points\n- Airflow\n\n## Life on the team\nFridays you pair with two data engineers on the week\'s incidents.';
    expect(detectSections(ad).map((s) => [s.title, s.kind])).toEqual([
      ['Bonus points', 'preferred'],
      ['Life on the team', 'unknown'],
    ]);
    const { analysis } = await analyzeText(ad, 'job');
    expect(analysis.skills.find((s) => s.id === 'collaboration')?.requirement).toBe('required');
    // A sibling heading whose words are known takes its own kind.
    expect(detectSections('#### Education\n- BSc Geography\n\n#### Job Experience\n- Shop assistant').map((s) => s.kind)).toEqual(['education', 'experience']);
    // A deeper heading is an entry or a group inside the section, which goes on.
    // A careers page's list of its other openings is page furniture.
    expect(detectSections('Requirements\n- Kotlin\n\nOther open roles\n- Computer Vision Engineer').map((s) => s.kind)).toEqual(['requirements', 'other-jobs']);
    // A LinkedIn export's "Top Skills" over its list is a skills list.
    expect(detectSections('Contact\nwww.example.com/in/someone\nTop Skills\nKotlin\nSQL').map((s) => s.kind)).toEqual(['contact', 'skills']);
    const cv = '## Experience\n\n### Lab Technician — Corvid Bio (2018–2021)\n- Ran the assays.';
    expect(detectSections(cv).map((s) => s.kind)).toEqual(['experience']);
  });

  it('a title that says who would fit the post heads its requirements', () => {
    const need = 'We make ferry timetables.\n\nWhat you will need\n- Kotlin\n\nWhat you will do\n- Ship the app\n\nWhat we look for\n- Calm';
    expect(detectSections(need).map((s) => s.kind)).toEqual(['requirements', 'responsibilities', 'requirements']);
    for (const title of ["You'll be a strong match if you:", 'You will thrive in this job if you', 'This position is for you if:', 'Sounds like you:']) {
      const ad = `We make ferry timetables.\n\n${title}\n- Know Kotlin\n- Have shipped Android apps`;
      expect(detectSections(ad).map((s) => s.kind)).toEqual(['requirements']);
    }
  });

  it('an ad written with emoji bullets and prose under its titles keeps its requirements out of the company description', async () => {
    const ad = [
      'Who we are',
      'We run a bike-sharing network in six cities.',
      '',
      'What you will work on 🔧',
      'You will build the demand forecasts that move bikes overnight, in Python.',
      '',
      'You may be a great fit if...',
      '✔️ you have trained gradient boosting models',
      '🌟 you have written production services with tests and code review',
    ].join('\n');
    expect(await presentSkills(ad, 'job')).toEqual(expect.arrayContaining(['python', 'learning-algorithms', 'software-engineering']));
  });

  it('a numbered list of tasks is a list: an item naming the company\'s people is still a duty', async () => {
    const ad = [
      'Fenwick Rail builds signalling software for regional lines.',
      '',
      'Your tasks',
      '1. Maintenance of the timetable services in Java',
      '2. Close cooperation with our dispatchers and the safety department',
      '',
      'Your profile',
      '1. Several years with Python',
    ].join('\n');
    expect(detectSections(normaliseText(ad)).map((s) => s.kind)).toEqual(['responsibilities', 'requirements']);
    expect(await presentSkills(ad, 'job')).toContain('collaboration');
  });

  it('a hobby under a title of free time shows no skill on its own', async () => {
    const cv = 'Experience\n- Wrote payroll software in Java\n\nOff the clock\n- Training reinforcement learning agents to play chess';
    expect(await presentSkills(cv, 'cv')).not.toContain('reinforcement-learning');
  });

  it('what a job ad will teach asks for nothing', async () => {
    const ad = 'Requirements\n- Three years of Go\n\nWhat you will learn\n- Speech recognition from our audio team';
    expect(await presentSkills(ad, 'job')).not.toContain('audio-speech');
  });

  it("other postings listed on a job's page ask for nothing", async () => {
    const page = 'Backend Engineer\n\nRequirements\n- Three years of Go\n\nYou may also like\nSpeech Recognition Engineer – Oslo\nComputer Vision Intern – Bergen';
    const skills = await presentSkills(page, 'job');
    expect([skills.includes('audio-speech'), skills.includes('computer-vision')]).toEqual([false, false]);
  });

  it('list intros inside run-together page copy start their sections where they stand', () => {
    const text = 'Join a small lab that builds farm robots and likes quiet offices. As a perception engineer, you will: - Calibrate stereo cameras - Write ROS nodes Bonus Skills: - CUDA - Rust What we offer: - A bike';
    const found = detectSections(text).map((s) => [s.kind, text.slice(s.start, s.start + 12)]);
    expect(found).toEqual([
      ['responsibilities', 'you will: - '],
      ['preferred', 'Bonus Skills'],
      ['benefits', 'we offer: - '],
    ]);
  });

  it('and in the same copy a PDF printed in a column, wrapped into lines of forty-odd characters', () => {
    const text = 'Join a small lab that builds farm robots.\nAs a perception engineer in the lab, you will: -\nCalibrate stereo cameras - Write ROS nodes\nBonus Skills: - CUDA - Rust What we\noffer: - A bike and a quiet office';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['responsibilities', 'preferred']);
  });

  it("a job board's fields about the post, each on a line of its own, are page furniture; an ad's own 'Employment type:' line is not a heading", async () => {
    const board = ['Requirements', '- Python and SQL', '', 'Seniority level', 'Associate', 'Employment type', 'Contract', 'Industries', 'Software Development', 'Job function', 'Information Technology'].join('\n');
    expect(detectSections(board).map((s) => s.kind)).toEqual(['requirements', 'job-details', 'job-details', 'job-details', 'job-details']);
    expect(await presentSkills(board, 'job')).not.toContain('software-engineering');
    const own = ['What we offer', '- Employment type: permanent, 37.5 hours', '', 'What you bring', '- Unit tests and code review as habits'].join('\n');
    expect(detectSections(own).map((s) => s.kind)).toEqual(['benefits', 'requirements']);
    expect(await presentSkills(own, 'job')).toContain('software-engineering');
  });

  it("a board's skill tags among its fields, and the hiring team it shows, are its fields too", async () => {
    const board = ['Requirements', '- Kotlin and Postgres', '', 'Employment type', 'Full-time', 'Skills', 'Computer Vision, Kotlin (Programming Language) +5 more', 'Meet the hiring team', 'Ola Brekke', 'Head of NLP at Fjordline'].join('\n');
    expect(detectSections(board).map((s) => s.kind)).toEqual(['requirements', 'job-details', 'job-details', 'job-details']);
    const present = await presentSkills(board, 'job');
    expect(present).not.toContain('computer-vision');
    expect(present).not.toContain('nlp');
    // Outside a board's fields, "Skills" heads the ad's own list.
    const own = ['About the role', 'You will run our forecasts.', '', 'Skills', 'Computer vision, Kotlin'].join('\n');
    expect(await presentSkills(own, 'job')).toContain('computer-vision');
  });

  it("a bare skills list under an ad names skills without making the ad's nice-to-haves required", async () => {
    const ad = ['Responsibilities', '- Keep the pricing service in Go healthy', '', 'Good to have:', '- Kafka, some PyTorch', '', 'Key Skills', 'Go, PyTorch, C++'].join('\n');
    const { analysis } = await analyzeText(ad, 'job');
    const requirement = (id: string): string | null | undefined => analysis.skills.find((s) => s.id === id)?.requirement;
    expect(requirement('neural-networks')).toBe('preferred');
    // A skill only the list names is still asked for.
    expect(requirement('cpp')).toBe('required');
  });

  it("a known label after a stop that opens a typed list heads the lines after it, not its line only", async () => {
    const text = 'About Us: a dairy co-op with 300\nmembers and two plants. Responsibilities: • Keep\nthe milk-yield forecasts in Python\nhealthy • Work with the vets on herd data';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'responsibilities']);
    expect(await presentSkills(text, 'job')).toContain('python');
  });

  it('a company name in capitals at the top does not end the intro', async () => {
    const text = 'FIELDWORKS\nWe build our route planner on PyTorch and a lot of coffee.\n\nRequirements\n- Python.';
    expect(await presentSkills(text, 'job')).not.toContain('neural-networks');
  });

  it("a name saying what it does, before the first heading, is the company introducing itself", async () => {
    const ad = 'Data Engineer\nBriarwood Maps builds flood-risk models with computer vision on aerial photos.\n\nRequirements\n- Python.';
    expect(await presentSkills(ad, 'job')).not.toContain('computer-vision');
    const asked = 'Data Engineer\nComputer vision experience is a must for this post.\n\nRequirements\n- Python.';
    expect(await presentSkills(asked, 'job')).toContain('computer-vision');
  });

  it('a short line standing over a list ends a company description', async () => {
    const text = 'The company\nFounded in 1998; 40 staff in one office by the harbour.\n\nYou\n- Write Python every day.';
    const { analysis } = await analyzeText(text, 'job');
    expect(analysis.skills.find((s) => s.id === 'python')).toMatchObject({ present: true, requirement: 'required' });
  });

  it('a title in the company\'s voice ("Our values:") heads the company\'s own things, not requirements', async () => {
    const skills = await presentSkills('Requirements\n- Python.\n\nOur values:\n- Collaboration across every team.', 'job');
    expect(skills).toContain('python');
    expect(skills).not.toContain('collaboration');
  });

  it('inside benefits a short line over a list is a group of benefits, not a new section', async () => {
    const skills = await presentSkills('Requirements\n- Python.\n\nBenefits\n\nLearning\n- A yearly budget for PyTorch and NLP conferences.', 'job');
    expect(skills).toContain('python');
    expect(skills).not.toContain('neural-networks');
    expect(skills).not.toContain('nlp');
  });

  it('"Not for this role" asks for nothing', async () => {
    const skills = await presentSkills('Requirements\n- Python and SQL.\n\nNot for this role\n- C++ or CUDA kernels.', 'job');
    expect(skills).toContain('python');
    expect(skills).not.toContain('cpp');
  });

  it('"Not required, but welcome" and "you may also have" introduce what is preferred, not what is excluded', async () => {
    for (const intro of ['Not essential, but welcome', 'Useful though not required', 'You may also have']) {
      const { analysis } = await analyzeText(`Requirements\n- Python and SQL.\n\n${intro}\n- Experience with C++ or CUDA.`, 'job');
      expect(analysis.skills.find((s) => s.id === 'cpp')).toMatchObject({ present: true, requirement: 'preferred' });
    }
  });

  it('a list of plain lines is one item a line, so one "ideally" scopes to its own line', async () => {
    const text = 'Requirements\nStrong Python and SQL\nExperience shipping PyTorch models to production\nIdeally some exposure to Kubernetes';
    const { analysis } = await analyzeText(text, 'job');
    const requirement = (id: string) => analysis.skills.find((s) => s.id === id)?.requirement;
    expect(requirement('neural-networks')).toBe('required');
    expect(requirement('python')).toBe('required');
  });

  it('bullets typed into one paragraph are items of their own', () => {
    const text = 'What you bring - Python and Go - A plus: Rust - Docker';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['What you bring', '- Python and Go', '- A plus: Rust', '- Docker']);
  });

  it('the dot of "e.g.", "i.e." or "vs." ends no sentence; a full stop before a capital does', () => {
    const text = 'Fluent in one deep learning framework (e.g. JAX or PyTorch) and SQL. Kubernetes, i.e. Helm charts, is a plus.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Fluent in one deep learning framework (e.g. JAX or PyTorch) and SQL.', 'Kubernetes, i.e. Helm charts, is a plus.']);
  });

  it('"as plus" and "is plus", written without the article, welcome a skill as "a plus" does', async () => {
    const { analysis } = await analyzeText('Requirements\n- Five years of Go.\n- Experience with Rust or C++ as plus\n- Knowledge of Kafka and PyTorch is plus.', 'job');
    expect(analysis.skills.find((skill) => skill.id === 'cpp')).toMatchObject({ present: true, requirement: 'preferred' });
    expect(analysis.skills.find((skill) => skill.id === 'neural-networks')).toMatchObject({ present: true, requirement: 'preferred' });
    // A plus that is a size or a sum is no welcome.
    const { analysis: plain } = await analyzeText('Requirements\n- C++ as plus-size sensor arrays go, three years.', 'job');
    expect(plain.skills.find((skill) => skill.id === 'cpp')).toMatchObject({ present: true, requirement: 'required' });
  });

  it('a stop or bracket glued to the next sentence ends it, as scraped page copy runs items together; an abbreviation before an example does not', async () => {
    const text = 'Kafka would be a plus.Solid Go skills.Rust (for tooling)A strong testing habit.See e.g.Terraform.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Kafka would be a plus.', 'Solid Go skills.', 'Rust (for tooling)', 'A strong testing habit.', 'See e.g.Terraform.']);
    // The welcome of one item no longer reaches the next one's skill.
    const ad = 'Requirements\nKubernetes knowledge is a plus.Strong C++ for the trading engine.';
    const { analysis } = await analyzeText(ad, 'job');
    expect(analysis.skills.find((skill) => skill.id === 'cpp')).toMatchObject({ present: true, requirement: 'required' });
  });

  it('a term glued to the next item by a stop or by its count of years is still found; names keep their dots and digits', async () => {
    expect(await presentSkills('Requirements\nWhat you bringDeep knowledge of Python.Clear writing and good judgement.', 'job')).toContain('python');
    expect(await presentSkills('Requirements\nQualifications: solid SQL and Python2+ years building services', 'job')).toContain('python');
    expect(tokenize('Node.js, ASP.NET, Ph.D, e.g.Terraform, EC2, Python3').map((t) => t.text)).toEqual(['Node.js', ',', 'ASP.NET', ',', 'Ph.D', ',', 'e.g', '.', 'Terraform', ',', 'EC2', ',', 'Python3']);
  });

  it('titles glued to the words around them in scraped page copy head their parts', () => {
    const pad = 'Marlow Freight moves parcels across four countries and has done so since 1998, with depots in every major city and a fleet of electric vans. ';
    const ad = `${pad}What You'll DoBuild the routing service in Go.Keep the nightly loads healthy.What Makes You a Strong CandidateThree years of Go in production.Why Our Drivers Say You'll Love Marlow FreightFree lunches on Fridays.What You'll GainA mentor of your own.`;
    const text = normaliseText(ad);
    expect(detectSections(text).map((s) => [s.title, s.kind])).toEqual([
      ["What You'll Do", 'responsibilities'],
      ['What Makes You a Strong Candidate', 'requirements'],
      ["Why Our Drivers Say You'll Love Marlow Freight", 'benefits'],
      ["What You'll Gain", 'benefits'],
    ]);
    // A label glued to the stop before it heads the rest of its line.
    const labelled = `${pad}We hire in spring.Minimum Qualifications: Go and SQL in production.`;
    expect(detectSections(normaliseText(labelled)).map((s) => s.kind)).toContain('requirements');
    // Product names written in one word are no titles.
    expect(runInHeadingSpans(`${pad}We use JavaScript, PyTorch and BigQuery every day and ship weekly.`)).toEqual([]);
  });

  it('two spaces left where scraped page copy lost a line break end an item, in a long line only', async () => {
    const pad = 'Marlow Freight moves parcels across four countries and has done so since 1998, with depots in every major city and a fleet of electric vans.';
    const ad = `${pad} Requirements: (Preferred) Familiarity with forecasting methods  Strong C++ for the routing engine  Fluent English`;
    expect(await requirementIn(ad, 'cpp')).toBe('required');
    expect(normaliseText('Python  Go').includes('\n')).toBe(false);
    // The titles run into such a line are still found.
    const page = `${pad} What You Will Do Build the depot planner  Tune the nightly loads What We Offer Free lunches  Remote Fridays`;
    expect(detectSections(normaliseText(page)).map((s) => s.kind)).toEqual(['responsibilities', 'benefits']);
  });

  it('a wrapped line goes on after an open word, not after a complete one', () => {
    const text = 'Built the pricing service together with\nAnalytics and the finance team\nShipped it in May';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Built the pricing service together with\nAnalytics and the finance team', 'Shipped it in May']);
  });

  it('a phrase does not run on from one plain line of a list into the next; a long wrapped line may finish one', async () => {
    expect(await presentSkills('Requirements\nFive years of Kotlin in industry\nExpertise in Postgres tuning and query plans\nComfort with on-call for the payments platform', 'job')).not.toContain('business-knowledge');
    // A narrow column wrapped: the next line's first word would not have fitted on the line before.
    expect(await acceptedTerms('Experience\n- Built the nightly batch jobs that load the\nparcel scans into BigQuery in streaming Apache\nBeam for the planners in the north')).toContain('apache-beam:normal');
  });

  it('a sentence a column or page break cut goes on after the blank lines; a new paragraph does not', () => {
    const text = 'I tried gradient boosting on the churn data, but it did not beat the\n\nlogistic regression we already had in production.\n\nKotlin for the services';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'I tried gradient boosting on the churn data, but it did not beat the\n\nlogistic regression we already had in production.',
      'Kotlin for the services',
    ]);
  });

  it('a line in lower case after a line broken by hand is a new item (a PDF dropped the bullets); after a wrapped line it goes on', () => {
    const list = [
      'In this job you will:',
      'look after the forecasting service and its alerting on AWS (Lambda,',
      'SQS, DynamoDB)',
      'rewrite the weekly report in Python',
      'sit with the planners at month-end',
      'pair with the two analysts on the pricing model each week',
    ].join('\n');
    expect(splitSentences(list).map((s) => list.slice(s.start, s.end))).toEqual([
      'In this job you will:',
      'look after the forecasting service and its alerting on AWS (Lambda,\nSQS, DynamoDB)',
      'rewrite the weekly report in Python',
      'sit with the planners at month-end',
      'pair with the two analysts on the pricing model each week',
    ]);
    // Wrapped prose: the next line's first word would not have fitted; a word alone on its line is a
    // cell a layout split; a sentence opened inside the line after a stop goes on.
    const prose = 'We rebuilt the returns model twice before the warehouse teams trusted\nits numbers enough to plan the Christmas peak around them and\nthe overtime that came with it.';
    expect(splitSentences(prose)).toHaveLength(1);
    const cell = 'Skill Detail\nDeep\nlearning PyTorch and JAX';
    expect(splitSentences(cell).map((s) => cell.slice(s.start, s.end))).toEqual(['Skill Detail', 'Deep\nlearning PyTorch and JAX']);
    const opened = 'Analyst at a lender. Four\nyears of credit-risk scorecards in SAS before moving the whole team onto Python notebooks.';
    expect(splitSentences(opened).map((s) => opened.slice(s.start, s.end))).toEqual(['Analyst at a lender.', 'Four\nyears of credit-risk scorecards in SAS before moving the whole team onto Python notebooks.']);
  });

  it("a later need denied for a thing of the clause's own (a title, a level, a degree) does not refer back", async () => {
    expect(await presentSkills('Requirements\n- Python and Go (you do not need to be an expert)', 'job')).toContain('python');
    expect(await presentSkills('Requirements\n- Docker and Kubernetes, although you will not need to run them yourself', 'job')).not.toContain('software-engineering');
  });

  it('a long line that opened a sentence after a full stop and left it open is wrapped prose', () => {
    const text = 'Former nurse who retrained in analytics. Since then I have spent two years cleaning hospital data and\nWriting SQL reports for ward managers.\nBuilt the bed-occupancy dashboard in Power BI\nAutomated the weekly audit in Python';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Former nurse who retrained in analytics.',
      'Since then I have spent two years cleaning hospital data and\nWriting SQL reports for ward managers.',
      'Built the bed-occupancy dashboard in Power BI',
      'Automated the weekly audit in Python',
    ]);
    const wrapped = 'Data analyst at a grocery chain. Day to day I forecast demand for the stores and I am learning\nKotlin in the evenings.';
    expect(splitSentences(wrapped).map((s) => wrapped.slice(s.start, s.end))).toEqual(['Data analyst at a grocery chain.', 'Day to day I forecast demand for the stores and I am learning\nKotlin in the evenings.']);
  });

  it('years written in words count', async () => {
    const { analysis } = await analyzeText('Requirements\n- Four or more years of Python in production.', 'job');
    expect(analysis.skills.find((s) => s.id === 'python')?.years).toBe(4);
    const hyphenated = await analyzeText('Requirements\n- Seven-plus years of Kotlin on the server.', 'job');
    expect(hyphenated.analysis.skills.find((s) => s.id === 'software-engineering')?.years).toBe(7);
  });

  it('a couple of years, and decades, are counted in years', async () => {
    const yearsOfSkill = async (text: string, skill: string, kind: 'cv' | 'job' = 'cv') => (await analyzeText(text, kind)).analysis.skills.find((s) => s.id === skill)?.years;
    expect(await yearsOfSkill('Requirements\n- A couple of years of Python', 'python', 'job')).toBe(2);
    expect(await yearsOfSkill('Well over a decade of C++ in embedded radios.', 'cpp')).toBe(10);
    expect(await yearsOfSkill('Half a decade of Python at a logistics firm.', 'python')).toBe(5);
    expect(await yearsOfSkill('Two decades of C++ behind me.', 'cpp')).toBe(20);
  });
});

describe('the single word "transformer"', () => {
  it('beside words of power engineering it is equipment, even in a sentence about modelling', async () => {
    expect(await presentSkills('Experience\n- Modelled copper losses in distribution transformer windings for the regional substations.')).not.toContain('neural-networks');
    expect(await presentSkills('Experience\n- Fine-tuned a transformer on support tickets to route them by urgency.')).toContain('neural-networks');
  });
});

describe('a CV writer who hires', () => {
  it('the skills of the people or posts she recruits for are not hers', async () => {
    expect(await presentSkills('Experience\n- Headhunted reinforcement learning researchers for two robotics labs.')).not.toContain('reinforcement-learning');
    expect(await presentSkills('Experience\n- Screening candidates for open positions in speech recognition and NLP.')).toEqual(expect.not.arrayContaining(['audio-speech', 'nlp']));
    expect(await presentSkills('Experience\n- Filled 25 vacancies in computer vision for three automotive clients.')).not.toContain('computer-vision');
    // Filling gaps in data is no hire.
    expect(await presentSkills('Experience\n- Filled the gaps in the drone footage labels, then trained a YOLO detector on it.')).toContain('computer-vision');
  });

  it('a list introduced as the posts she recruits for names their skills, item by item', async () => {
    const cv = 'Summary\nAgency recruiter for data teams.\n\nPositions I recruit for\n- Speech scientists (ASR, Kaldi,\nwav2vec)\n- Robotics engineers working on reinforcement learning\n\n- Computer vision engineers (OpenCV)\n\nSkills\n- Sourcing, Excel, LinkedIn Recruiter';
    expect(await presentSkills(cv)).toEqual(expect.not.arrayContaining(['audio-speech', 'reinforcement-learning', 'computer-vision']));
    // A list of her own, introduced otherwise, is hers.
    expect(await presentSkills('Projects I built\n- A speech recognizer with Kaldi for a call centre.')).toContain('audio-speech');
  });

  it('her own work in the same sentence, or a placing that is no hire, stays hers', async () => {
    expect(await presentSkills('Experience\n- Hired three analysts, then designed the speech recognition service myself.')).toContain('audio-speech');
    expect(await presentSkills('Experience\n- Placed second in a reinforcement learning challenge with a PPO agent.')).toContain('reinforcement-learning');
  });

  it('in a job ad, hiring for a skill is what the post asks', async () => {
    const job = (await analyzeText('Requirements\n- We are hiring engineers with speech recognition experience.', 'job')).analysis;
    expect(job.skills.find((s) => s.id === 'audio-speech')?.present).toBe(true);
  });
});

describe('context words', () => {
  it('a hyphenated context word counts as written ("pre-trained" beside "transformers")', async () => {
    expect(await presentSkills('Experience\n- Adapted pre-trained transformers to legal contracts.')).toContain('neural-networks');
  });
});

describe('typographic apostrophes', () => {
  it('"don’t" and "haven’t" with a curly apostrophe negate as the straight ones do', async () => {
    for (const apostrophe of ["'", '’']) {
      const job = (await analyzeText(`Requirements\n- Go services at scale (we don${apostrophe}t use Scala anywhere).`, 'job')).analysis;
      const scala = job.skills.flatMap((s) => s.evidence).filter((e) => e.term === 'scala');
      expect(scala.length).toBeGreaterThan(0);
      expect(scala.every((e) => e.modality === 'negated' && e.strength === 0)).toBe(true);
      expect(await presentSkills(`Skills\n- I haven${apostrophe}t used C++ since school; Python daily.`)).not.toContain('cpp');
    }
  });

  it('evidence quotes the sentence with the document’s own apostrophe', async () => {
    const { analysis } = await analyzeText('Experience\n- Built the team’s PyTorch training loop.');
    const pytorch = analysis.skills.flatMap((s) => s.evidence).find((e) => e.term === 'pytorch');
    expect(pytorch?.sentence).toContain('team’s');
  });
});

describe('swapped documents', () => {
  it('a job ad sent as a CV is analysed as sent, with a kind-mismatch warning', async () => {
    const ad = 'About the role\nWe are hiring a machine learning engineer.\n\nRequirements\n- 3+ years of Python\n- Experience with PyTorch\n\nNice to have\n- Kubernetes\n\nBenefits\n- Remote work\n\nHow to apply\nSend your CV.';
    const { analysis } = await analyzeText(ad, 'cv');
    expect(analysis.kind).toBe('cv');
    expect(analysis.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'kind-mismatch', detected: 'job' })]));
    const asJob = await analyzeText(ad, 'job');
    expect(asJob.analysis.warnings.filter((w) => w.code === 'kind-mismatch')).toEqual([]);
  });
});

describe('advice on gaps', () => {
  it('a years shortfall is advised as the missing years, not as the skill', async () => {
    const job = (await analyzeText('Requirements\n- Five years of Python in production.', 'job')).analysis;
    const cv = (await analyzeText('Skills\nPython (3 years)', 'cv')).analysis;
    const result = matchDocuments({ filename: 'job', analysis: job }, [{ filename: 'cv', analysis: cv }]).results[0];
    const gap = result?.gaps.find((g) => g.skill === 'python');
    expect(gap?.status).toBe('partial');
    expect(gap?.advice).toContain('3 year(s) of Python; the job asks for 5, 2 more');
  });

  const gapOf = async (text: string, skill: string) => (await analyzeText(text, 'cv')).analysis.gaps.find((g) => g.id === skill);

  it('a part of the advice the CV already shows is quoted, not asked for again', async () => {
    const gap = await gapOf('Lowered the warehouse spend of the nightly retraining jobs by a third.', 'business-knowledge');
    expect(gap?.alreadyShown).toEqual([{ part: 'revenue or cost impact', quote: 'Lowered the warehouse spend of the nightly retraining jobs by a third.' }]);
    expect(gap?.advice).toMatch(/^The CV already mentions revenue or cost impact \("Lowered the warehouse spend/);
    expect(gap?.advice).not.toMatch(/Or show[^.]*revenue or cost impact/);
    expect(gap?.advice).toContain('Or show stakeholders served, or domain or industry knowledge.');
  });

  it('a team named beside work not done with it: the advice asks for the joint work', async () => {
    const gap = await gapOf('Maintained the feature store that the marketing analysts query.', 'collaboration');
    expect(gap?.alreadyShown?.[0]?.part).toMatch(/^other roles or teams/);
    expect(gap?.advice).toContain('Say what you built, decided or shipped together with them');
  });

  it('one word of a two-group part, or nothing of it, leaves the advice as the role model gives it', async () => {
    for (const text of ['Wrote the cost model chapter of my thesis on bridges.', 'Trained a sentiment classifier for reviews.']) {
      const gap = await gapOf(text, 'business-knowledge');
      expect(gap?.alreadyShown).toBeUndefined();
      expect(gap?.advice).toBe('Stakeholders served, revenue or cost impact, domain or industry knowledge.');
    }
  });

  it('the match passes the checked advice on to the gap of a requirement', async () => {
    const job = (await analyzeText('Requirements\n- Knowledge of the insurance business and its revenue drivers.\n- Python.', 'job')).analysis;
    const cv = (await analyzeText('Cut claim-handling costs by 12% with a Python triage model.', 'cv')).analysis;
    const result = matchDocuments({ filename: 'job', analysis: job }, [{ filename: 'cv', analysis: cv }]).results[0];
    expect(result?.gaps.find((g) => g.skill === 'business-knowledge')?.advice).toMatch(/^The CV already mentions revenue or cost impact \("Cut claim-handling costs by 12%/);
  });
});

describe("a requirements table's level column", () => {

  // A PDF table whose level cells are centred: each cell comes after its row, on a line of its own.
  const centredCells = [
    'Data Scientist, Logistics',
    '',
    'What you bring',
    'Topic Detail Level',
    '',
    'Modelling Gradient boosting and random forests for delivery-time',
    'estimates',
    '',
    'Required',
    '',
    'Tooling Python with pandas and SQL Required',
    'Experiments Planning A/B tests with hypothesis tests and power',
    'analysis',
    '',
    'Bonus',
    '',
    'Serving',
    'Packaging models with Docker for the platform team',
    '',
    'Bonus',
    '',
    'Computer vision',
    '',
    'Not needed – the scanning team owns image work',
    '',
    'Working here',
    'We are based in Leeds and meet on Tuesdays; at least 2 years in analytics.',
  ].join('\n');

  it('a cell on its own line sets its row only; a "Bonus" cell heads no section', async () => {
    expect(await requirementIn(centredCells, 'statistics')).toBe('preferred');
    expect(await requirementIn(centredCells, 'python')).toBe('required');
    expect(await requirementIn(centredCells, 'learning-algorithms')).toBe('required');
    expect(detectSections(centredCells).map((s) => s.title)).not.toContain('Bonus');
  });

  it('a "Not needed" cell asks for nothing in its row', async () => {
    const { analysis } = await analyzeText(centredCells, 'job');
    expect(analysis.skills.find((s) => s.id === 'computer-vision')?.present ?? false).toBe(false);
  });

  it('a level word ending a row with a capital is the cell (HTML and DOCX rows come out so)', async () => {
    const rows = [
      'Skills matrix',
      'Area Detail Level',
      'Serving Deploying models behind gRPC with Kubernetes Required',
      'Experimentation A/B tests with proper statistics and power analysis Nice to have',
      'Languages C++ for the engine; Python for tooling Bonus',
    ].join('\n');
    expect(await requirementIn(rows, 'statistics')).toBe('preferred');
    expect(await requirementIn(rows, 'cpp')).toBe('preferred');
    expect(await requirementIn(rows, 'software-engineering')).toBe('required');
  });

  it('level words as headings over lists, or in prose, make no column', async () => {
    const headings = ['Required', '- Python and SQL for analysis', '- Hypothesis tests', '', 'Nice to have', '- C++ for the pricing engine', '- Docker', '', 'Bonus', '- Rust'].join('\n');
    expect(await requirementIn(headings, 'python')).toBe('required');
    expect(await requirementIn(headings, 'cpp')).toBe('preferred');
    const prose = 'You know Python well. Statistics beyond the basics is a plus.\nDocker is a plus too.\nKubernetes, if you have it, is a plus.';
    expect(await requirementIn(prose, 'python')).toBe('required');
  });

  it('level words that lead in with a colon head the plain lines under them (a PDF drops the bullets)', async () => {
    const unbulleted = ['Field Data Engineer', '', 'Essential:', 'Python and SQL', 'Docker', '', 'Desirable:', 'C++ for the firmware tools', '', 'Not required:', 'Kubernetes'].join('\n');
    expect(await requirementIn(unbulleted, 'python')).toBe('required');
    expect(await requirementIn(unbulleted, 'cpp')).toBe('preferred');
    expect(detectSections(unbulleted).map((s) => s.kind)).toEqual(['requirements', 'preferred', 'excluded']);
  });

  it("a legend's letters mark each row's level, as a person specification writes them", async () => {
    const spec = ['Person specification', '', 'Experience', '- Building data pipelines in Python (E)', '- Training models with PyTorch (D)', '- Writing unit tests and reviewing code (E)', '', 'Key: (E) Essential, (D) Desirable'].join('\n');
    expect(await requirementIn(spec, 'neural-networks')).toBe('preferred');
    expect(await requirementIn(spec, 'python')).toBe('required');
    expect(await requirementIn(spec, 'software-engineering')).toBe('required');
    const initialsFirst = ['Criteria: Essential (E) / Desirable (D)', 'Knowledge of C++ E', 'Familiarity with Kubernetes and Docker D', 'Statistics to degree level D'].join('\n');
    expect(await requirementIn(initialsFirst, 'cpp')).toBe('required');
    expect(await requirementIn(initialsFirst, 'statistics')).toBe('preferred');
    // A letter a PDF wrapped onto a line of its own still marks its row.
    const wrapped = ['Skills', 'Writing SQL for reporting (E)', 'Experience of training neural networks with', 'PyTorch or Keras', '(D)', 'Key: E = Essential, D = Desirable'].join('\n');
    expect(await requirementIn(wrapped, 'neural-networks')).toBe('preferred');
    // Without a legend a bracketed letter is no level: "(D)" may be a grade, a footnote or a building.
    const noLegend = ['Requirements', '- Python for analysis (A)', '- PyTorch for the vision models (D)'].join('\n');
    expect(await requirementIn(noLegend, 'neural-networks')).toBe('required');
  });
});

describe('a statistical technique is not idea iteration', () => {
  it('variance reduction shows statistics; the experiments around it, not the technique, show iteration', async () => {
    const pricing = await presentSkills('Sped up the bond pricer with variance reduction (antithetic variates).');
    expect(pricing).toContain('statistics');
    expect(pricing).not.toContain('idea-iteration');
    expect(await presentSkills('Ran weekly A/B tests on the checkout flow, with CUPED variance reduction.')).toContain('idea-iteration');
  });
});

describe("a CV's stated total experience", () => {
  const NOW = new Date(Date.UTC(2026, 11, 1));
  const years = async (text: string, skill: string): Promise<number | null | undefined> => {
    const extraction = await extractDocument(Buffer.from(text), { readPdf: () => Promise.reject(new Error('not used')), readDocx: () => Promise.reject(new Error('not used')), htmlToText: (h) => ({ text: h, truncated: false }), markdownToHtml: (m) => m }, { filename: 'cv.txt', maxPages: 30 });
    return analyzeExtraction(extraction, lexicon, nlp, { kind: 'cv', now: NOW }).analysis.skills.find((s) => s.id === skill)?.years;
  };
  const cv = (headline: string): string =>
    ['Priya Natarajan', headline, '', 'Experience', '', 'Analyst, Tealeaf Insurance (March 2021 – Present)', '- Built claim-fraud models in Python with scikit-learn.'].join('\n');

  it('bounds the years that dates ending "Present" give', async () => {
    expect(await years(cv('Data analyst | 3+ years of experience'), 'python')).toBe(3);
    expect(await years(cv("Data analyst with over two years' industry experience."), 'python')).toBe(2);
  });

  it('leaves them when no total is stated, or the count is one skill\'s', async () => {
    // March 2021 to December 2026: five years and nine months, given to the half year.
    expect(await years(cv('Data analyst'), 'python')).toBe(6);
    expect(await years(cv('Data analyst, 2 years of experience in Java'), 'python')).toBe(6);
  });
});

describe('named methods and tasks: a champion/challenger test, a money impact, a named integrator, summarisation by a model, probability as a subject', () => {
  casesOfSkills([
    ['Ran champion-challenger trials of the new credit scorecard on 10% of applications.', 'idea-iteration', true],
    ['Our champion swimmer and the challenger both trained in Leeds.', 'idea-iteration', false],
    ['Estimated the monetary impact of each model release before it went live.', 'business-knowledge', true],
    ['Measured the impact of noise on the sensor readings.', 'business-knowledge', false],
    ['Integrated the rigid-body equations with a semi-implicit Euler step.', 'numerical-analysis', true],
    ['Built an abstractive-style pipeline for the automatic summarization of patient notes.', 'nlp', true],
    ['Wrote a one-page summarisation of the audit for the partners.', 'nlp', false],
    ['Coursework: real analysis, measure-theoretic probability and numerical linear algebra.', 'statistics', true],
    ['There is a low probability of rain on the day of the field trip.', 'statistics', false],
  ]);
});

describe("a job ad's mention of other posts it hires for", () => {
  casesOfSkills([
    ["We're also hiring a Speech Scientist and a Computer Vision Lead, so see our careers page.", 'audio-speech', false],
    ["I'm also recruiting for reinforcement learning researchers in London if you know anyone.", 'reinforcement-learning', false],
    ['Other open positions: NLP Engineer (Berlin) and Data Engineer (remote).', 'nlp', false],
    ['We also have openings in computer vision and speech recognition.', 'computer-vision', false],
    ['You will also build NLP models for our support inbox.', 'nlp', true],
    ['We are also looking for experience with reinforcement learning.', 'reinforcement-learning', true],
  ], 'job');
});

describe("a job ad's welcome to people of every field", () => {
  casesOfSkills([
    ['We want analysts who bring perspectives from many fields, including econometrics, reinforcement learning and urban planning.', 'reinforcement-learning', false],
    ['We value talent from every discipline, such as law, linguistics or computer vision.', 'computer-vision', false],
    ['Engineers from all areas are welcome; in this role you will apply reinforcement learning to bus routing.', 'reinforcement-learning', true],
  ], 'job');
});

describe("another party's own thing, and a course in progress named after its subject", () => {
  casesOfSkills([
    ["Wrote the Helm charts that serve the analytics group's churn models (XGBoost).", 'learning-algorithms', false],
    ["Monitored a colleague's Keras image classifier in production.", 'neural-networks', false],
    ["Retrained the pricing team's gradient boosting models on two more years of data.", 'learning-algorithms', true],
    ["Worked on the platform team's Kubernetes operators and their CI/CD pipelines.", 'software-engineering', true],
    ["Maintained the ingestion jobs for the fraud team's feature engineering pipelines.", 'data-science', false],
    ["Currently working through Stanford's Natural Language Processing certificate online.", 'nlp', false],
    ['Partway through an online computer vision nanodegree, evenings only.', 'computer-vision', false],
    ['Halfway through the migration we rewrote the computer vision service in Go.', 'computer-vision', true],
    ["Completed the Coursera Natural Language Processing specialization in 2023 and used it at work since.", 'nlp', true],
    ["I'm now doing scikit-learn model tuning for the credit team every day.", 'learning-algorithms', true],
  ]);
});

describe("a product manager's documents around the work", () => {
  casesOfSkills([
    ['Wrote the PRD for the new speech recognition captions and set their launch criteria.', 'audio-speech', false],
    ['Drafted product specs for a reinforcement learning based bidding engine.', 'reinforcement-learning', false],
    ['Wrote the user stories for the NLP triage feature together with the support team.', 'collaboration', true],
    ['Fine-tuned the speech recognition model and wrote its PRD.', 'audio-speech', true],
    ['Wrote the user guides for the NLP toolkit together with the documentation team.', 'collaboration', true],
  ]);
});

describe('fields of study named by a degree class or a word for a field, in job ads', () => {
  casesOfSkills([
    ['Requirements\n- An upper second in a quantitative subject like physics, economics or engineering\n- Python', 'physics', false],
    ['Requirements\n- A 2.1 or higher in mathematics, physics or chemistry', 'physics', false],
    ['Requirements\n- A scientific discipline, e.g. physics or astronomy, at degree level', 'physics', false],
    ['Requirements\n- Hands-on physics-based modelling of battery cells', 'physics', true],
  ], 'job');
});

describe('a wish to work with others is not work done', () => {
  casesOfSkills([
    ["- 🤝 I'm looking to collaborate on speech recognition side projects", 'audio-speech', false],
    ["- 🤝 I'm looking to collaborate on speech recognition side projects", 'collaboration', false],
    ['Seeking to contribute to reinforcement learning libraries in my spare time.', 'reinforcement-learning', false],
    ['Collaborated with two hospitals on speech recognition for clinical notes.', 'collaboration', true],
  ]);
});

describe('a job ad with no headings, and a degree named by its letters', () => {
  const post = [
    'Brindle Health | ML Engineer | Leeds or remote | £70k',
    '',
    "We're a team of nine building triage tools for dental practices: we read referral letters and appointment schedules for 400 practices, and the practices' revenue grew 40% with us.",
    '',
    "We're looking for someone who has trained NLP models in Python and keeps to agreed deadlines.",
  ].join('\n');

  it('reads the company description before the first sentence that speaks to the candidate as the company, not the post', async () => {
    const skills = await presentSkills(post, 'job');
    expect(skills).toEqual(expect.arrayContaining(['nlp', 'python', 'time-management']));
    expect(skills).not.toContain('business-knowledge');
  });

  casesOfSkills([
    ['Duties\n- Teach on our MSc Data Science and BSc Computer Vision programmes', 'data-science', false],
    ['Duties\n- Teach on our MSc Data Science and BSc Computer Vision programmes', 'computer-vision', false],
    ['Requirements\n- Hands-on data science with pandas and scikit-learn', 'data-science', true],
  ], 'job');
});

describe("a table's level cell, and contact modelled as physics", () => {
  const matrix = ['Skills', '| Tool | Level | Years |', '|---|---|---|', '| PyTorch | Novice | 1 |', '| SQL | Advanced | 7 |'].join('\n');

  it('reads the cell after the skill as its level', async () => {
    const { trace } = await analyzeText(matrix);
    const modality = (term: string) => trace.mentions.find((m) => m.mention.term.entry.id === term)?.judgement.modality;
    expect(modality('pytorch')).toBe('weak');
    expect(modality('sql')).toBe('strong');
  });

  casesOfSkills([
    ['Simulated contact mechanics of soft grippers for a robotic picking cell.', 'physics', true],
    ['Rolled out a new customer contact model for the regional call centres.', 'physics', false],
  ]);
});

describe('code written to last, in other words', () => {
  casesOfSkills([
    ['Requirements\n- You ship production-quality Kotlin and SQL code', 'software-engineering', true],
    ['Requirements\n- You leave behind maintainable, readable Python code', 'software-engineering', true],
    ['Requirements\n- Experience building high-traffic back-end systems', 'software-engineering', true],
    ['Requirements\n- A calm, maintainable pace over long projects', 'software-engineering', false],
  ], 'job');
});

describe('time managed without its keywords: work delivered in a stated time, triage, a release rhythm', () => {
  casesOfSkills([
    ['Shipped the new onboarding flow within three weeks of kickoff.', 'time-management', true],
    ['Trained the segmentation model in three days on eight GPUs.', 'time-management', false],
    ['Triaged the support queue each morning and pushed back on what could wait.', 'time-management', true],
    ['Triaged patients in the emergency department during night shifts.', 'time-management', false],
    ['Moved the app to a monthly release train with the mobile team.', 'time-management', true],
    ['Kept every statutory filing date for the group entities.', 'time-management', true],
  ]);
});

describe('roles named with -er, -or and -ive endings are people to work with', () => {
  casesOfSkills([
    ['Worked hand in hand with the loss adjusters and fraud investigators on the claims model.', 'collaboration', true],
    ['Gathered requirements from warehouse supervisors before each model release.', 'collaboration', true],
    ['Worked with the data from four servers and two drives.', 'collaboration', false],
  ]);
});

describe("others' things in a job ad and a CV: a group that already made it, a lab named by its field, a name's own thing at work, IT support", () => {
  casesOfSkills([
    ["What you'll do\n- Join the squad that originally built our speech recognition stack, and run its data platform", 'audio-speech', false],
    ["What you'll do\n- Lead the squad that built our speech recognition stack and grow it to eight people", 'audio-speech', true],
    ['Requirements\n- Kotlin\n- You will onboard customers such as the top computer vision labs', 'computer-vision', false],
    // Several teams named before one plural team word.
    ['Requirements\n- Python\n- You will support the computer vision, NLP and platform teams with GPU quotas', 'computer-vision', false],
    // A sentence that opens with a name's own thing at work.
    ["The role\nLarkspur's recommendation engine serves nine million listeners. You will own its data.", 'learning-algorithms', false],
    ["The role\nHalden's speech models transcribe every support call. You will own the data pipelines.", 'audio-speech', false],
    ['Requirements\nMeta’s PyTorch is a plus.', 'neural-networks', true],
    ["Data Engineer\n\nOstrava Glass's computer vision models inspect every bottle on the line.\n\nRequirements\n- SQL", 'computer-vision', false],
    // The field of the person reported to, by title.
    ['Responsibilities\n- You will report to our Director of Reinforcement Learning and own the data platform.', 'reinforcement-learning', false],
    ['Data Engineer\n\nKelso Freight uses PyTorch and Kubernetes across all squads.\n\nRequirements\n- SQL', 'neural-networks', false],
  ], 'job');
  casesOfSkills([
    ['Desktop support for the reinforcement learning group: laptops, printers and VPN access.', 'reinforcement-learning', false],
    ['The speech recognition transcripts we mined came from an outside vendor.', 'audio-speech', false],
    ['Worked in the speech lab on accented speech recognition with wav2vec 2.0.', 'audio-speech', true],
  ]);
});

describe('knowledge held loosely: read-only, a hobby interest, long forgotten, a certificate worked towards', () => {
  casesOfSkills([
    ['Kotlin and C++: read only, I review but do not write them.', 'cpp', false],
    ['Speech recognition (hobby interest, nothing shipped).', 'audio-speech', false],
    ['Linear algebra at school, long forgotten.', 'linear-algebra', false],
    ['Studying for a natural language processing certificate this spring.', 'nlp', false],
    ['Working towards zero-downtime releases for the NLP search API.', 'nlp', true],
  ]);
});

describe('a heading the service cannot name that opens a list ends the company intro', () => {
  const post = [
    '# Datenwerk Logistik',
    '',
    'Datenwerk plans the routes of 2,000 lorries a day. Our dispatchers work with the drivers around the clock.',
    '',
    '## Deine Aufgaben',
    '- Build our data pipelines for telematics, together with the dispatchers on our team.',
    '- Train route-time models in Python.',
    '',
    '## Requirements',
    '- Three years of Python.',
  ].join('\n');

  it('reads the list under the unnamed heading as the post, and the paragraph above it as the company', async () => {
    const { trace } = await analyzeText(post, 'job');
    const modalities = (term: string) => trace.mentions.filter((m) => m.mention.term.entry.id === term).map((m) => m.judgement.modality);
    expect(modalities('data-pipelines')).toEqual(['normal']);
    const skills = await presentSkills(post, 'job');
    expect(skills).toEqual(expect.arrayContaining(['data-science', 'collaboration', 'python']));
  });

  it('a company name above a paragraph is not such a heading', async () => {
    const intro = ['# Datenwerk Logistik', '', 'Our data pipelines feed the dispatchers every minute.', '', '## Requirements', '- Three years of Python.'].join('\n');
    expect(await presentSkills(intro, 'job')).not.toContain('data-science');
  });
});

describe('models that read images and text together', () => {
  casesOfSkills([
    ['Fine-tuned an open vision-language model to caption shelf photos.', 'neural-networks', true],
    ['Fine-tuned an open vision-language model to caption shelf photos.', 'computer-vision', true],
  ]);
});

describe('work delivered as its plan said', () => {
  casesOfSkill('time-management', [
    ['Shipped each release of the billing service according to the sprint plan.', true],
    ['The warehouse migration was completed as planned, two days before the freeze.', true],
    ['The nightly backup ran as planned.', false],
    ['Delivered the monthly safety tables to the regulator on fixed dates.', true],
    ['Fixed dates in the legacy billing parser.', false],
    ['Agreed realistic timescales with each school before starting the survey.', true],
  ]);
});

describe('the conditioning of a numerical problem', () => {
  casesOfSkill('numerical-analysis', [
    ['Checked the numerical conditioning of the covariance before inverting it.', true],
    ['Rescaled the features because the normal equations were badly conditioned.', true],
    ['Serviced the air conditioning units of the data centre.', false],
  ]);
});

describe('reviews of code and of designs, said in other words', () => {
  casesOfSkill('software-engineering', [
    ['Every change to the scoring service is reviewed by your peers before it merges.', true],
    ['Presented the event-sourcing proposal at two architecture reviews.', true],
    ['Three papers, each reviewed by peers at a workshop.', false],
  ]);
});

describe('iterating after shipping, trying or watching the people who use it', () => {
  casesOfSkill('idea-iteration', [
    ['You are happy to ship an 80% solution and iterate.', true],
    ['Shipped the beta early, then iterated weekly.', true],
    ['Spent a week on the help desk, talked to users, and iterated on the claim form.', true],
    // Deploying, experimenting or analysing what came back are ways of trying it.
    ['Own the loop for the churn model: build, deploy, analyse and iterate.', true],
    ['Deploy to one store and iterate.', true],
    ['- Four years taking recommendation features from experiment to production', false],
    ['- Ran experiments on the checkout page every sprint', true],
    ['We experiment freely and iterate.', true],
    ['Ran the solver for 400 steps, analysed the residuals and iterated.', false],
    ['Interviewed five farm managers a month and iterated the yield dashboard with them.', false],
    ['The library lets users iterate over the rows of a sparse matrix.', false],
    ['The solver iterated until the gradient norm fell below a tolerance.', false],
    ['The nightly job iterates over every open account.', false],
  ]);
});

describe('a CV part titled as what the writer taught', () => {
  it('shows no skill by the subjects taught alone; coursework taken still counts', async () => {
    expect(await presentSkills('Courses taught:\n- Data mining\n- Bayesian statistics')).toEqual([]);
    expect(await presentSkills('Teaching\n* Spring term\n  * Survival analysis for clinicians')).not.toContain('statistics');
    expect(await presentSkills('Coursework: Data Mining, Bayesian Statistics')).toEqual(expect.arrayContaining(['statistics', 'data-science']));
    // How the teacher works is the writer's own.
    expect(await presentSkills('Teaching\nTutor for Introduction to Databases; the marking always lands in conference deadline week, so I plan the term around both deadlines.')).toContain('time-management');
    // Teaching experience heads posts held, read as any job.
    expect(await presentSkills('Teaching experience\n- Lab instructor: built the grading scripts in Python for 300 students.')).toContain('python');
  });
});

describe('an agent noun is not its verb in a context', () => {
  casesOfSkills([
    ['Fine-tuned the Transformers on our support datasets.', 'data-science', false],
    ['Wrote aggregators for the weekly sales datasets.', 'data-science', false],
    ['Transformed the raw datasets into weekly features.', 'data-science', true],
    ['Aggregated the sensor datasets by shift and line.', 'data-science', true],
  ]);
});

describe('tasks that name no method, and fields named by what they study', () => {
  casesOfSkills([
    ['Maintained the recommender system behind the weekly playlist.', 'learning-algorithms', false],
    ['Tuned the ranking models of the hotel search page.', 'learning-algorithms', false],
    ['Rebuilt the recommender system on collaborative filtering of purchase history.', 'learning-algorithms', true],
    ['- Model selection and evaluation for the churn work', 'learning-algorithms', false],
    ['Applied data mining to ten years of warranty claims.', 'data-science', true],
    ['Trained a weakly supervised learning model for defect masks.', 'learning-algorithms', false],
    ['Supervised learning for the returns forecast, then SHAP for the explanations.', 'learning-algorithms', true],
    ['Numerical solution of the shallow-water equations on an unstructured mesh.', 'numerical-analysis', true],
    ['Built two web applications for the clinic booking desk.', 'software-engineering', true],
    ['Ran a reading group with industry experts from two hospitals.', 'business-knowledge', false],
    ['Program committee: EMNLP 2025, ARR February cycle.', 'business-knowledge', false],
    ['Grew ARR from 3 to 11 million in two years.', 'business-knowledge', true],
    ['- Stores: Postgres, DynamoDB and Redshift', 'data-science', false],
    ['Loaded the click logs into BigQuery with nightly Apache Beam jobs.', 'data-science', true],
    ['Brought deep industry expertise in freight pricing.', 'business-knowledge', true],
    ['Developer tools: Vim, Jupyter, Postman', 'software-engineering', false],
    ['Wrote internal developer tools for the mobile release train.', 'software-engineering', true],
    ['Paper: Evaluating open-domain dialogue with crowd-sourced turn scores.', 'nlp', true],
    ['Kept the help-desk chatbot answering from our policy pages.', 'nlp', false],
    ['Trained the intent classifier behind the bank\'s chatbot.', 'nlp', true],
    ['Opened a dialogue with the regional managers about rotas.', 'nlp', false],
    ['The solution to the outage was numerical: more replicas.', 'numerical-analysis', false],
    ['Built speech analytics for a contact centre in Manila.', 'audio-speech', true],
    ['Five years in speech or image analysis for hearing aids.', 'audio-speech', true],
    ['Marked part-of-speech analysis exercises for first-year linguists.', 'audio-speech', false],
    ['Wrote a column on the political speech analysis of the election.', 'audio-speech', false],
  ]);
});

describe('engineering mechanics and its tools', () => {
  casesOfSkills([
    ['Ran modal analysis of the gearbox housing to move its first resonance above 400 Hz.', 'physics', true],
    ['Simulated the fluid flow through the cooling channels of the battery pack.', 'physics', true],
    ['Checked the bracket with FEA before the first prototype was cut.', 'numerical-analysis', true],
    ['Set the gap tolerances of the door assembly by statistical tolerance analysis.', 'statistics', true],
    ['The fea of the year was our charity run.', 'numerical-analysis', false],
    ['Picked the venue for the annual party for its aerodynamics.', 'physics', false],
  ]);
});

describe('search by pictures, and what a post is not looking for', () => {
  casesOfSkills([
    ['Requirements\n- Built visual search so shoppers can find a lamp from a photo', 'computer-vision', true],
    ["Requirements\n- Python\n\nWho we're not looking for\n- Someone with years of reinforcement learning who wants to keep doing it", 'reinforcement-learning', false],
  ], 'job');
});

describe('a Python-only library shows Python', () => {
  casesOfSkill('python', [
    ['Wrote the training loop of a weather model in JAX on TPUs.', true],
    ['Trained the detector in PyTorch.', false],
  ]);
});

describe("a degree's fields after a colon, a verb of study or a single example", () => {
  casesOfSkills([
    ['Requirements\n- Degree: Mathematics / Physics / Mechanical Engineering\n- SQL', 'physics', false],
    ['Requirements\n- You studied statistics, economics or something close to them\n- SQL', 'statistics', false],
    ['Requirements\n- Educated to degree level in a numerate subject (e.g. physics)\n- SQL', 'physics', false],
    ['Requirements\n- You have studied NLP and shipped NLP models\n- SQL', 'nlp', true],
    // Wrapped over lines, as a PDF prints a narrow column.
    ['Requirements\nA master\'s in a numerate field\nsuch as economics, statistics or\noperational research\nSQL', 'statistics', false],
  ], 'job');
});

describe('an architecture named for one field, error analysis and mechanics as a subject', () => {
  casesOfSkills([
    // A U-Net is a network first; it shows vision only beside vision words.
    ['Trained a U-Net to downscale rainfall fields from 25 km to 2 km.', 'neural-networks', true],
    ['Trained a U-Net to downscale rainfall fields from 25 km to 2 km.', 'computer-vision', false],
    ['Built the image segmentation of liver tumours on a 3D U-Net.', 'computer-vision', true],
    // Error analysis is numerics only beside a word of numerics.
    ['Derived a rounding error analysis for the mixed-precision matrix multiply.', 'numerical-analysis', true],
    ['Did error analysis on the intent classifier and fixed the top five confusions.', 'numerical-analysis', false],
    // Mechanics as a subject, and rigid bodies simulated.
    ['Second-year modules: mechanics, waves and circuits.', 'physics', true],
    ['Wrote a rigid-body simulation of a quadruped for gait tuning.', 'physics', true],
    ['Redesigned the loyalty scheme mechanics with the marketing team.', 'physics', false],
    ['Explained the mechanics of the bonus pool to new joiners.', 'physics', false],
    ['Tuned the core mechanics of the game we built on the design course.', 'physics', false],
    ['Trained a classifier that flags abusive chat text in three languages.', 'nlp', true],
  ]);
});

describe('deep models with a word between, named costs, and terms that only support', () => {
  casesOfSkills([
    ['Replaced the popularity baseline with deep sequential models of basket contents.', 'neural-networks', true],
    ['Brings a deep understanding of pricing models to every review.', 'neural-networks', false],
    ['Has deep experience with credit risk models.', 'neural-networks', false],
    ['Cut the licensing costs of our music catalogue by renegotiating with labels.', 'business-knowledge', true],
    ['Brought customer acquisition cost down with better targeting.', 'business-knowledge', true],
    ['Did the feature construction for the default model from bureau data.', 'data-science', true],
    ['Forecast weekly volumes with time-series statistics in R.', 'statistics', true],
    // Labelling by rules, and relevance of search results, support a skill without showing it.
    ['Set up weak supervision with Snorkel to label support tickets.', 'learning-algorithms', false],
    ['Owned search relevance for the help centre.', 'nlp', false],
    // Estimating the work is part of keeping to its dates; a predicted date is data.
    ['Estimated the work for each release and hit every target date.', 'time-management', true],
    ['Predicted delivery dates for two million parcels a day.', 'time-management', false],
  ]);
});

describe('solvers and subjects by name, infrastructure for training, and a regulator', () => {
  casesOfSkills([
    ['Fitted the camera intrinsics with Levenberg-Marquardt.', 'numerical-analysis', true],
    ['Ported the solver for the reaction-diffusion equations to the GPU.', 'numerical-analysis', true],
    ['Wrapped a SAT solver for the timetabling service.', 'numerical-analysis', false],
    ['Agreed the sample size of the pilot with the clinicians.', 'statistics', true],
    ['Third-year modules included differential geometry and topology.', 'calculus', true],
    ['Looked after a 64-GPU training cluster for the research group.', 'neural-networks', false],
    ['Sped up GPU training of the segmentation network with mixed precision.', 'neural-networks', true],
    ['Prepared the regulatory submissions for our insulin dosing app.', 'business-knowledge', true],
    // Data analysed for another team is still data analysed; joining a data team is not.
    ['Helped the credit team analyse repayment data in R.', 'data-science', true],
    ['Joined the data team as its second hire.', 'data-science', false],
  ]);
});

describe('code reviewed with words between, two-tower models and languages of molecules', () => {
  casesOfSkills([
    ['Reviews every change to the codebase before it merges.', 'software-engineering', true],
    ['Reviewed changes to the lease agreements with the legal team.', 'software-engineering', false],
    ['Built the two-tower retrieval for the jobs feed.', 'neural-networks', true],
    ['Trained DNA language models on plant genomes.', 'nlp', false],
    ['Fine-tuned language models to draft replies to tenants.', 'nlp', true],
  ]);
  casesOfSkills([
    ["Requirements\n- Python\n\nWe'll teach you our tools and habits, such as code review and testing.", 'software-engineering', false],
    ['Requirements\n- Python\n- You will review the code of two other teams', 'software-engineering', true],
  ], 'job');
});

describe("a business's money by its own names, sampling by design, helping other professionals, things prioritised", () => {
  casesOfSkills([
    ['Produced the quarterly management accounts for the board.', 'business-knowledge', true],
    ['Ran variance analysis of actual spend against the annual budget.', 'business-knowledge', true],
    ['Ran a variance analysis of the sensor noise.', 'business-knowledge', false],
    ['Kept the page inside its error budget for two quarters.', 'business-knowledge', false],
    ['Drew the audit samples by statistical sampling of invoices.', 'statistics', true],
    ['Supported the actuaries in moving their reserving models to Python.', 'collaboration', true],
    ['Supported 25 pupils with their coursework.', 'collaboration', false],
    ['Built a screen that helps chemists prioritise compounds for synthesis.', 'time-management', false],
    ['Prioritised requests from four teams against a fixed release date.', 'time-management', true],
  ]);
});

describe('MoSCoW headings, a training programme offered, words that only support, pipelines of analysis', () => {
  casesOfSkills([
    ['Data Engineer\n\nMust have:\n- SQL\n\nShould have:\n- Experience with Kubernetes and CI/CD pipelines', 'software-engineering', true],
    ["Requirements\n- SQL\n\nIn your first year you'll attend our academy (Python, statistics, cloud) with ten other starters.", 'statistics', false],
    ["Requirements\n- SQL\n\nIn your first month you'll attend our bootcamp (Kubernetes, Terraform, CI/CD pipelines).", 'software-engineering', false],
    ['Requirements\n- Knowledge of digital signal processing for radar returns', 'audio-speech', false],
    ['Requirements\n- Sound statistical judgement when reading experiment results', 'statistics', true],
  ], 'job');
  it('a heading "Should have:" after "Must have:" scopes its items as preferred', async () => {
    const { analysis } = await analyzeText('Data Engineer\n\nMust have:\n- SQL\n\nShould have:\n- Experience with Kubernetes and CI/CD pipelines\n\nCould have:\n- A/B testing', 'job');
    expect(analysis.skills.find((s) => s.id === 'software-engineering')?.requirement).toBe('preferred');
    expect(analysis.skills.find((s) => s.id === 'idea-iteration')?.requirement).toBe('preferred');
  });
  casesOfSkills([
    ['Skills: R, Tableau, Excel', 'data-science', false],
    ['Maintained the lab\'s analysis pipelines for mass-spectrometry runs.', 'data-science', true],
  ]);
});

describe('tests by their names, preprocessing pipelines and a pricing page', () => {
  casesOfSkills([
    ['Compared the three sites with Kruskal-Wallis and Dunn tests.', 'statistics', true],
    ['Wrote the preprocessing pipeline for 40,000 scanned invoices.', 'data-science', true],
    ['Redesigned the pricing page and its FAQ.', 'business-knowledge', false],
    ['Set the pricing of our three subscription tiers.', 'business-knowledge', true],
    ['Ran a challenger test of the new scorecard on a tenth of applications.', 'idea-iteration', true],
    ['Built media mix models for the retail brand in Stan.', 'business-knowledge', true],
    ['Proposed next year\'s budget allocation across TV and search.', 'business-knowledge', true],
    ['The new ranking won a two-week online test by 1.8% in bookings.', 'idea-iteration', true],
    ['Applicants complete an online test of verbal reasoning.', 'idea-iteration', false],
    ['Wrote the coding standards the analytics team now follows.', 'software-engineering', true],
    ['Modelled the lifetime value of each subscriber cohort.', 'data-science', true],
    ['Takes a test-driven approach to the billing code.', 'software-engineering', true],
    ['Chose between time series methods for the weekly sales plan.', 'statistics', true],
    ['Trained vision-language-action models for a kitchen robot.', 'computer-vision', true],
    ['Five years of experience with the insurance industry and its brokers.', 'business-knowledge', true],
    ['Some knowledge about accounting would help you here.', 'business-knowledge', true],
    ['Built accessible websites with insurers as clients.', 'business-knowledge', false],
    ['Walked the investment committee through the model\'s drawdowns each month.', 'business-knowledge', false],
    ['Explained the model\'s drawdowns to the investment committee each month.', 'business-knowledge', true],
    ['Prepared the numbers for the quarterly business review.', 'business-knowledge', true],
    ['Led a three-month pilot of the new rota tool in two hospitals.', 'idea-iteration', true],
    ['Ran pilot training for the airline\'s new first officers.', 'idea-iteration', false],
  ]);
});

describe('an agency writing for its client', () => {
  casesOfSkills([
    ["My client, a drone start-up in Munich, needs a perception engineer.\n\nRequirements\n- Experience with object tracking (they train everything in PyTorch)\n- C++", 'neural-networks', true],
    ['Requirements\n- Experience with object tracking (they train everything in PyTorch)\n- C++', 'neural-networks', false],
  ], 'job');
});

describe("job ads: paid experience named with technologies between, the employer's academic unit, industries worked in or named as a domain, results put in money", () => {
  casesOfSkills([
    ['Requirements\n- At least two years of commercial Kotlin experience', 'business-knowledge', false],
    ['Requirements\n- Commercial C++ and CUDA experience in a trading firm', 'business-knowledge', false],
    ['Requirements\n- You think commercially about every model you ship', 'business-knowledge', true],
    ['Requirements\n- You write clear, reviewed Kotlin for our billing service', 'software-engineering', true],
    ['Nice to have\n- Knowledge of atmospheric dynamics or numerical weather prediction', 'physics', true],
    ['Nice to have\n- Experience with weather data (NWP models)', 'numerical-analysis', false],
    ['Reporting to the CEO, you will own the roadmap.', 'business-knowledge', false],
    ['Research Engineer\nDepartment of Statistics and Data Science, Harlow University\n\nDuties\n- Maintain the group\'s R packages', 'statistics', false],
    ['Duties\n- Apply statistics to the trial data of the Department of Oncology', 'statistics', true],
    ['Duties\n- Work with collaborators across the consortium on shared pipelines', 'collaboration', true],
    ['Requirements\n- You have worked in insurance or another regulated business', 'business-knowledge', true],
    ['Requirements\n- You can turn a drop in recall into dollars for the claims team', 'business-knowledge', true],
    ['Requirements\n- Ideally you have worked in pharma or a similar regulated field', 'business-knowledge', true],
    ['Requirements\n- You will work with insurers and brokers to clean up their claims data', 'business-knowledge', false],
    ['Nice to have:\n- Insurance domain, Kafka', 'business-knowledge', true],
    ['Nice to have:\n- Exposure to the legal domain', 'business-knowledge', true],
    ['Responsibilities\n- Build the forecasting service in partnership with the supply planners', 'collaboration', true],
    ['Responsibilities\n- Build the forecasting service in partnership with the supply planners', 'business-knowledge', false],
    ['Requirements\n- You can explain a model\'s precision in business terms', 'business-knowledge', true],
  ], 'job');
});

describe('business knowledge written without its keywords: prices tested, budgets owned, results taken to the board or leadership', () => {
  casesOfSkills([
    ['Ran two pricing tests on the annual plan.', 'idea-iteration', true],
    ['Each month I communicate the churn drivers to leadership.', 'business-knowledge', true],
    ['Own the labelling budget and the two annotation vendors.', 'business-knowledge', true],
    ['Own the budgeting feature of a personal-finance app.', 'business-knowledge', false],
    ['Presented the churn findings to the board each quarter.', 'business-knowledge', true],
    ['Soldered the sensor board and presented it at the open day.', 'business-knowledge', false],
    ['Drafted the annual budget for the clinic with its manager.', 'business-knowledge', true],
    ['Ran price experiments on delivery fees in three cities.', 'business-knowledge', true],
  ]);
});

describe('idea iteration: iterating after trying, work shipped in iterations, experiments before a rollout', () => {
  casesOfSkills([
    ['Put a rough version of the alerting in front of nurses within a week, then iterated.', 'idea-iteration', true],
    ['Ran two experiments with partner restaurants before rolling out the new forecast.', 'idea-iteration', true],
    ['The booking redesign was shipped in four iterations, each tried on a tenth of users.', 'idea-iteration', true],
    ['The k-means iterations stopped once the centroids moved less than 0.01.', 'idea-iteration', false],
  ]);
});

describe('whose work it is: people worked with, and what people named in the plural do after "who"', () => {
  casesOfSkills([
    ['Worked with the merchandisers on which promotions to rank first.', 'collaboration', true],
    ['Ran the storage for the oceanographers who run ocean dynamics simulations.', 'physics', false],
    ['Trained the store managers who use the demand forecasts built in XGBoost.', 'learning-algorithms', false],
    ['As a hydrologist who builds flood models in XGBoost, I tune them weekly.', 'learning-algorithms', true],
    ['Stood shoulder to shoulder with our mechanical, electrical and software engineers at launch.', 'collaboration', true],
  ]);
});

describe('subjects and methods by their names, and subjects beside a word of mathematics or of a course', () => {
  casesOfSkills([
    ['Projects\n- Handwritten digit recognition with a small CNN', 'computer-vision', true],
    ['Tutored GCSE and A-level maths, calculus above all, for six years.', 'calculus', true],
    ['Forecast weekly footfall with SARIMAX and holiday regressors.', 'statistics', true],
    ['Rebuilt product search on cross-encoder rerankers over BM25 candidates.', 'neural-networks', true],
    ['Took Probability and Random Processes in my second year.', 'statistics', true],
    ['Planned and sequenced the data platform roadmap for four squads.', 'time-management', true],
    ['Cleaned the field recordings from 40 farms before labelling them.', 'data-science', true],
    ['Built vision-based bin picking for a parcel sorter.', 'computer-vision', true],
    ['There is a high probability of delays on the night shift.', 'statistics', false],
    ['Side projects\n- A digit recogniser for scanned cheques, in Keras', 'computer-vision', true],
    ['Wrote the equations of motion for the balancing scooter and tuned its controller.', 'physics', true],
    ['Every braking-controller build passes hardware-in-the-loop testing on the rig.', 'software-engineering', true],
    ['A-levels: Mathematics (C), Chemistry (B)', 'cpp', false],
  ]);
});

describe('a fear denied affirms what was feared: "not afraid of", "never shies away from"', () => {
  casesOfSkills([
    ['Requirements\n- You are not afraid of linear algebra or a page of proofs', 'linear-algebra', true],
    ['Requirements\n- Someone who doesn\'t shy away from C++ templates', 'cpp', true],
    ['Not put off by messy Bayesian models; I like them.', 'statistics', true],
    ['Requirements\n- You do not need linear algebra for this post', 'linear-algebra', false],
  ], 'job');
});

describe('words that name a system\'s side, not the person\'s: client-facing software, compute workloads, an organisation\'s priorities', () => {
  casesOfSkills([
    ['Built client-facing dashboards in React for the loan book.', 'business-knowledge', false],
    ['Four years in a client-facing consulting role with retail banks.', 'business-knowledge', true],
    ['Tuned the autoscaling of our inference workloads on spot instances.', 'time-management', false],
    ['Planned capacity for ML workloads across two regions.', 'time-management', false],
    ['Managed a heavy workload across three product launches.', 'time-management', true],
    ['Mapped the lab\'s projects onto the national research priorities.', 'time-management', false],
    ['Juggled competing priorities from four product owners.', 'time-management', true],
  ]);
});

describe('job ads: the team\'s past work and the company\'s creed are not the post\'s asks', () => {
  casesOfSkills([
    ['Recent wins from the team:\n- a LightGBM churn model now used by retention\n\nRequirements\n- Python', 'learning-algorithms', false],
    ['What you will achieve in year one:\n- a LightGBM churn model used by retention\n\nRequirements\n- Python', 'learning-algorithms', true],
    ['The pricing team combines:\n- econometrics and Bayesian statistics\n- product sense\n\nRequirements\n- Python', 'statistics', false],
    ['Responsibilities\n- Embody Kestrel\'s principles (Obsess over customer needs, Ship small, Stay curious)\n- Build the churn models in Python', 'business-knowledge', false],
    ['Responsibilities\n- Turn customer needs into the churn models\' targets', 'business-knowledge', true],
    ['Requirements\n- A grasp of software engineering principles: unit tests, code review', 'software-engineering', true],
  ], 'job');
});

describe('a pipeline that trains models suggests data work without showing it', () => {
  casesOfSkills([
    ['Requirements\n- Keep the ML pipelines on Kubeflow healthy and cheap', 'data-science', false],
    ['Requirements\n- Build ML pipelines, from data cleaning and feature engineering to training', 'data-science', true],
  ], 'job');
});

describe('a discipline named as the people worked with stands for its people, not a skill', () => {
  casesOfSkills([
    ['Responsibilities\n- Partner with data science, design and finance on the pricing roadmap', 'data-science', false],
    ['Requirements\n- Experience working with data science and analytics tooling', 'data-science', true],
  ], 'job');
  casesOfSkills([
    ['Worked closely with product management on the launch plan.', 'business-knowledge', false],
    ['Product management: ran discovery for the billing app for two years.', 'business-knowledge', true],
  ]);
});

describe('information retrieval relates to NLP without showing it', () => {
  casesOfSkills([
    ['Requirements\n- Prior experience with information retrieval for ads ranking', 'nlp', false],
    ['Requirements\n- Information retrieval over clinical notes with fine-tuned BERT encoders', 'nlp', true],
  ], 'job');
});

describe('job ads: a duty given to the candidate is the post\'s, even under a heading about the company', () => {
  casesOfSkills([
    ['About the company\nKestrel makes flood maps for insurers. In this role you will work closely with our hydrologists.\n\nRequirements\n- SQL', 'collaboration', true],
    ['About the company\nKestrel makes flood maps for insurers. You\'ll join a team that fine-tunes PyTorch models.\n\nRequirements\n- SQL', 'neural-networks', false],
    ['About the company\nKestrel makes flood maps for insurers; its hydrologists work closely with our data team.\n\nRequirements\n- SQL', 'collaboration', false],
  ], 'job');
});

describe('collaboration is with someone; a fail-fast workplace is not iteration; functions listed as partners', () => {
  casesOfSkills([
    ['Strong collaboration and communication skills.', 'collaboration', false],
    ['A collaborative person who enjoys a friendly office.', 'collaboration', false],
    ['Collaborated closely with the actuaries on the reserving models.', 'collaboration', true],
    ['Collaboration across the clinical and data teams on triage.', 'collaboration', true],
  ]);
  casesOfSkills([
    ['About you\n- You thrive in a fail-fast environment', 'idea-iteration', false],
    ['Requirements\n- A fail-fast approach to model ideas: try, measure, drop', 'idea-iteration', true],
    ['Requirements\n- Liaise with stakeholders from other functions such as project management and legal', 'time-management', false],
  ], 'job');
});

describe('teams described by what they are doing, and a list of the company\'s values, are not the post\'s asks', () => {
  casesOfSkills([
    ['About the role\nYou will support the analytics teams that are building churn models in XGBoost.\n\nRequirements\n- SQL', 'learning-algorithms', false],
    ['Responsibilities\n- Join the teams that build our XGBoost churn models', 'learning-algorithms', true],
    ['Requirements\n- Python\n\nWe work as one crew, built on three shared values:\n- Prioritising the customer\n- Owning outcomes', 'time-management', false],
  ], 'job');
  casesOfSkills([
    ['Supported two research groups which train speech recognisers in Kaldi.', 'audio-speech', false],
  ]);
});

describe('everyday senses of hive and commercial; online experimentation; iterating after evaluating', () => {
  casesOfSkills([
    ['Requirements\n- Python, PyTorch, Kubernetes and SQL on GCP\n\nWhat you get when you join the hive\n- Unlimited PTO', 'data-science', false],
    ['Requirements\n- Spark and Hive for the feature tables', 'data-science', true],
    ['Responsibilities\n- Lead our experimentation with the new models, both online and offline', 'idea-iteration', true],
  ], 'job');
  casesOfSkills([
    ['Built the route planner for the commercial deliveries of a grocery chain.', 'business-knowledge', false],
    ['Evaluated each version and iterated until the error stopped falling.', 'idea-iteration', true],
    ['The optimiser iterated until the gradient vanished.', 'idea-iteration', false],
  ]);
});

describe('job ads: a skills section written in sentences is the ad\'s own words', () => {
  it('a skill asked for in a prose skills section stays required beside a nice-to-have naming it', async () => {
    const text = 'Responsibilities\n- Ship the churn model\n\nSkills and Knowledge\n- An in-depth understanding of supervised learning and of feature selection\n\nNice to have\n- scikit-learn';
    const { analysis } = await analyzeText(text, 'job');
    expect(analysis.skills.find((s) => s.id === 'learning-algorithms')?.requirement).toBe('required');
  });
  it('a bare list of names under "Key Skills" does not outweigh the ad\'s own "nice to have"', async () => {
    const text = 'Responsibilities\n- Ship the churn model in Python\n\nNice to have\n- scikit-learn\n\nKey Skills\nPython, scikit-learn, SQL';
    const { analysis } = await analyzeText(text, 'job');
    expect(analysis.skills.find((s) => s.id === 'learning-algorithms')?.requirement).toBe('preferred');
  });
});

describe('an acronym the document spells out stands for those words', () => {
  casesOfSkills([
    ['About the role\nYou will own our Machine Learning Platform (MLP): the MLP serves every model.\n\nRequirements\n- Go', 'neural-networks', false],
  ], 'job');
  casesOfSkills([
    ['Trained a Multi-Layer Perceptron (MLP) on tabular churn data; the MLP beat the baseline.', 'neural-networks', true],
    ['Skills: MLP, CNN and LSTM models in PyTorch', 'neural-networks', true],
  ]);
});

describe('production software, supervised machine learning, and a value put first', () => {
  casesOfSkills([
    ['Requirements\n- Three years writing production software for payment systems', 'software-engineering', true],
    ['Responsibilities\n- Train supervised and unsupervised machine learning models on claims data', 'learning-algorithms', true],
    ['Responsibilities\n- Prioritize safety and privacy in every model we ship', 'time-management', false],
    ['Responsibilities\n- Prioritize incoming requests from three product teams', 'time-management', true],
  ], 'job');
});

describe('Core ML is Apple\'s framework by its capitals, and a value put first is no time management', () => {
  casesOfSkills([
    ['Responsibilities\n- Own the core ML infrastructure and its CI/CD\n\nRequirements\n- Go', 'neural-networks', false],
    ['Responsibilities\n- Prioritize people and their privacy over growth', 'time-management', false],
  ], 'job');
  casesOfSkills([
    ['Shipped on-device image models with Core ML and Swift.', 'neural-networks', true],
  ]);
});

describe('job ads: a company heading does not end the company\'s intro', () => {
  casesOfSkills([
    ['About Kestrel\nKestrel builds flood maps for insurers.\n\nAbout this role\nWith the help of our engineers, we keep training the best PyTorch flood models in the field.\n\nRequirements\n- SQL', 'neural-networks', false],
  ], 'job');
});

describe('job ads: what the company\'s team works with is its stack, not the post\'s ask', () => {
  casesOfSkills([
    ['About the role\nOur data team primarily works with Python and dbt.\n\nRequirements\n- SQL', 'python', false],
    ['Responsibilities\n- Work with Python and dbt on the pricing models', 'python', true],
  ], 'job');
});

describe('LlamaIndex, like LangChain, shows LLMs used, not NLP modelling', () => {
  casesOfSkills([
    ['Requirements\n- Five years of Python and LlamaIndex for retrieval over contracts', 'nlp', false],
    ['Requirements\n- LlamaIndex and fine-tuning of language models on contracts', 'nlp', true],
  ], 'job');
});

describe('"non-" reverses a mention; degree fields written as B.S., BA or "a relevant … field"; perks, file systems and training pipelines', () => {
  casesOfSkills([
    ['Responsibilities\n- Decide which problems suit simpler non-statistical methods', 'statistics', false],
    ['Desired qualities\n- B.S. or higher in Machine Learning, Math, Physics or similar', 'physics', false],
    ['Requirements\n- BA or Master in CS, EE or a relevant software engineering field', 'software-engineering', false],
    ['Requirements\n- Python\n\nLife at Kestrel\n- We provide an annual budget for you to spend on conferences', 'business-knowledge', false],
    ['Requirements\n- Experience with distributed file systems such as Lustre or Weka', 'learning-algorithms', false],
    ['Requirements\n- Own our model training pipelines on Kubeflow', 'data-science', false],
  ], 'job');
  casesOfSkills([
    ['Drafted the annual budget for the clinic with its manager.', 'business-knowledge', true],
    ['Classified sensor faults with random forests in Weka.', 'learning-algorithms', true],
  ]);
});

describe('software or models put into use where they run are software engineering; troops, staff and lifecycle lists are not', () => {
  casesOfSkills([
    ['Requirements\n- Experience deploying forecasting models to AWS Lambda', 'software-engineering', true],
    ['Requirements\n- You have deployed recommendation services used by millions of shoppers', 'software-engineering', true],
    ['Responsibilities\n- Deploy the routing software stack onto our warehouse robots', 'software-engineering', true],
    ['Responsibilities\n- Deploy field engineers to customer sites across the region', 'software-engineering', false],
    ['Responsibilities\n- You will gather, label, deploy and retire churn models each quarter', 'software-engineering', false],
  ], 'job');
  casesOfSkills([
    ['Deployed the triage model to 300 clinic devices.', 'software-engineering', true],
    ['Deployed to Kandahar with the Royal Engineers in 2009.', 'software-engineering', false],
  ]);
});

describe('a heading about working at the place heads an offer, not requirements', () => {
  casesOfSkills([
    ['Requirements\n- Python\n\nWorking at Ferrovia\n- Work beside colleagues from twelve countries, with teams in four time zones', 'collaboration', false],
    ['Requirements\n- Python\n\nLife at Ferrovia:\n- Partner with product teams from day one on projects that matter', 'collaboration', false],
    ['Requirements\n- Python\n- Partner with product teams on the pricing models', 'collaboration', true],
  ], 'job');
});

describe('"and potentially", "or possibly" before an item make that item a wish', () => {
  it('the items after the cue are preferred, the ones before it stay required', async () => {
    const text = 'Requirements\n- Experience with Go, and potentially some C++ for the matching engine';
    expect(await requirementIn(text, 'cpp')).toBe('preferred');
    const other = 'Requirements\n- Strong Python, or possibly Keras for the image work';
    expect(await requirementIn(other, 'neural-networks')).toBe('preferred');
    expect(await requirementIn(other, 'python')).toBe('required');
  });
  it('"potentially" inside a clause is no cue', async () => {
    expect(await requirementIn('Requirements\n- Build PyTorch models that potentially serve every rider', 'neural-networks')).toBe('required');
  });
});

describe('leads and leadership are people to work with', () => {
  casesOfSkill('collaboration', [
    ['Worked with the tech leads on the migration plan.', true],
    ['Worked with executive leadership on the pricing roadmap.', true],
    ['Worked with lead paint samples in the school lab.', false],
  ]);
});

describe('"machine learning algorithms" name machine learning in general, no family of learning algorithms', () => {
  casesOfSkills([
    ['Requirements\n- Design, build and test machine learning algorithms for fraud scoring', 'learning-algorithms', false],
    ['Requirements\n- Knowledge of ML algorithms and their trade-offs', 'learning-algorithms', false],
    ['Requirements\n- Machine learning algorithms such as random forests and gradient boosting', 'learning-algorithms', true],
  ], 'job');
});

describe('a company describing itself under a heading "We\'re …", or after its founding year', () => {
  casesOfSkills([
    ['Requirements\n- Python\n\nWe\'re Profitable\n- Our partnerships with three national banks fund the roadmap', 'business-knowledge', false],
    ['Requirements\n- Python\n\nWe are Growing\n- We work alongside clinicians in forty hospitals', 'collaboration', false],
    ['Established in 2012, Larkfield partners with clinicians in nine countries.\n\nRequirements\n- Python', 'collaboration', false],
    ['Requirements\n- Partner with hospital teams on the triage models', 'collaboration', true],
  ], 'job');
  it('"We\'re looking for" still heads requirements', () => {
    expect(detectSections('We\'re looking for\n- Python\n- SQL').map((s) => s.kind)).toEqual(['requirements']);
  });
});

describe('a whole line in bold markers left as written is a title', () => {
  it('its words classify it', () => {
    const text = 'Requirements\n- Python\n\n**Perks & Benefits @Larkfield **\n\nYou get a laptop and a budget.';
    expect(detectSections(text).map((s) => [s.title, s.kind])).toEqual([
      ['Requirements', 'requirements'],
      ['Perks & Benefits @Larkfield', 'benefits'],
    ]);
  });
});

describe('auditing code is work on it; an audited course was only attended', () => {
  casesOfSkills([
    ['Requirements\n- Experience auditing services written in Go and Python', 'python', true],
  ], 'job');
  casesOfSkills([
    ['Audited the university\'s Python course in 2020.', 'python', false],
  ]);
});

describe('a bare "optional" after an item is that item\'s level', () => {
  it('the optional item is preferred and the one before it stays required', async () => {
    const text = 'Requirements\n- Strong Python, PyTorch optional';
    expect(await requirementIn(text, 'python')).toBe('required');
    expect(await requirementIn(text, 'neural-networks')).toBe('preferred');
  });
});

describe('a language model trained, fine-tuned, evaluated or researched is language modelling; one used is not', () => {
  casesOfSkills([
    ['Responsibilities\n- Pre-train and evaluate LLMs for contract review', 'nlp', true],
    ['Requirements\n- Published research on large language models at a major venue', 'nlp', true],
    ['Requirements\n- Experience building chat features on top of hosted LLMs', 'nlp', false],
    ['Requirements\n- Experience as a researcher building apps on LLM APIs', 'nlp', false],
  ], 'job');
  casesOfSkills([
    ['Fine-tuned and benchmarked open LLMs on legal summaries.', 'nlp', true],
    ['Used LLMs to draft marketing copy for the spring campaign.', 'nlp', false],
  ]);
});

describe('a list item that only labels the items under it keeps their level', () => {
  it('"- Technical skills:" among wishes groups wishes', () => {
    const text = 'Nice to have:\n\n- Docker\n\n- Technical skills:\n\n- Scala or C++\n\n- Terraform';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['preferred']);
  });
  it('a heading line of its own still starts a section', () => {
    expect(detectSections('Nice to have:\n- Docker\n\nTechnical skills:\n- Scala').map((s) => s.kind)).toEqual(['preferred', 'skills']);
  });
});

describe('data structures beside metrics or dashboards are an analytics team\'s data, not programming', () => {
  casesOfSkills([
    ['Responsibilities\n- Learn the data structures and metrics behind our retention dashboards', 'software-engineering', false],
    ['Requirements\n- Solid grounding in algorithms and data structures', 'software-engineering', true],
  ], 'job');
});

describe('DevOps, sales and security named as the people worked with', () => {
  casesOfSkills([
    ['Responsibilities\n- Interface with sales and DevOps for the quarterly usage reports', 'software-engineering', false],
    ['Requirements\n- Hands-on DevOps: Terraform, pipelines and on-call', 'software-engineering', true],
  ], 'job');
});

describe('a machine\'s perception is computer vision; a person\'s or a brand\'s is not', () => {
  casesOfSkills([
    ['Requirements\n- Train neural networks for perception on our delivery drones', 'computer-vision', true],
    ['Requirements\n- Own the robot perception code on our warehouse arms', 'computer-vision', true],
    ['Responsibilities\n- Track brand perception across customer surveys', 'computer-vision', false],
  ], 'job');
  casesOfSkills([
    ['MSc Computer Science, track: Perception and Robotics.', 'computer-vision', false],
  ]);
});

describe('"Scikit" alone is scikit-learn, as lists shorten it', () => {
  casesOfSkills([
    ['Requirements\n- Skilled with NumPy, Pandas and Scikit', 'learning-algorithms', true],
    ['Requirements\n- Image filters with scikit-image', 'learning-algorithms', false],
  ], 'job');
});

describe('"clean data structures" is code written cleanly; data transformed or prepared is data work', () => {
  casesOfSkills([
    ['Requirements\n- Write clean data structures and readable interfaces in Kotlin', 'data-science', false],
    ['Requirements\n- Pull and transform the claims data from our warehouse with SQL', 'data-science', true],
  ], 'job');
});

describe('teams named in a parenthesis after the plural word are teams, not skills asked for', () => {
  casesOfSkills([
    ['About the role\nYou will partner with research teams (e.g., Computer Vision, Speech, Ranking) on model compression.\n\nRequirements\n- C++', 'computer-vision', false],
    ['Requirements\n- Experience with computer vision (e.g., detection, segmentation)', 'computer-vision', true],
  ], 'job');
});

describe('a hyphenated compound between the conjunction and the shared head is one modifier', () => {
  casesOfSkills([
    ['Responsibilities\n- Ensure timely and cost-effective project delivery across the portfolio', 'time-management', true],
  ], 'job');
  it('the first modifier reads with the head after the compound', async () => {
    expect((await acceptedTerms('Trained recurrent and attention-based neural networks for the scanner.')).map((t) => t.split(':')[0])).toContain('rnn');
  });
});

describe('"What we\'ll expect from you" heads requirements', () => {
  it('in the company\'s words, it still asks', () => {
    expect(detectSections('About us\nWe sell bikes.\n\n### What We\'ll Expect From You\n- Python').map((s) => s.kind)).toEqual(['about-company', 'requirements']);
    expect(detectSections('Intro.\n\nWhat we expect of you:\n- SQL').map((s) => s.kind)).toEqual(['requirements']);
  });
});

describe('a lifecycle "from ideation to production" names no way of trying ideas', () => {
  casesOfSkills([
    ['Responsibilities\n- Own our pricing models from ideation to production', 'idea-iteration', false],
    ['Responsibilities\n- Run ideation workshops with merchants every quarter', 'idea-iteration', true],
  ], 'job');
});

describe('a data landscape, ecosystem or strategy transformed is no data transformed', () => {
  casesOfSkills([
    ['Responsibilities\n- Help us transform the bank\'s data landscape for the next decade', 'data-science', false],
    ['Responsibilities\n- Transform the raw telemetry data into daily aggregates', 'data-science', true],
  ], 'job');
});

describe('a company named after a phrase about it, before the first heading, speaks of itself', () => {
  casesOfSkills([
    ['A leader in freight software since 2009, Heronsgate partners with planners in forty depots.\n\nRequirements\n- Python', 'collaboration', false],
  ], 'job');
});

describe('a title naming the post, and one about caring for staff', () => {
  it('"The Data Platform Engineer Role" over a paragraph, a blank line between, heads the post\'s description', () => {
    const text = 'Ferrovia moves freight.\n\nThe Data Platform Engineer Role\n\nJoin us to build our pricing engine.\n\nWhat we need\n- Python';
    expect(detectSections(text).map((s) => [s.title, s.kind])).toEqual([
      ['The Data Platform Engineer Role', 'about-role'],
      ['What we need', 'requirements'],
    ]);
  });
  it('"How we\'ll take care of you" heads benefits', () => {
    expect(detectSections('Requirements\n- Python\n\n### How We\'ll Take Care of You\n\nPay reflects business needs.').map((s) => s.kind)).toEqual(['requirements', 'benefits']);
  });
});

describe('the employer\'s own name is the company, even when a tool shares it', () => {
  casesOfSkills([
    ['About Keras\nWe build tools for gardeners.\n\nResponsibilities\n- Grow Keras into the best place for engineers to work\n\nRequirements\n- Recruiting experience in technical hiring', 'neural-networks', false],
    ['About Lumen\nAt Lumen, we build tools for gardeners.\n\nRequirements\n- Three years of Keras', 'neural-networks', true],
  ], 'job');
  it('the names the ad introduces itself by', () => {
    expect([...employerNames('About Us\nWe sell.\n\nWhy Snowflake?\nBecause.\n\nAt Weights & Biases, we care.')]).toEqual(['snowflake', 'weights & biases']);
  });
});

describe('a lead-in of up to twenty words that ends in a colon over a list introduces it', () => {
  it('the words of a two-sentence lead-in say what the list is, and end a company part before it', () => {
    const text = 'Our culture: calm and kind\nWe pay well.\n\nIs this the right post for you? Here is what we are looking for:\n\n- Python\n\nOn top of the basics, we will count these as a plus when we read your application:\n\n- Rust';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['about-company', 'requirements', 'preferred']);
  });
  it('"…, plus:" at its end is "and also", not a wish', () => {
    const text = 'In this post you should have four years of backend experience, plus:\n\n- Python';
    expect(detectSections(text).map((s) => s.kind)).toEqual(['requirements']);
  });
});

describe('fields of academic achievements are a degree\'s fields', () => {
  casesOfSkills([
    ['Requirements\n- Strong academic achievements in Mathematics, Physics or Statistics', 'physics', false],
    ['Requirements\n- Strong academic achievements in Mathematics, Physics or Statistics', 'statistics', false],
  ], 'job');
});

describe('two verbs sharing an object are not two modifiers sharing a head', () => {
  casesOfSkills([
    ['Responsibilities\n- Spend your days building and evaluating systems that spot forged photos', 'software-engineering', false],
    ['Requirements\n- Experience with build systems such as Bazel', 'software-engineering', true],
  ], 'job');
});

describe('an ad\'s other openings, "we also have a project for…"', () => {
  casesOfSkills([
    ['Requirements\n- Python and SQL\n\nAlso, we have several projects for Android developers, so if you have five years of mobile software development, write to us.', 'software-engineering', false],
    ['Requirements\n- Python\n\nWe also have an urgent project for a backend developer with strong code review habits.', 'software-engineering', false],
  ], 'job');
});

describe('a job ad\'s bare "About", a sales plan\'s pay terms and a balanced portfolio', () => {
  casesOfSkills([
    ['**About**\n\nFerrovia cuts operating costs for hauliers and improves their business outcomes.\n\n**Requirements**\n- C++', 'business-knowledge', false],
    ['Requirements\n- C++\n\nPay: employees on sales plans earn incentive pay against quota, at 1% of target for each 1% of revenue attained.', 'business-knowledge', false],
    ['Responsibilities\n- Keep a balanced portfolio of research and product work', 'time-management', false],
    ['Responsibilities\n- Balance research duties with two client projects each quarter', 'time-management', true],
  ], 'job');
  casesOfSkills([
    ['About\nI cut operating costs for a haulier by a fifth.', 'business-knowledge', true],
  ]);
});

describe('fields in a parenthesis after "a … discipline"; "About the organisation"; "advantageous"', () => {
  casesOfSkills([
    ['Requirements\n- Degree in a numerate discipline (Computer Science, Physics, Economics) or equivalent experience', 'physics', false],
    ['Requirements\n- Python\n\n### About the Organisation\nThe firm lifts revenue for clinics across Ontario.', 'business-knowledge', false],
  ], 'job');
  it('"It would be advantageous to have:" heads wishes', () => {
    expect(detectSections('Requirements\n- Python\n\nIt would be advantageous to have:\n- Rust').map((s) => s.kind)).toEqual(['requirements', 'preferred']);
  });
});

describe('an acronym spelled out before a parenthesis that goes on, or with a word in capitals', () => {
  casesOfSkills([
    ['Data manager, Coastal Nature Network (CNN Wales), 2016 to 2018', 'neural-networks', false],
    ['Postdoc, Rail AI Institute (RAII Delft), 2020', 'cpp', false],
    ['Kept file handles safe with RAII in the C++ ingest service.', 'cpp', true],
  ]);
});

describe('word senses met in self-published CVs: learning algorithms of a field, vector instructions, records kept, matrix courses', () => {
  casesOfSkills([
    ['Built a robot learning algorithm for drawer opening.', 'learning-algorithms', false],
    ['Benchmarked supervised learning algorithms on credit data.', 'learning-algorithms', true],
    ['Hand-vectorised the hash join with SIMD in Rust.', 'cpp', false],
    ['Wrote AVX2 kernels in C++ for the ranker.', 'cpp', true],
    ['Cut the time to update statistics on large partitioned tables from hours to seconds.', 'statistics', false],
    ['Used Bayesian statistics to size the trial arms.', 'statistics', true],
    ['Coursework: Matrix Analysis, Real Analysis, Probability', 'linear-algebra', true],
    ['Ran a risk matrix analysis for the vendor audit.', 'linear-algebra', false],
    ['Hardware: Jetson Orin, Ouster LiDAR, CAN bus adapters', 'computer-vision', false],
    ['Segmented LiDAR scans into drivable and blocked ground.', 'computer-vision', true],
    ["Shipped one of the firm's top priorities, a new ledger.", 'time-management', false],
    ['Juggled competing priorities across three client launches.', 'time-management', true],
    ['Soft skills: teamwork, punctuality, curiosity', 'collaboration', false],
    ['A reliable team player who enjoys a busy shop floor.', 'collaboration', false],
    ['Built the billing pipeline together with the finance team.', 'collaboration', true],
    ['Coursework: Microcomputer System Design, Signals and Systems', 'software-engineering', false],
    ['Led the system design of our order-matching service.', 'software-engineering', true],
  ]);
});

describe('citations: a venue names its own field, and a Title Case title names its topic', () => {
  casesOfSkills([
    ['Publications\n- Lee, K. and Ortiz, M. Fast grasp planning in clutter. International Conference on Artificial Intelligence and Statistics, 2024.', 'statistics', false],
    ['Publications\n- Lee, K. Drift in field sensors. Journal of Applied Statistics, 2021.', 'statistics', false],
    ['Publications\n- Lee, K. Bayesian statistics for small trials: a practical guide. Clinical Trials, 2021.', 'statistics', true],
    ['Publications\n- Ruiz, A., Chen, L. Stakeholder Management in Open Hardware Projects. Open Science Workshop, 2023.', 'business-knowledge', false],
    ['Research\n- Worked with cardiologists and radiographers to label the scans.', 'collaboration', true],
    ['Experience\n- Presented pricing plans to Stakeholder Boards in Three Regions', 'business-knowledge', true],
  ]);
});

describe('a running date range, prizes, contests and chips are not what their words say elsewhere', () => {
  casesOfSkills([
    ['Treasurer and executive board member of the chess club (2021 – Present)', 'business-knowledge', false],
    ['Presented the churn forecast to board members every quarter.', 'business-knowledge', true],
    ['Reduced triage delays and received a $5k reward from the hospital.', 'business-knowledge', false],
    ['Reduced cloud spend by $40k a year.', 'business-knowledge', true],
    ['Finalist, Interdisciplinary Contest in Modeling 2022', 'collaboration', false],
    ['Validated every operator on the Language Processing Unit.', 'nlp', false],
    ['Built language processing pipelines for clinical notes.', 'nlp', true],
  ]);
});

describe('power analysis in hardware security is a side-channel attack, not a sample size', () => {
  casesOfSkills([
    ['Recovered AES keys through software-based power analysis of the enclave.', 'statistics', false],
    ['Ran power analyses to size the customer survey.', 'statistics', true],
  ]);
});

describe('a double s is no plural, and a field named after "multidisciplinary" is a course', () => {
  casesOfSkills([
    ['Styling: Sass, Less and Tailwind', 'statistics', false],
    ['Fitted mixed models in SAS for the trial data.', 'statistics', true],
    ['Coursework: Multidisciplinary NLP, Operating Systems', 'collaboration', false],
    ['Joined a multidisciplinary team of nurses and engineers.', 'collaboration', true],
  ]);
});

describe('pictures read by a model: a vision task or a deep-learning framework beside them', () => {
  casesOfSkills([
    ['Used TensorFlow to flag cracks in bridge photos for the inspection crew.', 'computer-vision', true],
    ['Took photos of every shelf for the weekly stock report.', 'computer-vision', false],
  ]);
});

describe('terms that name their class: a radiance field is a network, a Dirichlet process a prior, a headline a text', () => {
  casesOfSkills([
    ['Fitted neural radiance fields to drone sweeps of quarry walls.', 'neural-networks', true],
    ['Clustered shoppers with a hierarchical Dirichlet process.', 'statistics', true],
    ['Built a question generation system for reading quizzes.', 'nlp', true],
    ['Scheduled power generation for the wind farm.', 'nlp', false],
    ['Measured jitter and shimmer in Praat for the voice clinic.', 'audio-speech', true],
    ['Segmented podcast episodes with pyAudioAnalysis.', 'audio-speech', true],
  ]);
});

describe('joint work, interest and ideas reworked: who stands after "alongside", being drawn to a field, refining on feedback', () => {
  casesOfSkills([
    ['Built the reporting screens alongside full order management for the shop.', 'collaboration', false],
    ['Built the triage model alongside two clinicians and a nurse.', 'collaboration', true],
    ['Lately I am increasingly drawn to reinforcement learning for warehouse robots.', 'reinforcement-learning', false],
    ['Trained PPO agents for warehouse robots.', 'reinforcement-learning', true],
    ['Proposed a new checkout flow and refined it with input from the support desk.', 'idea-iteration', true],
    ['Refined the SQL behind the monthly report.', 'idea-iteration', false],
  ]);
});

describe('a low level over a skills list: its items are known a little', () => {
  casesOfSkills([
    ['Skills\nConfident:\n- Rust\nSomewhat familiar:\n- C++, CUDA', 'cpp', false],
    ['Skills\nConfident:\n- Rust\n- C++ and CUDA', 'cpp', true],
    ['Skills\n➔ Familiar: C++, CUDA\n➔ Daily: Rust', 'cpp', false],
  ]);
});

describe('an acronym spelled out in the lines before it stands for those words', () => {
  casesOfSkills([
    ['Certifications\nPassed Society of Actuaries Exam P, 2022\nCredit for SOA Exam FM, 2023', 'software-engineering', false],
    ['Moved the billing monolith to a SOA with five services.', 'software-engineering', true],
  ]);
});

describe('what follows "references available upon request" is the CV again', () => {
  casesOfSkills([
    ['Skills\nRust\n\nReferences\nAvailable upon request.\n\nAlso fluent in Python for data tooling.', 'python', true],
  ]);
});

describe('"currently learning" with an object of its own, and terms agreed with a customer or vendor', () => {
  casesOfSkills([
    ['Comfortable in Python and currently learning Rust and Haskell.', 'python', true],
    ['Python (currently learning)', 'python', false],
    ['Took part in negotiations with the customer on delivery dates.', 'business-knowledge', true],
    ['The client negotiated TLS versions with the server.', 'business-knowledge', false],
  ]);
});

describe('levels and claims: "Some experience:", a part titled "Familiar with", bugs fixed, working with "others"', () => {
  casesOfSkills([
    ['Skills\nDaily: Kotlin, Go\nSome experience: C++, Lua', 'cpp', false],
    ['# Tools\n\nKotlin\n\n# Familiar with\n\nC++\nLua\n\n# Education\n\nBSc Informatics', 'cpp', false],
    ['# Tools\n\nKotlin\nC++\n\n# Education\n\nBSc Informatics', 'cpp', true],
    ['Shipped the offline mode and fixed sync bugs reported by nurses.', 'software-engineering', true],
    ['Found a bug in a chess puzzle book and wrote to the author.', 'software-engineering', false],
    ['I love collaborating with others and learning new things.', 'collaboration', false],
    ['Collaborated with other teams on the billing migration.', 'collaboration', true],
  ]);
});

describe('bagging is an ensemble method only beside ensembles, trees, boosting or variance', () => {
  casesOfSkills([
    ['Skills: Python, PyTorch\nTaught a UR5 robot a bagging strategy for groceries.', 'learning-algorithms', false],
    ['Skills: Python, PyTorch\nUsed bagging to cut the variance of our decision trees.', 'learning-algorithms', true],
  ]);
});

describe('work not begun yet, and a coordinated data phrase', () => {
  casesOfSkills([
    ['Lab intern (incoming, June)\n- Preparing to support the group with experimental design for field trials.', 'statistics', false],
    ['Ran the experimental design for three field trials.', 'statistics', true],
    ['Owned data collection & analysis for the flood survey.', 'data-science', true],
  ]);
});

describe('a language\'s scientific computing libraries, and insights drawn from data', () => {
  casesOfSkills([
    ['Fluent in Julia, including its scientific computing libraries.', 'numerical-analysis', false],
    ['Built solvers for scientific computing on GPUs.', 'numerical-analysis', true],
    ['Comfortable drawing insights from data for the buying team.', 'data-science', true],
    ['Shared insights with the community through talks.', 'data-science', false],
  ]);
});

describe('an organisation named after a field: the Institute of Physics or the Center for Statistics is no skill', () => {
  casesOfSkills([
    ['Education\nBSc Economics, Baltic Institute of Physics and Technology, 2019', 'physics', false],
    ['Certificates\nData Ethics, Harbour Center for Statistics and Society, 2022', 'statistics', false],
    ['Education\nBSc Physics, Baltic University, 2019', 'physics', true],
  ]);
});

describe('a venue name wrapped onto the next line, the written test of an exam, filters that are not for signals', () => {
  casesOfSkills([
    ['Publications\n1. Park, J. and Ito, R. Lock-free spill buffers. In Proc. 31st International Conference on Data\nEngineering (XDE), 2024.', 'data-science', false],
    ['Publications\n1. Park, J. Lock-free spill buffers for feature pipelines. In Proc. Systems Workshop, 2024.', 'data-science', true],
    ['Achievements\n- Cleared the written test of the state engineering entrance examination in 2019.', 'software-engineering', false],
    ['Experience\n- Wrote tests for every payment endpoint before each release.', 'software-engineering', true],
    ['Skills\n- Python, MATLAB\n- Passed the Joint Entrance Screening Test (JEST) in 2021 with a top 2% score.', 'software-engineering', false],
    ['Skills\n- Python, MATLAB\n- Jest with snapshot tests for the web client', 'software-engineering', true],
    ['Research\n- Optimised the colour filter design of a camera sensor with an evolutionary search.', 'audio-speech', false],
    ['Experience\n- Owned the filter design for the hearing aid\'s signal chain.', 'audio-speech', true],
  ]);
});

describe('a club or an association named after a field is no skill of its member', () => {
  casesOfSkills([
    ['Experience\n- Treasurer of the Product Prototyping Club, 2022–2023', 'idea-iteration', false],
    ['Experience\n- Built quick prototypes of a parking app for the Product Prototyping Club and iterated on them weekly.', 'idea-iteration', true],
    ['Experience\n- Committee member, Student Association for Applied Statistics', 'statistics', false],
    ['Experience\n- Member of the Harbour Data Science Society', 'data-science', false],
    ['Experience\n- Cleaned and analysed the survey data of the Harbour Data Science Society', 'data-science', true],
  ]);
});

describe('motion found in camera frames, and an analysis driven by data', () => {
  casesOfSkills([
    ['Projects\n- Built motion detection on the doorbell camera feed to flag visitors.', 'computer-vision', true],
    ['Projects\n- Wired infrared sensors for motion detection in the greenhouse.', 'computer-vision', false],
    ['Projects\n- Ran a data-driven analysis of bike-share demand across five boroughs.', 'data-science', true],
  ]);
});

describe('insights drawn from data, and insights used to steer', () => {
  casesOfSkills([
    ['Experience\n- Produced data-driven insights on member churn for the board of a credit union.', 'data-science', true],
    ['Requirements\n- Use data-driven insights to plan the quarterly roadmap with the founders.', 'data-science', false],
    ['Requirements\n- A product sense guided by data-driven insights.', 'data-science', false],
  ]);
});

describe("a person's reading comprehension, and a machine's", () => {
  casesOfSkills([
    ['Requirements\n- Excellent reading comprehension of contracts and insurance claims.', 'nlp', false],
    ['Experience\n- Trained a reading comprehension model on a Welsh question-answering dataset.', 'nlp', true],
  ]);
});

describe('people after another preposition are not partners; subjects of a school-leaving qualification', () => {
  casesOfSkills([
    ['Projects\n- Built a booking API with separate views for managers and drivers.', 'collaboration', false],
    ['Experience\n- Designed the survey with a couple of researchers from the health team.', 'collaboration', true],
    ['Education\nA-levels: Physics (A), Chemistry (B)', 'physics', false],
    ['Education\nHigh school diploma, 2020 (Physics, Chemistry and Mathematics)', 'physics', false],
    ['Education\nBSc Physics, Harbour University, 2022', 'physics', true],
  ]);
});

describe('a course taught by its code, a task helped with, a stone called calculus, the writer\'s collaborators', () => {
  casesOfSkills([
    ['Experience\n- Grader and tutor for STAT410 Time Series Analysis, 2021', 'statistics', false],
    ['Education\n- Completed STAT410 Time Series Analysis with an A', 'statistics', true],
    ['Experience\n- Helped with grading and mentor students in the honours programme', 'collaboration', false],
    ['Experience\n- Built a genome browser with Django and PostgreSQL on Kubernetes.\n- Trained scikit-learn and PyTorch models on sequencing data.\n\nPublications\n- Ruiz, A. Dental calculus microbiomes in wild primates. 2021.', 'calculus', false],
    ['Experience\n- Built a genome browser with Django and PostgreSQL on Kubernetes.\n- Solved the diffusion model with vector calculus and PDEs.', 'calculus', true],
    ['Projects\n- My collaborators and I designed the field trial for the vaccine.', 'collaboration', true],
  ]);
});

describe('an imaging device built is not images analysed; a course\'s participants are no partners', () => {
  casesOfSkills([
    ['Experience\n- Designed and calibrated a hyperspectral imaging rig for seed sorting.', 'computer-vision', false],
    ['Experience\n- Classified crop disease from hyperspectral imaging with random forests.', 'computer-vision', true],
    ['Training\n- A five-day bootcamp on secure coding with 40 participants.', 'collaboration', false],
    ['Experience\n- Redesigned the onboarding flow with two designers.', 'collaboration', true],
  ]);
});

describe('a course named by its code under "Teaching Experience" is a course taught', () => {
  casesOfSkills([
    ['Teaching Experience\nSpring 2022: (STAT410) Time Series Analysis, Harbour University', 'statistics', false],
    ['Education\nRelevant courses: (STAT410) Time Series Analysis', 'statistics', true],
    ['Teaching Experience\nTeaching Assistant, Harbour University, 2021–2022\n- Built the autograder in Python for 300 students.', 'python', true],
  ]);
});

describe('a RESTful API is a REST API', () => {
  casesOfSkills([['Projects\n- Wrote a RESTful API in Flask for the lab\'s sample tracker.', 'software-engineering', true]]);
});
