using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Demo;

/// <summary>What the demo makes happen to an indicator in the current period, so every rule shows.</summary>
internal enum Story
{
    /// <summary>Whatever its trend gives (seeded random walk around the target).</summary>
    Usual,
    Green,
    Amber,
    Red,

    /// <summary>Better than target by more than the tolerance (an exception: is the target too easy?).</summary>
    WellAhead,

    /// <summary>Worse than the period before in each of the last two periods.</summary>
    Worsening,

    /// <summary>No target set for this year: the value has nothing to be judged against.</summary>
    NoTarget,

    /// <summary>A new indicator whose data is not available yet (submitted with a reason).</summary>
    NotAvailable,

    /// <summary>Never answered: missing after the due date.</summary>
    Missing,

    /// <summary>A draft was saved but never submitted: still missing after the due date.</summary>
    DraftOnly,

    /// <summary>Submitted after the due date.</summary>
    Late,

    /// <summary>Submitted, then sent back by the directorate performance lead.</summary>
    SentBack,

    /// <summary>The figures give amber; the owner overrides to red with a reason.</summary>
    Override,
}

internal sealed record DemoIndicator(
    string Code,
    string Title,
    string Unit,
    Polarity Polarity,
    Frequency Frequency,
    bool National,
    string[] Priorities,
    string Owner,
    decimal LastYearTarget,
    decimal? ThisYearTarget,
    string Tolerance,
    decimal Baseline,
    int Decimals,
    Story Story = Story.Usual,
    decimal? Benchmark = null,
    string? BenchmarkSource = null,
    string? Profile = null)
{
    public bool IsCumulative => Profile is not null;
}

/// <summary>
/// The demo council's 76 indicators: national (NI) and local (CPP-, CBP-) measures, both
/// polarities, monthly, quarterly, six-monthly and annual, absolute and percentage
/// tolerances, some profiled, six serving two priorities.
/// </summary>
internal static class DemoIndicators
{
    private const Polarity Up = Polarity.HigherIsBetter;
    private const Polarity Down = Polarity.LowerIsBetter;
    private const Frequency M = Frequency.Monthly;
    private const Frequency Q = Frequency.Quarterly;
    private const Frequency H = Frequency.SixMonthly;
    private const Frequency A = Frequency.Annual;
    private const bool National = true;
    private const bool Local = false;

    /// <summary>Who may submit for each owner: the directorate's performance officer.</summary>
    public static IReadOnlyDictionary<string, string> CollatorOf { get; } = new Dictionary<string, string>
    {
        ["Kate Hughes"] = "Jo Bell",
        ["Mark Phelan"] = "Jo Bell",
        ["Dr Fiona Lister"] = "Jo Bell",
        ["Ruth Gilbertson"] = "Kim Lee",
        ["Andrea Kowalski"] = "Kim Lee",
        ["Joel Ferreira"] = "Kim Lee",
        ["Sam Millar"] = "Darren Wright",
        ["Bronwen Price"] = "Darren Wright",
        ["Dean Foster"] = "Darren Wright",
        ["Leanne Marsden"] = "Darren Wright",
        ["Tom Ashworth"] = "Anna Kovacs",
        ["Grace Obi"] = "Anna Kovacs",
        ["Kevin Jackson"] = "Ellie Sutton",
        ["Megan Howarth"] = "Ellie Sutton",
    };

