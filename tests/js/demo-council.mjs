// Demo City Council: the people, boards, priorities, indicators and words that the card data
// files in cards/ are made from (see make-card-data.mjs). Fictional, in the councils' language.

export const council = 'Demo City Council';
export const period = { key: '2025-26-Q2', label: 'Q2 2025/26' };
export const previousPeriods = ['Q2 2023/24', 'Q3 2023/24', 'Q4 2023/24', 'Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26'];

// Deterministic ids that look like the Guid v7 ids the domain creates.
let counter = 0;
export function id(prefix = '0199a1b2') {
  counter += 1;
  const tail = counter.toString(16).padStart(12, '0');
  return `${prefix}-7c3e-7a10-8b4d-${tail}`;
}
export function resetIds() {
  counter = 0;
}

export const people = {
  owner: 'Olivia Owner',
  collator: 'Colin Collator',
  perfLead: 'Priya Patel',
  leadOfficer: 'Lee Okafor',
  chair: 'Cllr Janet Hughes',
  director: 'Sue Fairbrother',
  scrutiny: 'Cllr Sam Whitfield',
  actionOwner: 'Mark Danson',
  names: [
    'Olivia Owner', 'Colin Collator', 'Aisha Rahman', 'Tom Whitaker', 'Gemma Lloyd', 'Ravi Sharma',
    'Helen Barker', 'David Nwosu', 'Karen Simpson', 'Imran Hussain', 'Claire Dawson', 'Peter Kowalski',
    'Nadia Begum', 'Steve Holroyd', 'Fiona Marsh', 'Gareth Evans', 'Lucy Chen', 'Martin Doyle',
    'Sarah Ibbotson', 'Kwame Mensah', 'Joanne Pickles', 'Adam Greenwood', 'Mei Ling Walsh', 'Bernadette Kelly',
  ],
};

export const directorates = [
  'Children and Families', 'Adults and Health', 'City Development', 'Communities and Environment',
  'Resources and Housing', 'Strategy and Resources',
];

export const boards = [
  { name: "Children and Families Trust Board", chair: 'Cllr Janet Hughes', code: 'CPP-C', theme: 'children' },
  { name: 'Health and Wellbeing Board', chair: 'Cllr Rebecca Charlwood', code: 'CPP-H', theme: 'health' },
  { name: 'Safer and Stronger Communities Board', chair: 'Cllr Mohammed Rafique', code: 'CPP-S', theme: 'safer' },
  { name: 'Sustainable Economy and Culture Board', chair: 'Cllr Judith Blake', code: 'CPP-E', theme: 'economy' },
  { name: 'Housing and Regeneration Board', chair: 'Cllr Peter Gruen', code: 'CPP-R', theme: 'housing' },
  { name: 'Best Council Board', chair: 'Tom Riordan (Chief Executive)', code: 'CBP-', theme: 'council' },
];

