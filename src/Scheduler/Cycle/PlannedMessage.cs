using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Outbox;

namespace PmfBot.Scheduler.Cycle;

/// <summary>A message the cycle owes: becomes an outbox row (queued once per key) when the cycle runs, a line when it is previewed.</summary>
public sealed record PlannedMessage(string Key, string Kind, Guid? PersonId, Guid? BoardId, Period? Period, object Payload)
{
    /// <summary>Payload JSON: camelCase, as the bot reads it back with <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string PayloadJson => JsonSerializer.Serialize(Payload, Payload.GetType(), Json);

    public OutboxMessage ToOutbox(DateTimeOffset now) => PersonId is { } person
        ? OutboxMessage.ToPerson(Key, Kind, person, Period, PayloadJson, now)
        : OutboxMessage.ToBoardChannel(Key, Kind, BoardId ?? throw new InvalidOperationException($"{Key} has no recipient."), Period, PayloadJson, now);

    /// <summary>Reads a payload the cycle wrote (for the bot: <c>PlannedMessage.Read&lt;NudgePayload&gt;(message.Payload)</c>).</summary>
    public static T Read<T>(string payload) => JsonSerializer.Deserialize<T>(payload, Json)
        ?? throw new InvalidOperationException($"The outbox payload is not a {typeof(T).Name}.");
}