    public static IReadOnlyList<DemoIndicator> All { get; } =
    [
        // HW1 Reduce health inequalities
        new("CPP-H1", "Gap in life expectancy between the most and least deprived areas", "years", Down, A, Local, ["HW1"], "Dr Fiona Lister", 10.5m, 10.2m, "0.3", 10.9m, 1, Story.Green, 9.4m, "England average"),
        new("NI 123", "Number of people who have stopped smoking at four weeks", "people", Up, Q, National, ["HW1"], "Dr Fiona Lister", 3200, 3400, "5%", 2980, 0, Story.Amber, Profile: "20;45;70;100"),
        new("NI 56", "Percentage of children in Year 6 who are obese", "%", Down, A, National, ["HW1", "HW3"], "Dr Fiona Lister", 21.0m, 20.5m, "0.5", 21.8m, 1, Story.Red, 22.7m, "England average"),
        new("CPP-H2", "Deaths from heart disease and stroke under 75 (per 100,000)", "per 100,000", Down, A, National, ["HW1"], "Dr Fiona Lister", 85, 82, "5%", 88.4m, 1, Story.WellAhead, 77.1m, "England average"),
        new("NI 40", "Number of drug users in effective treatment", "people", Up, Q, National, ["HW1"], "Gemma Oakes", 3100, 3150, "3%", 2950, 0),

        // HW2 Live independently
        new("CPP-HA1", "Number of people supported to live at home after a hospital stay", "people", Up, Q, Local, ["HW2"], "Mark Phelan", 1900, 2000, "5%", 1840, 0, Story.Green, Profile: "20;45;70;100"),
        new("NI 131", "Delayed transfers of care from hospital (average beds a day)", "beds", Down, M, National, ["HW2"], "Mark Phelan", 38, 35, "3", 41, 0, Story.Worsening),
        new("CPP-HA2", "Percentage of older people still at home 91 days after reablement", "%", Up, Q, National, ["HW2"], "Mark Phelan", 85, 86, "2", 83.1m, 1, Story.SentBack, 82.0m, "England average"),
        new("CPP-HA3", "Permanent admissions to care homes, people aged 65 and over (per 100,000)", "per 100,000", Down, Q, National, ["HW2"], "Gemma Oakes", 620, 600, "5%", 655, 0, Story.Late, 560, "Core cities average"),
        new("CPP-HA4", "Percentage of adult social care users who feel in control of their daily life", "%", Up, A, National, ["HW2"], "Gemma Oakes", 78, 79, "2", 76.4m, 1, Story.Usual, 77.2m, "England average"),
        new("CPP-HA5", "Number of carers who had a carer's assessment", "carers", Up, Q, Local, ["HW2"], "Gemma Oakes", 1050, null, "5%", 980, 0, Story.NoTarget),

        // HW3 Physically active
        new("CPP-H3", "Percentage of adults who are physically active", "%", Up, A, Local, ["HW3"], "Kate Hughes", 63, 64, "2", 61.2m, 1, Story.Usual, 64.0m, "Core cities average"),
        new("NI 8", "Adult participation in sport and active recreation", "%", Up, A, National, ["HW3"], "Kate Hughes", 23, 24, "1.5", 22.1m, 1, Story.Usual, 23.4m, "England average"),
        new("CPP-H4", "Number of visits to council leisure centres", "visits", Up, M, Local, ["HW3"], "Kate Hughes", 30000, 31000, "5%", 29100, 0, Story.Missing),
        new("CPP-H5", "Number of children taking part in the holiday activities programme", "children", Up, Q, Local, ["HW3"], "Kate Hughes", 5200, 5600, "10%", 4800, 0, Profile: "10;60;70;100"),
        new("CPP-H6", "Percentage of people on activity programmes who live in the most deprived areas", "%", Up, Q, Local, ["HW3", "HW1"], "Kate Hughes", 40, 42, "2", 37.5m, 1, Story.Late),

        // CF1 School attendance
        new("CPP-C1", "Primary school attendance", "%", Up, Q, National, ["CF1"], "Ruth Gilbertson", 95.2m, 95.5m, "0.5", 94.8m, 1, Story.Amber, 95.3m, "Statistical neighbours"),
        new("CPP-C2", "Secondary school persistent absence", "%", Down, Q, National, ["CF1"], "Ruth Gilbertson", 18.5m, 18, "1", 19.6m, 1, Story.Green, 18.2m, "Statistical neighbours"),
        new("CPP-C3", "Percentage of children in good or outstanding schools", "%", Up, A, National, ["CF1"], "Ruth Gilbertson", 85, 87, "2", 83, 1, Story.Usual, 88, "England average"),
        new("CPP-C4", "Number of suspensions from school", "suspensions", Down, Q, National, ["CF1"], "Ruth Gilbertson", 2400, 2300, "5%", 2550, 0, Profile: "30;55;80;100"),
        new("CPP-C8", "Percentage of education, health and care plans issued within 20 weeks", "%", Up, Q, National, ["CF1"], "Ruth Gilbertson", 60, 60, "5", 55, 1, Story.NotAvailable),

        // CF2 Children looked after
        new("CPP-CL1", "Number of children looked after", "children", Down, M, Local, ["CF2"], "Andrea Kowalski", 1300, 1270, "3%", 1330, 0, Story.Green),
        new("NI 62", "Percentage of looked-after children with three or more placement moves in a year", "%", Down, Q, National, ["CF2"], "Andrea Kowalski", 9, 8.5m, "1", 9.8m, 1, Story.Red, 10, "England average"),
        new("CPP-CL2", "Percentage of child protection plans lasting two years or more", "%", Down, Q, National, ["CF2"], "Andrea Kowalski", 4, 3.5m, "1", 4.6m, 1, Story.Usual, 3.8m, "England average"),
        new("CPP-CL3", "Number of families supported by early help", "families", Up, Q, Local, ["CF2"], "Naomi Clarke", 6000, 6400, "5%", 5700, 0, Story.WellAhead, Profile: "25;50;75;100"),
        new("CPP-CL4", "Percentage of re-referrals to children's social care within 12 months", "%", Down, Q, National, ["CF2"], "Naomi Clarke", 20, 19, "2", 22.5m, 1, Story.Usual, 21.5m, "England average"),

        // CF3 NEET
        new("NI 117", "Percentage of 16 to 18 year olds not in education, employment or training", "%", Down, M, National, ["CF3"], "Joel Ferreira", 5.5m, 5.2m, "0.5", 6.1m, 1, Story.Usual, 5.0m, "England average"),
        new("CPP-C5", "Percentage of 16 to 18 year olds whose activity is not known", "%", Down, M, Local, ["CF3"], "Joel Ferreira", 3, 2.5m, "0.5", 4.2m, 1, Story.Amber),
        new("CPP-C6", "Number of young people starting an apprenticeship", "young people", Up, Q, Local, ["CF3", "EC2"], "Joel Ferreira", 1500, 1600, "5%", 1420, 0, Profile: "15;45;70;100"),
        new("CPP-C7", "Percentage of care leavers in education, employment or training", "%", Up, Q, National, ["CF3"], "Joel Ferreira", 58, 60, "3", 54, 1, Story.Usual, 55, "England average"),

        // SC1 Crime
        new("NI 16", "Number of serious acquisitive crimes", "crimes", Down, M, National, ["SC1"], "Sam Millar", 900, 860, "5%", 940, 0),
        new("CPP-S1", "Number of burglaries from homes", "burglaries", Down, Q, Local, ["SC1"], "Sam Millar", 4900, 4800, "5%", 5120, 0, Story.Green, Profile: "25;50;75;100"),
        new("CPP-S2", "Percentage of people who feel safe in their local area", "%", Up, H, Local, ["SC1"], "Sam Millar", 79, 80, "2", 78, 1),
        new("CPP-S3", "Number of reports of anti-social behaviour", "reports", Down, M, Local, ["SC1"], "Sam Millar", 1700, 1650, "5%", 1820, 0, Story.Red),
        new("NI 19", "Rate of proven re-offending by young offenders", "offences per offender", Down, A, National, ["SC1"], "Sam Millar", 1.1m, 1.05m, "0.05", 1.18m, 2),

        // SC2 Domestic violence
        new("NI 32", "Percentage of domestic violence cases that are repeat incidents", "%", Down, Q, National, ["SC2"], "Bronwen Price", 28, 27, "2", 30.5m, 1, Story.Usual, 28, "National average"),
        new("CPP-S4", "Percentage of domestic violence victims who feel safer after support", "%", Up, Q, Local, ["SC2"], "Bronwen Price", 85, 86, "3", 82, 1),
        new("CPP-S5", "Average days from referral to first contact by the domestic violence service", "days", Down, M, Local, ["SC2"], "Bronwen Price", 5, 4, "1", 6.2m, 1, Story.DraftOnly),

        // SC3 Cleaner, greener
        new("NI 192", "Percentage of household waste reused, recycled or composted", "%", Up, Q, National, ["SC3", "BC5"], "Dean Foster", 40, 42, "2", 38.2m, 1, Story.Amber, 42.3m, "England average"),
        new("NI 191", "Household waste not reused, recycled or composted (kg per household)", "kg", Down, Q, National, ["SC3"], "Dean Foster", 560, 545, "3%", 590, 0, Profile: "25;50;75;100"),
        new("NI 195", "Percentage of streets with unacceptable levels of litter", "%", Down, H, National, ["SC3"], "Dean Foster", 8, 7, "1", 9.1m, 1),
        new("CPP-S6", "Number of fly-tipping incidents", "incidents", Down, M, Local, ["SC3"], "Dean Foster", 950, 900, "5%", 1020, 0),
        new("CPP-S7", "Percentage of missed bin collections put right the next working day", "%", Up, M, Local, ["SC3"], "Dean Foster", 95, 96, "2", 93.5m, 1),

        // EC1 Jobs
        new("CPP-E1", "Number of new jobs created with council support", "jobs", Up, Q, Local, ["EC1"], "Tom Ashworth", 2000, 2200, "10%", 1850, 0, Story.WellAhead, Profile: "20;45;70;100"),
        new("NI 152", "Percentage of working-age people claiming out-of-work benefits", "%", Down, Q, National, ["EC1"], "Tom Ashworth", 10.5m, 10, "0.5", 11.3m, 1, Story.Usual, 9.1m, "Core cities average"),
        new("CPP-E2", "Percentage of workers earning at least the Real Living Wage", "%", Up, A, Local, ["EC1"], "Tom Ashworth", 80, 82, "2", 77.9m, 1),
        new("CPP-E3", "Number of business start-ups supported", "start-ups", Up, Q, Local, ["EC1"], "Tom Ashworth", 420, 450, "10%", 390, 0, Story.Missing, Profile: "25;50;75;100"),

        // EC2 Skills
        new("CPP-E4", "Number of adults gaining a qualification through council-funded courses", "adults", Up, Q, Local, ["EC2"], "Grace Obi", 2600, 2800, "5%", 2450, 0, Profile: "10;40;60;100"),
        new("NI 163", "Percentage of working-age adults qualified to at least Level 2", "%", Up, A, National, ["EC2"], "Grace Obi", 74, 75, "1", 72.6m, 1, Story.Usual, 76.2m, "England average"),
        new("CPP-E5", "Number of unemployed residents helped into work", "people", Up, M, Local, ["EC2"], "Grace Obi", 180, 190, "10%", 165, 0),

        // EC3 Culture and visitors
        new("CPP-E6", "Number of visits to council museums and galleries", "visits", Up, M, Local, ["EC3"], "Hugo Bennett", 95000, 98000, "5%", 91000, 0),
        new("CPP-E7", "Visitor spend in the city", "£m", Up, A, Local, ["EC3"], "Hugo Bennett", 1850, 1900, "2%", 1790, 0),
        new("CPP-E8", "Percentage of residents who took part in a cultural activity in the last year", "%", Up, A, Local, ["EC3"], "Hugo Bennett", 70, 72, "2", 68, 1),

        // HR1 New and affordable homes
        new("NI 154", "Net additional homes provided", "homes", Up, Q, National, ["HR1"], "Oliver Nwosu", 3200, 3300, "10%", 2950, 0, Story.Red, Profile: "20;45;70;100"),
        new("NI 155", "Number of affordable homes delivered", "homes", Up, Q, National, ["HR1"], "Oliver Nwosu", 600, 650, "10%", 540, 0, Profile: "15;40;65;100"),
        new("NI 157", "Percentage of major planning applications decided within 13 weeks", "%", Up, Q, National, ["HR1"], "Oliver Nwosu", 80, 85, "5", 76, 1, Story.Usual, 88, "England average"),
        new("CPP-R1", "Number of empty homes brought back into use", "homes", Up, Q, Local, ["HR1"], "Oliver Nwosu", 400, 420, "10%", 380, 0, Profile: "25;50;75;100"),

        // HR2 Homelessness
        new("NI 156", "Number of households in temporary accommodation", "households", Down, M, National, ["HR2"], "Leanne Marsden", 95, 85, "5%", 96, 0, Story.Red, 110, "Core cities average"),
        new("CPP-R2", "Percentage of homelessness cases prevented", "%", Up, Q, Local, ["HR2"], "Leanne Marsden", 70, 72, "3", 68, 1),
        new("CPP-R3", "Number of people sleeping rough on a single night", "people", Down, M, Local, ["HR2"], "Leanne Marsden", 25, 20, "3", 31, 0, Story.Amber),
        new("CPP-R4", "Average days families with children spend in bed and breakfast", "days", Down, Q, Local, ["HR2"], "Leanne Marsden", 14, 10, "2", 19, 1, Story.Override),

        // HR3 Quality homes
        new("CPP-R5", "Percentage of council homes meeting the Decent Homes Standard", "%", Up, Q, Local, ["HR3"], "Wendy Tse", 95, 96, "1", 93.8m, 1),
        new("CPP-R6", "Number of homes improved with energy efficiency measures", "homes", Up, Q, Local, ["HR3", "BC5"], "Wendy Tse", 1200, 1500, "10%", 980, 0, Profile: "15;40;70;100"),
        new("CPP-R7", "Number of privately rented homes made safe after council action", "homes", Up, Q, Local, ["HR3"], "Wendy Tse", 900, 950, "5%", 860, 0, Profile: "25;50;75;100"),

        // BC1 Customer access
        new("CBP-1", "Percentage of calls to the contact centre answered", "%", Up, M, Local, ["BC1"], "Kevin Jackson", 90, 92, "3", 86, 1, Story.Amber, 90, "Local target"),
        new("NI 14", "Percentage of customer contact that could have been avoided", "%", Down, Q, National, ["BC1"], "Kevin Jackson", 25, 22, "2", 27.8m, 1),
        new("CBP-2", "Percentage of complaints answered within 15 working days", "%", Up, M, Local, ["BC1"], "Kevin Jackson", 90, 92, "3", 84, 1),

        // BC2 Budget
        new("CBP-3", "Projected overspend on the council's budget", "£m", Down, M, Local, ["BC2"], "Stuart Pennington", 0, 0, "2", 4.2m, 1),
        new("CBP-4", "Percentage of council tax collected", "%", Up, Q, National, ["BC2", "BC3"], "Stuart Pennington", 96, 96.2m, "1%", 95.4m, 1, Profile: "29;56;83;100"),
        new("CBP-5", "Percentage of invoices paid within 30 days", "%", Up, M, Local, ["BC2"], "Stuart Pennington", 92, 93, "2", 90, 1),

        // BC3 Benefits
        new("NI 181", "Average days to process new benefit claims", "days", Down, M, National, ["BC3"], "Megan Howarth", 20, 18, "2", 21, 1, Story.Green, 19, "England average"),
        new("CBP-6", "Average days to process changes in circumstances for benefits", "days", Down, M, National, ["BC3"], "Megan Howarth", 9, 8, "1", 10.4m, 1),

        // BC4 Workforce
        new("CBP-7", "Average working days lost to sickness per employee", "days", Down, Q, Local, ["BC4"], "Zara Malik", 9.5m, 9, "5%", 10.8m, 2, Story.Usual, 9.8m, "Core cities average"),
        new("CBP-8", "Percentage of staff who had their annual appraisal", "%", Up, A, Local, ["BC4"], "Zara Malik", 95, 97, "3", 91, 1),

        // BC5 Carbon
        new("NI 185", "Carbon dioxide from council buildings and vehicles", "tonnes", Down, A, National, ["BC5"], "Rachel Summers", 42000, 40000, "3%", 44500, 0),
        new("CBP-9", "Percentage of council fleet vehicles that are electric", "%", Up, Q, Local, ["BC5"], "Rachel Summers", 25, 32, "3", 19, 1),
    ];
}
