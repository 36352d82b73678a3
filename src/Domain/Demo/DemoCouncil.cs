using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Demo;

/// <summary>
/// Northbridge City Council, a fictional council to try PmfBot with: a City Priority Plan
/// owned by five Strategic Partnership Boards, a Council Business Plan under a Best Council
/// Board, two Overview and Scrutiny boards and a Corporate Governance and Audit Committee;
/// 20 priorities, 76 indicators and two financial years of returns, ratings, actions, risks
/// and self assessments, made through the entities' own methods so every change is audited.
/// Deterministic: the same "today" gives the same council, so tests can rely on it. Every rule
/// shows in the current quarter: greens, ambers, reds, well ahead of target, no target, data
/// not available, missing, late, worsening two periods running, an overridden RAG, a return
/// sent back, a rating amended and one sent back.
/// </summary>
public static class DemoCouncil
{
    public const string CouncilName = "Northbridge City Council";

    /// <summary>The seed of the one random generator the demo draws from, in a fixed order.</summary>
    public const int RandomSeed = 20240401;

    /// <summary>
    /// Seeds the demo council unless the database already holds a board (a council's own
    /// data, or the demo seeded before). Returns whether it seeded. Written in one transaction.
    /// </summary>
    public static async Task<bool> SeedAsync(PmfDbContext db, TimeProvider clock, ReturnCalendar? calendar = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            return false;
        }

        calendar ??= ReturnCalendar.EnglandAndWales();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await new DemoSeeder(db, calendar, UkTime.Today(clock)).SeedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The demo's current quarter for a date: the latest quarter whose whole cycle is over by
    /// then (returns due, sign-off, and the board meeting that decides the ratings), so its
    /// missing and late returns already count as missing and late.
    /// </summary>
    public static Period CurrentQuarter(DateOnly today, ReturnCalendar? calendar = null)
    {
        calendar ??= ReturnCalendar.EnglandAndWales();
        var quarter = ReportingPeriods.Current(Indicators.Frequency.Quarterly, today);
        while (BoardMeeting(quarter, calendar) >= today)
        {
            quarter = quarter.Previous();
        }

        return quarter;
    }

    /// <summary>When the boards meet about a quarter: the configured date, or a week after sign-off.</summary>
    internal static DateOnly BoardMeeting(Period quarter, ReturnCalendar calendar) =>
        Cycle.QuarterCycle.BoardMeetingFor(calendar.WindowFor(quarter), calendar);

    /// <summary>
    /// The people to act as in the Agents Playground and in tests. Their Entra object ids are
    /// fixed; everyone else in the demo has one derived from their email.
    /// </summary>
    public static class People
    {
        private const string D = DemoCast.Domain;

        /// <summary>Chairs the Health and Wellbeing Board: approves its priorities' ratings.</summary>
        public static DemoPerson Chair { get; } = new("Cllr Rosa Whitfield", "rosa.whitfield" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a01", "Executive Member for Health, Wellbeing and Adults");

        /// <summary>Director of Public Health; lead officer for HW1 (proposes its rating).</summary>
        public static DemoPerson LeadOfficer { get; } = new("Dr Aisha Rahman", "aisha.rahman" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a02", "Director of Public Health", "martin.greaves" + D, "AH");

        /// <summary>Owns the HW3 indicators: one return missing and one late in the current quarter.</summary>
        public static DemoPerson Owner { get; } = new("Kate Hughes", "kate.hughes" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a03", "Head of Active Lifestyles", "tariq.mahmood" + D, "AH");

        /// <summary>Collates returns for Kate Hughes and others in Adults and Health.</summary>
        public static DemoPerson Collator { get; } = new("Jo Bell", "jo.bell" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a04", "Performance Officer, Adults and Health", "lee.young" + D, "AH");

        /// <summary>Kate Hughes's manager (escalations go to them); lead officer for HW3.</summary>
        public static DemoPerson Manager { get; } = new("Tariq Mahmood", "tariq.mahmood" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a05", "Chief Officer, Active Lifestyles", "martin.greaves" + D, "AH");

        /// <summary>Adults and Health performance lead: signs off the directorate's returns.</summary>
        public static DemoPerson PerformanceLead { get; } = new("Lee Young", "lee.young" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a06", "Performance Lead, Adults and Health", "martin.greaves" + D, "AH");

        /// <summary>Director of Adults and Health: writes its self assessment.</summary>
        public static DemoPerson Director { get; } = new("Martin Greaves", "martin.greaves" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a07", "Director of Adults and Health", "nadia.lindqvist" + D, "AH");

        /// <summary>Chairs the Scrutiny Board (Adults, Health and Active Lifestyles).</summary>
        public static DemoPerson ScrutinyChair { get; } = new("Cllr Fiona Brannigan", "fiona.brannigan" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a08", "Chair, Scrutiny Board (Adults, Health and Active Lifestyles)");

        public static DemoPerson ScrutinyMember { get; } = new("Cllr Paul Oduya", "paul.oduya" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a09", "Member, Scrutiny Board (Adults, Health and Active Lifestyles)");

        /// <summary>Chairs the Corporate Governance and Audit Committee (receives compliance).</summary>
        public static DemoPerson AuditChair { get; } = new("Cllr Graham Tillotson", "graham.tillotson" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a10", "Chair, Corporate Governance and Audit Committee");

        /// <summary>Corporate performance team: runs the cycle and sees everything.</summary>
        public static DemoPerson PerformanceOfficer { get; } = new("Alison Pryce", "alison.pryce" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a11", "Head of Performance and Intelligence", "victor.ashdown" + D, "RES", PerformanceTeam: true);

        /// <summary>Chief Executive; chairs the Best Council Board.</summary>
        public static DemoPerson ChiefExecutive { get; } = new("Nadia Lindqvist", "nadia.lindqvist" + D, "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a12", "Chief Executive");

        /// <summary>Everyone in the demo council.</summary>
        public static IReadOnlyList<DemoPerson> All => DemoCast.Everyone;
    }
}
