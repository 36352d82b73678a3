using System.Diagnostics.Metrics;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Scheduler.Telemetry;

namespace PmfBot.Bot.Telemetry;

/// <summary>
/// What the bot saw and did, on the same meter as the scheduler's counters (<see cref="PmfMeter"/>).
/// Every tag value comes from a fixed list, never from what a caller sent, so nobody can blow up the
/// number of time series by sending made-up activity types or verbs.
/// </summary>
public sealed class BotMetrics
{
    public const string ActivitiesReceived = "pmfbot.activities.received";
    public const string CardActions = "pmfbot.card_actions";
    public const string ConnectorThrottled = "pmfbot.connector.throttled";

    private static readonly string[] KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event,
    ];

    private readonly Counter<long> _activities;
    private readonly Counter<long> _cardActions;
    private readonly Counter<long> _throttled;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PmfMeter.Name);
        _activities = meter.CreateCounter<long>(ActivitiesReceived, "{activity}", "Activities accepted from Teams, by type.");
        _cardActions = meter.CreateCounter<long>(CardActions, "{action}", "Card buttons pressed, by verb and outcome.");
        _throttled = meter.CreateCounter<long>(ConnectorThrottled, "{response}", "429 Too Many Requests answers from the Bot Connector, by operation.");
    }

    public void ActivityReceived(string type) =>
        _activities.Add(1, new KeyValuePair<string, object?>("activity.type", KnownTypes.FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)) ?? "other"));

    /// <param name="verb">A verb of the card action table, or "unknown".</param>
    public void CardAction(string verb, string outcome) =>
        _cardActions.Add(1, new KeyValuePair<string, object?>("verb", verb), new KeyValuePair<string, object?>("outcome", outcome));

    public void Throttled(string operation) =>
        _throttled.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
