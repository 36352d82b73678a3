using PmfBot.Domain.Calendar;

namespace PmfBot.Bench.Generator;

/// <summary>What the benchmarks need to know about a council once it is in the database.</summary>
/// <param name="Quarter">The quarter the council's history ends with (the current reporting quarter).</param>
/// <param name="Reader">A scrutiny member who asks for status (known to PmfBot by Entra object id).</param>
/// <param name="PriorityIds">Every priority, in code order.</param>
/// <param name="OwnerIds">Every person who owns an indicator.</param>
/// <param name="Speakers">People who talk to the bot in the benchmarks, each in their own 1:1 chat (up to 500 owners).</param>
public sealed record GeneratedCouncil(
    CouncilSpec Spec,
    Period Quarter,
    string TenantId,
    BenchPerson Reader,
    IReadOnlyList<BenchPerson> Speakers,
    IReadOnlyList<(Guid Id, string Code)> PriorityIds,
    IReadOnlyList<Guid> OwnerIds,
    int Returns,
    int AuditLines,
    TimeSpan Took);

/// <param name="TeamsUserId">The bot-specific Teams user id (<c>29:...</c>).</param>
/// <param name="ConversationId">Their 1:1 chat with the bot.</param>
public sealed record BenchPerson(Guid Id, string Name, string EntraObjectId, string TeamsUserId, string ConversationId);
