namespace PmfBot.Domain.Import;

/// <summary>When a column must be filled in.</summary>
public enum ColumnUse
{
    /// <summary>On every row.</summary>
    EveryRow,

    /// <summary>On every row that names a priority.</summary>
    PriorityRows,

    /// <summary>On every row that names an indicator.</summary>
    IndicatorRows,

    Optional,
}

/// <summary>One column of the single data list: its heading, when it is needed, what it holds.</summary>
public sealed record DataListColumn(string Name, ColumnUse Use, string Meaning, string Example);

/// <summary>
/// The columns of a council's single data list, in the council's words. One row per link between
/// an indicator and a priority; the same board, priority or indicator may appear on many rows and
/// must read the same on each. Headings are matched ignoring case and extra spaces.
/// docs/import.md documents them; a test keeps the two in step.
/// </summary>
public static class DataListColumns
{
    public const string Plan = "Plan";
    public const string PlanType = "Plan type";
    public const string PlanFrom = "Plan from";
    public const string PlanTo = "Plan to";
    public const string Board = "Board";
    public const string BoardType = "Board type";
    public const string Chair = "Chair";
    public const string ChairEmail = "Chair email";
    public const string TeamsTeamId = "Teams team id";
    public const string TeamsChannelId = "Teams channel id";
    public const string TeamsChannelName = "Teams channel name";
    public const string PriorityCode = "Priority code";
    public const string Priority = "Priority";
    public const string Outcome = "Outcome";
    public const string LeadOfficer = "Lead officer";
    public const string LeadOfficerEmail = "Lead officer email";
    public const string Directorate = "Directorate";
    public const string DirectorateCode = "Directorate code";
    public const string PerformanceLeadEmail = "Performance lead email";
    public const string DirectorateSignOff = "Directorate sign-off";
    public const string SelfAssessmentByEmail = "Self assessment by email";
    public const string BoardMembersEmails = "Board members emails";
    public const string PerformanceTeamEmails = "Performance team emails";
    public const string IndicatorCode = "Indicator code";
    public const string Indicator = "Indicator";
    public const string Unit = "Unit";
    public const string Polarity = "Polarity";
    public const string Frequency = "Frequency";
    public const string NationalOrLocal = "National or local";
    public const string Owner = "Owner";
    public const string OwnerEmail = "Owner email";
    public const string OwnersManagerEmail = "Owner's manager email";
    public const string CollatorEmails = "Collator emails";
    public const string Tolerance = "Tolerance";
    public const string Baseline = "Baseline";
    public const string Benchmark = "Benchmark";
    public const string BenchmarkSource = "Benchmark source";
    public const string Profile = "Profile";

    /// <summary>Target columns are named "Target " followed by a period key.</summary>
    public const string TargetPrefix = "Target ";

