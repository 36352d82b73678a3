namespace PmfBot.Domain.Directorates;

/// <summary>
/// A directorate of the council (Children's Services, City Development, ...). Its performance
/// lead signs off the directorate's returns where the council uses directorate sign-off.
/// </summary>
public sealed class Directorate
{
    private Directorate()
    {
    }

    public Directorate(Guid id, string name, string code)
    {
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? throw new PmfRuleException("A directorate needs a name.") : name.Trim();
        Code = code.Trim().ToUpperInvariant();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Code { get; private set; } = "";

    public Guid? DirectorId { get; set; }

    public Guid? PerformanceLeadId { get; set; }

    /// <summary>Who answers the directorate's self assessment when it is not the performance lead.</summary>
    public Guid? SelfAssessmentById { get; set; }

    /// <summary>Who is asked for the self assessment: the person named for it, else the performance lead.</summary>
    public Guid? SelfAssessedBy => SelfAssessmentById ?? PerformanceLeadId;

    /// <summary>Whether returns need the directorate performance lead's sign-off before they count.</summary>
    public bool UsesSignOff { get; set; }

    public void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) ? throw new PmfRuleException("A directorate needs a name.") : name.Trim();

    public override string ToString() => Name;
}
