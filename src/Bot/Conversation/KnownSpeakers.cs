using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Who each Entra object id is, kept under the data-version stamp: a scrutiny member asking again
/// costs no query while the stamp is known, and any saved change (a new person, a changed role) is
/// seen at the next ask. The people kept are shared read-only snapshots: use cases load the person
/// they act for by id.
/// </summary>
public sealed class KnownSpeakers
{
    /// <summary>More than a council's staff; beyond it, start again.</summary>
    public const int MaxKept = 20_000;

    public StampedCache<string, Person?> People { get; } = new(MaxKept);
}