// [title, unit, higher is better, target, tolerance text]
export const indicatorsByTheme = {
  children: [
    ['Percentage of children in good or outstanding schools', '%', true, 80, 'amber from 76%'],
    ['Pupils persistently absent from school', '%', false, 12, 'amber to 13.2%'],
    ['Children looked after per 10,000 children', 'per 10,000', false, 85, 'amber to 89'],
    ['Care leavers in education, employment or training', '%', true, 60, 'amber from 55%'],
    ['Young people not in education, employment or training (NEET)', '%', false, 5, 'amber to 5.5%'],
    ['Re-referrals to children\'s social care within 12 months', '%', false, 18, 'amber to 20%'],
    ['Child protection plans lasting two years or more', '%', false, 4, 'amber to 5%'],
    ['Children reaching a good level of development at age 5', '%', true, 68, 'amber from 65%'],
  ],
  health: [
    ['Adults who smoke', '%', false, 15, 'amber to 16%'],
    ['Children aged 10 to 11 with excess weight', '%', false, 34, 'amber to 35.5%'],
    ['Days people waited to leave hospital once fit to go, per 100,000', 'days', false, 320, 'amber to 350'],
    ['Older people still at home 91 days after reablement', '%', true, 85, 'amber from 82%'],
    ['Adults in contact with mental health services living in settled homes', '%', true, 62, 'amber from 58%'],
    ['Hospital admissions caused by alcohol, per 100,000', 'per 100,000', false, 650, 'amber to 690'],
    ['Eligible adults who had an NHS Health Check', '%', true, 50, 'amber from 45%'],
    ['Permanent moves into care homes, people aged 65 and over, per 100,000', 'per 100,000', false, 580, 'amber to 620'],
  ],
  safer: [
    ['Domestic burglaries', 'burglaries', false, 1200, 'amber to 1,300'],
    ['Anti-social behaviour incidents reported to the police', 'incidents', false, 5400, 'amber to 5,800'],
    ['Repeat victims of domestic violence', '%', false, 28, 'amber to 30%'],
    ['Adults who reoffend within 12 months', '%', false, 26, 'amber to 28%'],
    ['Residents who feel safe in their area after dark', '%', true, 70, 'amber from 66%'],
    ['Fly-tipping cleared within 2 working days', '%', true, 95, 'amber from 90%'],
    ['Young people entering the youth justice system for the first time, per 100,000', 'per 100,000', false, 210, 'amber to 230'],
    ['Hate incidents reported (more reports show more confidence to report)', 'incidents', true, 300, 'amber from 270'],
  ],
  economy: [
    ['Working-age residents in employment', '%', true, 74, 'amber from 72%'],
    ['New businesses started', 'businesses', true, 900, 'amber from 820'],
    ['Apprenticeships started', 'starts', true, 1450, 'amber from 1,300'],
    ['Visits to council museums and galleries', 'visits', true, 310000, 'amber from 280,000'],
    ['Major planning applications decided within 13 weeks', '%', true, 85, 'amber from 80%'],
    ['Working-age residents qualified to level 3 or above', '%', true, 58, 'amber from 55%'],
    ['Empty shop units in the city centre', '%', false, 9, 'amber to 10%'],
    ['Premises able to get superfast broadband', '%', true, 97, 'amber from 95%'],
  ],
  housing: [
    ['Households in temporary accommodation', 'households', false, 100, 'amber to 110'],
    ['New affordable homes delivered', 'homes', true, 120, 'amber from 100'],
    ['Households kept from becoming homeless', 'households', true, 450, 'amber from 400'],
    ['Empty homes brought back into use', 'homes', true, 90, 'amber from 80'],
    ['Council homes meeting the decent homes standard', '%', true, 98, 'amber from 96%'],
    ['Average days to re-let a council home', 'days', false, 28, 'amber to 32'],
    ['Rent collected as a share of rent due', '%', true, 97.5, 'amber from 96.5%'],
    ['Private rented homes made safe after enforcement', 'homes', true, 150, 'amber from 130'],
  ],
  council: [
    ['Working days lost to sickness per employee', 'days', false, 8.5, 'amber to 9.0'],
    ['Council tax collected in the year', '%', true, 96.1, 'amber from 95.5%'],
    ['Business rates collected in the year', '%', true, 97.8, 'amber from 97%'],
    ['Invoices paid within 30 days', '%', true, 92, 'amber from 88%'],
    ['Complaints answered within 15 working days', '%', true, 85, 'amber from 80%'],
    ['Freedom of information requests answered within 20 working days', '%', true, 90, 'amber from 85%'],
    ['Calls to the contact centre answered', '%', true, 90, 'amber from 85%'],
    ['Staff appraisals completed', '%', true, 95, 'amber from 90%'],
    ['Household waste reused, recycled or composted', '%', true, 50, 'amber from 47%'],
    ['Missed bins per 100,000 collections', 'per 100,000', false, 40, 'amber to 45'],
    ['Streets at an acceptable standard of cleanliness', '%', true, 92, 'amber from 88%'],
    ['Spend with local suppliers', '%', true, 55, 'amber from 50%'],
  ],
};