    public static IReadOnlyList<DataListColumn> All { get; } =
    [
        new(Plan, ColumnUse.PriorityRows, "The plan the priority sits under.", "City Priority Plan 2025 to 2030"),
        new(PlanType, ColumnUse.PriorityRows, "City Priority Plan, Council Business Plan, Directorate plan or Service plan.", "City Priority Plan"),
        new(PlanFrom, ColumnUse.Optional, "First financial year of the plan. Blank: the first year with a target.", "2025/26"),
        new(PlanTo, ColumnUse.Optional, "Last financial year of the plan. Blank: four years from the first, or the last year with a target.", "2029/30"),
        new(Board, ColumnUse.EveryRow, "The board that owns the priority. A row with a board and no priority adds a board that owns none (a scrutiny board).", "Health and Wellbeing Board"),
        new(BoardType, ColumnUse.EveryRow, "Strategic partnership board, Best Council board, Directorate management team, Scrutiny board or Governance and audit committee.", "Strategic partnership board"),
        new(Chair, ColumnUse.EveryRow, "The board chair's name.", "Cllr Ann Example"),
        new(ChairEmail, ColumnUse.EveryRow, "The board chair's email (one email is one person throughout the file).", "ann.example@council.gov.uk"),
        new(BoardMembersEmails, ColumnUse.Optional, "The board's members besides its chair and lead officers (who are members anyway), separated by ';': emails, or Name <email>. On one of the board's rows or the same on each.", "Cllr Tom Reed <tom.reed@council.gov.uk>; jo.bell@council.gov.uk"),
        new(TeamsTeamId, ColumnUse.Optional, "The Teams team of the board's channel (a GUID). Needed with a channel id.", "0b7d1c5e-..."),
        new(TeamsChannelId, ColumnUse.Optional, "The board's channel id, as Teams gives it.", "19:abc...@thread.tacv2"),
        new(TeamsChannelName, ColumnUse.Optional, "The channel's name. Blank: the board's name.", "Health and Wellbeing"),
        new(PriorityCode, ColumnUse.IndicatorRows, "The priority's code, unique in the council. Blank on a row for a board alone.", "CPP-H"),
        new(Priority, ColumnUse.PriorityRows, "The priority, as the plan words it.", "Reduce health inequalities"),
        new(Outcome, ColumnUse.Optional, "The outcome the priority serves.", "Best city for health and wellbeing"),
        new(LeadOfficer, ColumnUse.PriorityRows, "The lead officer's name: proposes the priority's overall rating.", "Dr Aisha Rahman"),
        new(LeadOfficerEmail, ColumnUse.PriorityRows, "The lead officer's email.", "aisha.rahman@council.gov.uk"),
        new(Directorate, ColumnUse.PriorityRows, "The directorate the priority (and its indicators) belong to.", "Adults and Health"),
        new(DirectorateCode, ColumnUse.PriorityRows, "The directorate's short code, unique in the council.", "AH"),
        new(PerformanceLeadEmail, ColumnUse.Optional, "The directorate's performance lead, who signs off returns: an email, or Name <email>.", "Lee Young <lee.young@council.gov.uk>"),
        new(DirectorateSignOff, ColumnUse.Optional, "yes if the directorate's returns need its performance lead's sign-off.", "yes"),
        new(SelfAssessmentByEmail, ColumnUse.Optional, "Who answers the directorate's self assessment each quarter: an email, or Name <email>. Blank: its performance lead.", "Dee Stone <dee.stone@council.gov.uk>"),
        new(IndicatorCode, ColumnUse.Optional, "The indicator's code, unique in the council. Blank on a row for a priority with no indicators yet.", "CPP-H1"),
        new(Indicator, ColumnUse.IndicatorRows, "The indicator's title, in plain English.", "Percentage of adults who are physically active"),
        new(Unit, ColumnUse.IndicatorRows, "What it is counted in.", "%"),
        new(Polarity, ColumnUse.IndicatorRows, "higher is better or lower is better.", "higher is better"),
        new(Frequency, ColumnUse.IndicatorRows, "monthly, quarterly, six-monthly or annual.", "quarterly"),
        new(NationalOrLocal, ColumnUse.IndicatorRows, "national (a statutory data set) or local (the council's own).", "local"),
        new(Owner, ColumnUse.IndicatorRows, "The accountable owner's name: answers for the return.", "Sam Patel"),
        new(OwnerEmail, ColumnUse.IndicatorRows, "The owner's email.", "sam.patel@council.gov.uk"),
        new(OwnersManagerEmail, ColumnUse.Optional, "The owner's manager, told when a return is overdue: an email, or Name <email>.", "Jo Bell <jo.bell@council.gov.uk>"),
        new(CollatorEmails, ColumnUse.Optional, "People who may submit for the owner, separated by ';': emails, or Name <email>.", "Kim Lee <kim.lee@council.gov.uk>; pat.doe@council.gov.uk"),
        new(Tolerance, ColumnUse.Optional, "How far from target is still amber: a number in the unit (3) or a share of the target (5%).", "5%"),
        new(Baseline, ColumnUse.Optional, "The starting value.", "61.2"),
        new(Benchmark, ColumnUse.Optional, "A comparator value.", "64.0"),
        new(BenchmarkSource, ColumnUse.Optional, "Where the benchmark comes from.", "Core cities average 2024/25"),
        new(PerformanceTeamEmails, ColumnUse.Optional, "The corporate performance team (they run the cycle and see everything), separated by ';': emails, or Name <email>. On any rows: the team is everyone named in the column.", "Ruth Kay <ruth.kay@council.gov.uk>"),
        new(Profile, ColumnUse.Optional, "For quarterly indicators with an annual target: the cumulative share of it due by the end of Q1 to Q4.", "20;45;70;100"),
    ];
}
