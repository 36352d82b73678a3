using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// The directorate scorecard's "self assessment": other performance concerns the director wants
/// flagged to the leadership team for the period.
/// </summary>
public sealed class SelfAssessment : AuditedEntity
{
    public const int MaxLength = 3000;

    private SelfAssessment()
    {
    }

    public Guid DirectorateId { get; private set; }

    public Period Period { get; private set; }

    public string Concerns { get; private set; } = "";

    public Guid? WrittenById { get; private set; }

    public DateTimeOffset? WrittenAt { get; private set; }

    protected override string AuditName => "SelfAssessment";

    /// <summary>
    /// Who is asked to answer the directorate's self assessment. Until the import says who, the
    /// directorate's performance lead (the one place to change when it does).
    /// </summary>
    public static Guid? AnsweredBy(Directorate directorate) => directorate.SelfAssessedBy;

    /// <summary>The director, the performance lead, or whoever answers it may write it.</summary>
    public static bool MayWrite(Person person, Directorate directorate) =>
        person.Id == directorate.DirectorId || person.Id == directorate.PerformanceLeadId || person.Id == AnsweredBy(directorate);

    public static SelfAssessment For(Directorate directorate, Period period, DateTimeOffset now)
    {
        var assessment = new SelfAssessment { Id = Guid.CreateVersion7(now), DirectorateId = directorate.Id, Period = period };
        assessment.Created(Actor.System, "opened", now);
        return assessment;
    }

    public void Write(Person actor, Directorate directorate, string concerns, DateTimeOffset now)
    {
        if (directorate.Id != DirectorateId)
        {
            throw new PmfRuleException("That self assessment belongs to another directorate.");
        }

        if (!MayWrite(actor, directorate))
        {
            throw new PmfRuleException($"Only {directorate.Name}'s director, performance lead or the person named to answer it can write its self assessment.");
        }

        var text = concerns?.Trim() ?? "";
        if (text.Length > MaxLength)
        {
            throw new PmfRuleException($"Please keep the self assessment under {MaxLength} characters.", "concerns");
        }

        if (text == Concerns)
        {
            return;
        }

        Change(Actor.Of(actor), "wrote self assessment", now, () =>
        {
            Concerns = text;
            WrittenById = actor.Id;
            WrittenAt = now;
        });
    }

    protected override object Snapshot() => new { Period = Period.Key, Concerns };
}