export const priorityTitles = {
  children: ['Improve school attendance', 'Help children to live in safe and supportive families', 'Improve achievement and close the gaps', 'Increase the number of young people in work or learning', 'Give every child a good start in the early years', 'Improve outcomes for children in care and care leavers', 'Support children with special educational needs and disabilities', 'Reduce child poverty'],
  health: ['Support more people to live safely in their own homes', 'Give people a good start in life', 'Reduce health inequalities', 'Help people to stop smoking', 'Reduce harm from alcohol', 'Improve mental health and wellbeing', 'Increase physical activity', 'Join up health and social care'],
  safer: ['Reduce crime levels and their impact across the city', 'Effectively tackle and reduce anti-social behaviour', 'Increase a sense of belonging that builds cohesive communities', 'Reduce domestic violence and abuse', 'Reduce reoffending', 'Keep young people out of the justice system', 'Make neighbourhoods cleaner and safer', 'Tackle hate crime'],
  economy: ['Create more jobs', 'Improve skills', 'Make the city centre a vibrant place to visit', 'Help new businesses start and grow', 'Increase apprenticeships', 'Grow the culture and visitor economy', 'Speed up major planning decisions', 'Improve digital connections'],
  housing: ['Maximise regeneration investment to increase housing choice', 'Prevent homelessness', 'Improve the quality of private rented homes', 'Build more affordable homes', 'Bring empty homes back into use', 'Keep council homes decent', 'Re-let council homes faster', 'Reduce the use of temporary accommodation'],
  council: ['Spend money wisely', 'Become a more efficient and enterprising council', 'Engage with all communities', 'Work with our staff to improve performance', 'Deliver the waste strategy', 'Improve customer satisfaction', 'Keep streets clean', 'Support the local economy through what we buy'],
};

export const commentaries = [
  'Attendance rose again this quarter after the autumn campaign reached every family with a pupil missing more than one day in ten. The gap between pupils on free school meals and their classmates narrowed from 4.1 to 3.6 points. Three secondary schools in the east of the city still account for half of all persistent absence, and the attendance team now meets their heads every fortnight.',
  'The figure is below target because two large sites closed for refurbishment in August, which moved 140 households into bed and breakfast for up to six weeks. Both sites reopened in September and numbers fell in the last four weeks of the quarter. We expect to be back within tolerance by the end of Q3 if the new lettings go to plan.',
  'Performance is better than target for the third quarter running. The new triage service means cases are seen by the right team the first time, so fewer come back within a year. We will propose a stretching target for next year to the board in January rather than keep a target that is now too easy.',
  'This is a new indicator and the first full figure will be available in Q3. We have collected partial data from two of the three providers; the third is changing its case system and cannot send figures until November. The shared data agreement was signed on 30 September.',
  'Sickness absence is higher than last year, mainly because of long-term absence in the waste and cleansing service. Short-term absence is down. Managers have had refresher training on the attendance policy, and occupational health now offers physiotherapy appointments within five working days.',
  'Collection is slightly behind the profile for the quarter because the new billing system sent reminder notices two weeks late. The backlog was cleared by 20 September. Direct debit take-up rose to 71 per cent after the online sign-up page was simplified.',
  'The number of apprenticeship starts fell sharply in Q2. Employers tell us the change in national funding rules has made them wait before taking on new apprentices. We are working with the chamber of commerce to run three recruitment fairs in the autumn and to help small firms use the levy transfer scheme.',
  'Visitor numbers were the highest for any summer since records began, helped by the dinosaur exhibition and good weather. Income from the shops and cafes was 18 per cent above budget. Winter opening hours have been extended at the city museum to keep the momentum going.',
  'The proportion of major applications decided on time dipped because of three very large schemes that needed extra consultation with the highways authority. All three were decided with agreed extensions of time, which do not count against us in the national measure.',
  'Re-let times have improved for the second quarter in a row now that the voids team works with one repairs contractor instead of four. The longest waits are for homes needing major works, which now have their own programme. Rent lost on empty homes fell by 12 per cent compared with Q1.',
];

