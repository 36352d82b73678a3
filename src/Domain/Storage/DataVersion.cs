using System.Security.Cryptography;

namespace PmfBot.Domain.Storage;

/// <summary>
/// One row whose stamp changes, in the same transaction, with every saved change to what the cards
/// show (returns, ratings, indicators, people, actions...). A server that keeps a rendered card
/// keeps it under the stamp it read before loading: one cheap read tells every server, at once,
/// whether anything has changed since (<see cref="PmfDbContext.SaveChangesAsync(bool, CancellationToken)"/>).
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>A random number, not a counter: writers never read it first, so they never wait on each other to.</summary>
    public long Stamp { get; private set; }

    /// <summary>
    /// The priorities the last saved change touched (<see cref="PriorityChanges.Payload"/>): the
    /// trigger on this row sends it to every listening server with the notification of the change.
    /// </summary>
    public string? ChangedPriorities { get; private set; }

    /// <summary>An entity for an update of the row without reading it.</summary>
    internal static DataVersion Next(string changedPriorities) => new() { Stamp = NewStamp(), ChangedPriorities = changedPriorities };

    internal static long NewStamp() => RandomNumberGenerator.GetInt32(int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue);
}
