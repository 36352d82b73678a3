using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Publication;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.People.Linking;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Graph;

namespace PmfBot.Bot.Cycle;

/// <summary>
/// The performance team's controls over the quarterly cycle, in chat: "cycle" (where it is),
/// "cycle preview [date]" (what would be sent, to whom, without sending), "cycle pause",
/// "cycle resume", "cycle run [date]", "cycle problems" (messages that could not be delivered),
/// "cycle publish [quarter]" and "cycle unpublish &lt;quarter&gt;" (release a quarter for public display, or
/// withdraw it). The use cases refuse anyone outside the performance team.
/// </summary>
public sealed class CycleCommand(
    CycleControl control,
    CyclePreview preview,
    OutboxProblems problems,
    PeopleNotLinked notLinked,
    IDirectory directory,
    ReleaseQuarter release,
    IOptions<PublicationOptions> publication,
    TimeProvider clock,
    MessageCards messages) : ICommand
{
    private const int MaxPreviewLines = 15;

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { } person)
        {
            return messages.NotKnown();
        }

        var words = request.Argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length == 0 ? "" : words[0].ToLowerInvariant();
        var rest = words.Length > 1 ? words[1] : "";
        try
        {
            return verb switch
            {
                "" or "status" => await StatusAsync(person.IsPerformanceTeam, cancellationToken),
                "preview" => await PreviewAsync(person.Id, Day(rest), cancellationToken),
                "problems" => await ProblemsAsync(person.IsPerformanceTeam, cancellationToken),
                "pause" => Describe("The cycle is paused", await control.PauseAsync(person.Id, cancellationToken)),
                "resume" => Describe("The cycle has resumed", await control.ResumeAsync(person.Id, catchUp: !rest.Contains("without", StringComparison.OrdinalIgnoreCase), cancellationToken)),
                "publish" or "release" => await PublishAsync(person.Id, rest, cancellationToken),
                "unpublish" or "withdraw" => await UnpublishAsync(person.Id, rest, cancellationToken),
                "run" => messages.Confirmation("The cycle is running", $"I have started the cycle for {(Day(rest) is { } day ? day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : "today")} (job {await control.TriggerAsync(person.Id, Day(rest), cancellationToken)}). Messages go out as Teams' limits allow."),
                _ => messages.Choose("Cycle commands", "These are the performance team's controls over the quarterly cycle.", Usage, ""),
            };
        }
        catch (PmfRuleException refused)
        {
            return messages.Refusal("That could not be done", refused.Message);
        }
    }

    private static readonly IReadOnlyList<string> Usage =
    [
        "cycle: where the cycle is (paused or running, the last day completed)",
        "cycle preview [date]: what would be sent that day, to whom, without sending",
        "cycle pause / cycle resume [without catch-up]",
        "cycle run [date]: run the cycle for a day now",
        "cycle problems: messages Teams would not take (blocked, app not installed, failed)",
        "cycle publish [quarter]: release a quarter's scorecards for public display (the last quarter ended, or e.g. 2025-26-Q2)",
        "cycle unpublish <quarter>: withdraw a released quarter from public display",
    ];

    private async Task<JsonObject> PublishAsync(Guid actorId, string text, CancellationToken cancellationToken)
    {
        if (Quarter(text, out var quarter) is { } bad)
        {
            return bad;
        }

        var outcome = await release.ReleaseAsync(actorId, quarter, cancellationToken);
        return messages.Confirmation(
            outcome.Changed ? $"{PublishedWords.PeriodName(quarter)} released" : "Already released",
            ReleaseAnswers.Released(outcome, publication.Value.Enabled));
    }

    private async Task<JsonObject> UnpublishAsync(Guid actorId, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return messages.Refusal("Which quarter?", "Name the quarter to withdraw, for example: cycle unpublish 2025-26-Q2.");
        }

        if (Quarter(text, out var quarter) is { } bad)
        {
            return bad;
        }

        var outcome = await release.WithdrawAsync(actorId, quarter, cancellationToken);
        return messages.Confirmation(outcome.Changed ? $"{PublishedWords.PeriodName(quarter)} withdrawn" : "Not released", ReleaseAnswers.Withdrawn(outcome));
    }

    /// <summary>The quarter typed ("2025-26-Q2"), or the last quarter that has ended when none was; a refusal when it is not a quarter key.</summary>
    private JsonObject? Quarter(string text, out Period quarter)
    {
        quarter = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        if (text.Length == 0)
        {
            return null;
        }

        return Period.TryParse(text, out quarter)
            ? null
            : messages.Refusal("That is not a quarter", $"\"{(text.Length > 40 ? text[..40] + "…" : text)}\" is not a quarter. Write it as its financial year and number, for example 2025-26-Q2 for Quarter 2 2025/26 (July to September 2025).");
    }

    private async Task<JsonObject> StatusAsync(bool isPerformanceTeam, CancellationToken cancellationToken)
    {
        if (!isPerformanceTeam)
        {
            return messages.Refusal("That could not be done", "Only the performance team can run, preview or pause the cycle.");
        }

        return Describe("The quarterly cycle", await control.StatusAsync(cancellationToken));
    }

    private async Task<JsonObject> ProblemsAsync(bool isPerformanceTeam, CancellationToken cancellationToken)
    {
        if (!isPerformanceTeam)
        {
            return messages.Refusal("That could not be done", "Only the performance team can run, preview or pause the cycle.");
        }

        var found = await problems.ListAsync(MaxPreviewLines + 1, cancellationToken);
        var lines = found.Take(MaxPreviewLines).Select(p => $"{p.Kind} to {p.PersonName ?? p.BoardName ?? "unknown"}: {Explain(p)}").ToList();
        var (unlinked, unlinkedTotal) = await notLinked.ListAsync(MaxPreviewLines, cancellationToken);
        var why = directory.IsAvailable
            ? "never spoken to PmfBot and not found in the directory by their email, so their Teams account is not known"
            : "never spoken to PmfBot and Graph is not configured, so their Teams account is not known";
        lines.AddRange(unlinked.Select(p => $"{p.Name} ({p.Email}): {why}"));
        var footer = string.Join(' ', new[]
        {
            found.Count > MaxPreviewLines ? "More messages: see the outbox in the database." : "",
            unlinkedTotal > unlinked.Count ? $"And {unlinkedTotal - unlinked.Count} more people PmfBot cannot reach yet." : "",
        }.Where(t => t.Length > 0));
        return lines.Count == 0
            ? messages.Confirmation("No delivery problems", "Every message of the cycle has been delivered or is on its way, and PmfBot knows everyone's Teams account.")
            : messages.Choose("Messages that could not be delivered", "These people or channels did not get a message, or PmfBot cannot reach them yet; follow them up by email, ask them to say hello to PmfBot in Teams, or install the app for them.", lines, footer);
    }

    private static string Explain(OutboxProblems.Problem problem) => problem.State switch
    {
        OutboxState.Blocked => "they have blocked PmfBot in Teams",
        OutboxState.NotInstalled => "PmfBot is not installed for them yet",
        _ => $"Teams did not accept it after {problem.Attempts} attempt{(problem.Attempts == 1 ? "" : "s")} ({problem.Error})",
    };

    private async Task<JsonObject> PreviewAsync(Guid actorId, DateOnly? day, CancellationToken cancellationToken)
    {
        var plan = await preview.ForAsync(actorId, day, cancellationToken);
        var fresh = plan.New;
        var lines = fresh.Take(MaxPreviewLines).Select(l => $"{l.Kind} to {l.Recipient}{(l.PeriodKey is { } p ? $" ({p})" : "")}").ToList();
        var text = fresh.Count == 0
            ? "Nothing new would be sent that day."
            : $"{fresh.Count} message{(fresh.Count == 1 ? "" : "s")} would be sent; nothing has been sent or queued.";
        var footer = (plan.IsPaused ? "The cycle is paused: nothing will be sent until it is resumed. " : "")
            + (fresh.Count > MaxPreviewLines ? $"And {fresh.Count - MaxPreviewLines} more." : "");
        return messages.Choose($"Cycle preview for {plan.Day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", text, lines, footer.Trim());
    }

    private JsonObject Describe(string title, CycleControl.Status status) => messages.Confirmation(
        title,
        (status.IsPaused ? $"Paused by {status.PausedBy ?? "the performance team"}: nothing is queued or sent until it is resumed." : "Running: returns open, reminders and summaries go out as they fall due.")
        + (status.LastCompletedDay is { } last ? $" Last day completed: {last.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}." : ""));

    private static DateOnly? Day(string text) =>
        DateOnly.TryParse(text, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var day) ? day : null;
}
