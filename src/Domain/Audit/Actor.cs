using PmfBot.Domain.People;

namespace PmfBot.Domain.Audit;

/// <summary>Who made a change: a person, or PmfBot itself (opening returns, the scheduler).</summary>
public sealed record Actor(Guid? PersonId, string Name)
{
    public static Actor System { get; } = new(null, "PmfBot");

    public static Actor Of(Person person) => new(person.Id, person.Name);
}