export const actionsDelivered = [
  'Autumn attendance campaign sent to 4,200 families; attendance panels held in 12 schools; new fixed-penalty guidance agreed with head teachers.',
  'Two refurbished hostels reopened; 38 households moved from bed and breakfast to self-contained homes; private landlord incentive scheme extended to March.',
  'Triage service fully staffed; training for 60 social workers on the new assessment form; audit of 50 re-referred cases completed.',
  'Shared data agreement signed with all three providers; data specification agreed; test extract received from two providers.',
  'Occupational health physiotherapy pathway launched; 140 managers trained on the attendance policy; monthly absence reports sent to every head of service.',
];

export const actionsPlanned = [
  'Target the three secondary schools with the highest absence with a joint attendance officer from January; publish school-level figures to governors each half term.',
  'Open 24 more units of temporary accommodation in council stock by December; review every placement longer than six weeks each fortnight.',
  'Propose a stretching target for 2026/27; share the triage model with the neighbouring council at their request.',
  'Collect the first full figure in Q3; agree a baseline and target with the board in January.',
  'Pilot a mental health first aid network in waste and cleansing; review long-term absence cases with HR each month.',
];

export const warnings = [
  '"SEND" may not be understood by every reader: say "special educational needs and disabilities" the first time.',
  'One sentence has 41 words; try to keep sentences under 25 words.',
  'The commentary does not say what will be done next: add the actions planned.',
  'Reading ease is 38 (aim for 50 or more): shorter words and sentences will help.',
  '"Going forward" is jargon: try "from now on" or "next quarter".',
];

export const summaries = [
  'Good progress overall. Attendance and early years results are better than target, and fewer children are referred again within a year. Care leavers in work or learning remains red: the new pathway with the further education college starts in January and we expect to see the benefit by Q4. We propose amber because two of the eight indicators are red and one is worsening for the second quarter.',
  'Mixed progress. Homelessness prevention is ahead of plan, but temporary accommodation rose over the summer because two hostels closed for refurbishment. Both have reopened. New affordable homes are on profile for the year. We propose amber.',
  'Strong quarter. Collection rates, invoice payment and call answering are all at or above target. Sickness absence remains the main concern and is red; a recovery plan is in place. We propose green because the overall picture is good and the one red indicator has an agreed plan.',
];

export const risks = [
  ['Not enough foster carers to meet demand', 'High', 'High', 'High', 'Medium'],
  ['Loss of grant funding for the attendance team after March', 'High', 'Medium', 'Medium', 'Medium'],
  ['Data from partners late or incomplete', 'Medium', 'High', 'Medium', 'Low'],
  ['School places shortfall in the east of the city from 2027', 'High', 'Medium', 'High', 'Low'],
  ['Recruitment and retention of experienced social workers', 'High', 'High', 'Medium', 'High'],
  ['New case management system delayed', 'Medium', 'Medium', 'Low', 'Low'],
];

export const boardActions = [
  ['Report back on the causes of persistent absence in the three east-city secondary schools', 'OnTrack'],
  ['Agree a data-sharing protocol with the further education college for care leavers', 'Complete'],
  ['Bring a costed plan to increase in-house foster carers to the January meeting', 'Delayed'],
  ['Review the target for re-referrals now that it has been met for three quarters', 'NotStarted'],
  ['Map the youth offer in each ward and share it with ward members', 'OnTrack'],
  ['Work with the chamber of commerce on three apprenticeship recruitment fairs', 'OnTrack'],
];

// As HistoryCard.What writes them: the period, what happened, and what changed, in words.
export const auditWhat = [
  'Q2 2025/26 return opened',
  'Q2 2025/26 return saved draft: value none → 78.4%; commentary none → "Attendance is recovering after the September dip."',
  'Q2 2025/26 return submitted: state draft → submitted; RAG no data → amber',
  'Q1 2025/26 return corrected: value 81.2% → 81.5%; commentary changed',
  'Q1 2025/26 return submitted: RAG override none → red; override reason none → "figures for August are provisional"',
  'Q1 2025/26 return signed off: state submitted → signed off',
  'Q4 2024/25 return sent back: state submitted → sent back; sent-back comment none → "please explain the fall in September"',
  'Q4 2024/25 return submitted: state sent back → submitted; value 74.1% → 74.6%',
  'Q3 2024/25 return imported: value 73.8%; target 78%',
  'Q3 2024/25 return signed off: state submitted → signed off',
];
