import { acceptedTerms, presentSkills } from './support';

/**
 * The ambiguity policy of docs/ambiguity.md, one row per case: weak tokens count only with
 * corroboration, homonyms only in their technical sense.
 */
describe('ambiguity policy', () => {
  const termCases: Array<[string, string, string, boolean]> = [
    ['R in a skills list', 'Skills\nR, Python, SQL', 'r-language', true],
    ['R beside another language', 'Statistical modelling in R and Python for the pricing team.', 'r-language', true],
    ['"programming in R"', 'Five years of programming in R.', 'r-language', true],
    ['R as a letter', 'Section R of the report was reviewed by the board.', 'r-language', false],
    ['C beside C++ in a list', 'Languages: C, C++, Python', 'c-language', true],
    ['C as a licence category', 'Holds a category C driving licence for lorries.', 'c-language', false],
    ['Go beside Kotlin', 'Backend services in Go and Kotlin.', 'go-language', true],
    ['Go the board game', 'I play Go at a local club on Thursdays.', 'go-language', false],
    ['Julia beside Fortran', 'Numerical code in Julia and Fortran.', 'julia-language', true],
    ['Julia a colleague', 'Julia from the finance team reviewed the forecast.', 'julia-language', false],
    ['Spark beside Airflow', 'Batch jobs in Spark and Airflow.', 'spark-bare', true],
    ['Spark as a verb', 'Spark your curiosity with our weekly talks.', 'spark-bare', false],
    ['Swift beside Kotlin', 'Mobile apps in Swift and Kotlin.', 'swift-language', true],
    ['Swift as an adjective', 'Swift delivery of every project.', 'swift-language', false],
    ['Rust beside C++', 'Systems code in Rust and C++.', 'rust-language', true],
    ['Rust as corrosion', 'Rust prevention coatings for offshore platforms.', 'rust-language', false],
    ['CV as computer vision', 'Built CV models for defect detection on camera images.', 'cv-abbreviation', true],
    ['CV as a résumé', 'Please send your CV and a cover letter.', 'cv-abbreviation', false],
    ['Java the language', 'Backend services in Java.', 'java', true],
    ['Java the island', 'Spent a year teaching English on Java, Indonesia.', 'java', false],
    ['pandas beside scikit-learn', 'Feature tables built in pandas and scikit-learn.', 'pandas', true],
    ['pandas the animal', 'Guided school groups past the giant pandas every weekend.', 'pandas', false],
    ['Jenkins beside Docker', 'Release jobs in Jenkins and Docker.', 'jenkins', true],
    ['Jenkins a surname', 'Covered the front desk while Ms Jenkins was on leave.', 'jenkins', false],
    ['Airflow beside Kubernetes', 'Nightly jobs scheduled in Airflow on Kubernetes.', 'orchestration', true],
    ['airflow in a building', 'Balanced the airflow across the clean room filters.', 'orchestration', false],
    ['calculus beside another subject of mathematics', 'Our interns have had courses in real analysis, calculus and numerical linear algebra.', 'calculus', true],
    ['calculus as a weighing of interests', 'The board weighed the political calculus of a merger against its costs.', 'calculus', false],
    ['calculus beside a subject of another field', 'Removed calculus from the patients\' teeth and kept the clinic rota.', 'calculus', false],
    ['Go beside a word of its own field', 'Split the old monolith into four small Go microservices.', 'go-language', true],
  ];
  it.each(termCases)('%s', async (_label, text, term, expected) => {
    const terms = (await acceptedTerms(text)).map((t) => t.split(':')[0]);
    expect({ text, accepted: terms.includes(term) }).toEqual({ text, accepted: expected });
  });

  const skillCases: Array<[string, string, string, boolean]> = [
    ['"vision" as strategy', 'Owned the product vision and strategy for the payments app.', 'computer-vision', false],
    ['computer vision', 'Computer vision engineer building inspection systems.', 'computer-vision', true],
    ['power transformers', 'Maintained power transformers at the 132 kV substation.', 'neural-networks', false],
    ['transformer models', 'Fine-tuned transformer models for entity extraction.', 'neural-networks', true],
    ['a gas pipeline', 'Scheduled inspections of the offshore gas pipeline.', 'data-science', false],
    ['a sales pipeline', 'Grew the sales pipeline by 40% in a year.', 'data-science', false],
    ['data pipelines', 'Built data pipelines in Airflow and dbt.', 'data-science', true],
    ['sports statistics', 'Compiled rugby statistics tables for the club newsletter.', 'statistics', false],
    ['statistics', 'Applied statistics to demand planning and reporting.', 'statistics', true],
    ['regression tests are software tests', 'Added regression tests to the release checklist.', 'statistics', false],
    ['"business logic" is software', 'Moved the business logic into a separate module.', 'business-knowledge', false],
    ['a method named multidisciplinary', 'Applied multidisciplinary design optimisation to turbine blades.', 'collaboration', false],
    ['a centre named interdisciplinary', 'Postdoc at the Interdisciplinary Centre for Marine Science.', 'collaboration', false],
    ['a multidisciplinary team', 'Part of a multidisciplinary team of radiographers and software engineers.', 'collaboration', true],
    ['EDA in chip design', 'Signed off timing with EDA tools from Synopsys and Cadence.', 'data-science', false],
    ['EDA on data', 'EDA in pandas on a year of ride logs.', 'data-science', true],
    ['Gan is a family name', 'Supervisor: Prof. Mei Gan.', 'neural-networks', false],
    ['a Nerf toy', 'Ran the Nerf tournament at the summer party.', 'computer-vision', false],
    ['mean reciprocal rank', 'Lifted MRR on the retrieval benchmark from 0.41 to 0.47.', 'business-knowledge', false],
    ['a health plan', 'Chose a PPO plan with a low deductible.', 'reinforcement-learning', false],
    ['a most valuable player', 'Named team MVP for the 2019 basketball season.', 'idea-iteration', false],
    ['how a decision looks', 'Handled the press optics of the office closure.', 'physics', false],
    ["a classifier's margin", 'Tuned the soft margin of a linear SVM for the spam filter.', 'business-knowledge', false],
    ['a safety margin', 'Left a safety margin on the battery pack temperature.', 'business-knowledge', false],
    ['profit margins', 'Lifted operating margins in the grocery division.', 'business-knowledge', true],
    ['commercial experience is paid experience', 'Four years of commercial experience writing Kotlin.', 'business-knowledge', false],
    ['commercially available parts', 'Built the rig from commercially available cameras.', 'business-knowledge', false],
    ['the commercial side of a business', 'Talked the commercial director through forecast errors every Monday.', 'business-knowledge', true],
    ['JavaScript is not Java, and neither is C++', 'Front end in JavaScript and TypeScript.', 'cpp', false],
    ['C# is not C++', 'Game scripting in C# for Unity.', 'cpp', false],
    ['C++ is C++', 'Engine code in C++17.', 'cpp', true],
    ['C is not C++', 'Firmware in C for microcontrollers, with C drivers.', 'cpp', false],
    ['"ML" in general is no learning algorithm', 'Passionate about AI and machine learning.', 'learning-algorithms', false],
    ['iterative solvers are no idea iteration', 'Tuned iterative solvers; each iteration took a second.', 'idea-iteration', false],
    ['a welding torch is not PyTorch', 'Synchronised image capture with the welding torch.', 'neural-networks', false],
    ['integrity is not an integral', 'Known for integrity and candour.', 'calculus', false],
  ];
  it.each(skillCases)('%s', async (_label, text, skill, expected) => {
    const present = await presentSkills(text);
    expect({ text, present: present.includes(skill) }).toEqual({ text, present: expected });
  });

  it('a hyphen that opens a line is a bullet: no term spans it', async () => {
    const terms = await acceptedTerms('Built a web app for data\n- Explored ways to show commits');
    expect(terms.some((t) => t.startsWith('data-exploration'))).toBe(false);
  });
});

describe('homonyms found by probing', () => {
  it.each([
    ['statistics kept as records', 'Kept statistics on vessel arrivals for the harbour master.', 'statistics', false],
    ['a data science team named in passing', 'Delivered weekly extracts to the data science team.', 'data-science', false],
    ['linear systems in a control course are no linear algebra', 'Took modules in feedback control, linear systems and electromagnetics.', 'linear-algebra', false],
    ['linear systems solved are linear algebra', 'Preconditioned the linear systems from the pressure solve with incomplete Cholesky.', 'linear-algebra', true],
    ['a power distribution system is no software', 'Maintained the models of the regional power distribution system.', 'software-engineering', false],
    ['distributed systems, singular or hyphenated', 'Designed a distributed system for fraud scoring across three regions.', 'software-engineering', true],
  ])('%s', async (_label, text, skill, expected) => {
    expect((await presentSkills(text)).includes(skill)).toBe(expected);
  });
});
