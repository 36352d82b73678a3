using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;

namespace PmfBot.Domain.Demo;

/// <summary>The demo's returns: opened, drafted, submitted, signed off and sent back through the entity's methods.</summary>
internal sealed partial class DemoSeeder
{
    private const string NotAvailableReason = "This is a new indicator: the new case management system will report it from next quarter.";
    private const string OverrideReason = "The average is amber, but three families stayed in bed and breakfast for more than six weeks; the average hides this, so we rate it red.";
    private const string SentBackComment = "The commentary says the figure improved, but it is lower than last quarter. Please check the figure and the commentary, then submit again.";

    private static readonly string[] OnTrack =
    [
        "The improvement seen last quarter has held.",
        "Work with partners is paying off and we expect this to continue.",
        "This is better than at the same time last year.",
    ];

    private static readonly string[] SlightlyOff =
    [
        "We expect to be back on target next quarter.",
        "A recovery plan is in place and the team checks it every month.",
        "Demand was higher than expected; extra staff start next month.",
    ];

    private static readonly string[] OffTrack =
    [
        "A recovery plan has been agreed with the lead officer and goes to the board.",
        "The board will look at this in detail at its next meeting.",
        "Demand has grown faster than we planned for; we are preparing options to respond.",
    ];

    private static readonly string[] Delivered =
    [
        "Weekly checks of the figures with team managers.",
        "Targeted work in the wards with the lowest results.",
        "New guidance for staff and partners.",
        "A joint review with partners of what is working.",
    ];

    private static readonly string[] Planned =
    [
        "Keep the weekly checks going and report to the board next quarter.",
        "Extend the targeted work to three more wards.",
        "Agree a recovery plan with partners by the end of the month.",
        "Review the target for next year with the lead officer.",
    ];

    private void AddReturns(DemoIndicator spec)
    {
        var indicator = _indicators[spec.Code];
        var owner = P(spec.Owner);
        var collator = DemoIndicators.CollatorOf.TryGetValue(spec.Owner, out var name) ? P(name) : null;
        var directorate = _directorates.Values.Single(d => d.Id == indicator.DirectorateId);
        var performanceLead = _people.Values.Single(p => p.Id == directorate.PerformanceLeadId);
        var periods = PeriodsOf(spec);
        var values = ValuesOf(spec, indicator, periods);

        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var window = calendar.WindowFor(period);
            var isCurrent = i == periods.Count - 1;
            var inCurrentQuarter = period.End > Current.Start;
            var story = isCurrent ? spec.Story : spec.Story == Story.NotAvailable ? Story.NotAvailable : Story.Usual;
            var ret = IndicatorReturn.Open(indicator, period, window.Due, At(window.Opens, 7));
            _returns.Add(ret);

            var submitter = collator is not null && _random.NextDouble() < 0.35 ? collator : owner;
            var onTime = calendar.WorkingDays.Before(window.Due, _random.Next(0, 5));
            if (onTime < window.Opens)
            {
                onTime = window.Opens;
            }

            var lateInHistory = !isCurrent && _random.NextDouble() < 0.06;
            var late = calendar.WorkingDays.Add(window.Due, _random.Next(1, 4));
            var value = values[i];
            var previous = i > 0 ? values[i - 1] : (decimal?)null;

            switch (story)
            {
                case Story.Missing:
                    continue;
                case Story.DraftOnly:
                    ret.SaveDraft(submitter, Entry(spec, ret, value, previous), At(window.Due, 16, 20));
                    continue;
                case Story.NotAvailable:
                    Submit(ret, submitter, new ReturnEntry(null, NotAvailableReason, null, null,
                        "No figure yet: the service only started recording this in the new system this year.", null, "Report the first figure next quarter."), At(onTime, 11));
                    break;
                case Story.Late:
                    Submit(ret, submitter, Entry(spec, ret, value, previous), At(late, 15, 5));
                    break;
                case Story.Override:
                    Submit(ret, submitter, Entry(spec, ret, value, previous) with { OverrideRag = Rag.Red, OverrideReason = OverrideReason }, At(onTime, 10, 30));
                    break;
                default:
                    Submit(ret, submitter, Entry(spec, ret, value, previous), At(lateInHistory ? late : onTime, 9 + _random.Next(0, 8), _random.Next(0, 60)));
                    break;
            }

            if (story == Story.SentBack)
            {
                ret.SendBack(performanceLead, directorate, SentBackComment, At(window.SignOff, 10));
            }
            else if (directorate.UsesSignOff && (!inCurrentQuarter || _random.NextDouble() < 0.5))
            {
                ret.SignOff(performanceLead, directorate, At(calendar.WorkingDays.Add(UkTime.DateOf(ret.SubmittedAt!.Value), 2), 14));
            }
        }
    }

    private static void Submit(IndicatorReturn ret, Person submitter, ReturnEntry entry, DateTimeOffset at) =>
        ret.Submit(submitter, entry, UkTime.DateOf(at), at);

    private ReturnEntry Entry(DemoIndicator spec, IndicatorReturn ret, decimal value, decimal? previous)
    {
        var indicator = ret.Indicator;
        var rag = ret.PreviewRag(value);
        var target = indicator.TargetFor(ret.Period);
        var higher = spec.Polarity == Polarity.HigherIsBetter;
        var wellAhead = target is { } t && (higher ? value > t + indicator.Tolerance.For(t) : value < t - indicator.Tolerance.For(t));
        var figure = target is { } tt ? $"{Format(value, spec.Unit)} against a target of {Format(tt, spec.Unit)}." : $"{Format(value, spec.Unit)}.";
        var verdict = rag switch
        {
            Rag.Green when wellAhead => "Well ahead of target: we will check the target is stretching enough.",
            Rag.Green => "On track.",
            Rag.Amber => "Just off track.",
            Rag.Red => "Off track.",
            _ => "No target has been set for this year yet: the board will agree one once we have a full year of figures.",
        };
        var travel = previous is not { } p || spec.IsCumulative
            ? ""
            : value == p ? " No change since last time." : (value > p) == higher ? $" Better than last time ({Format(p, spec.Unit)})." : $" Worse than last time ({Format(p, spec.Unit)}).";
        var next = rag switch
        {
            Rag.Green => Pick(OnTrack),
            Rag.Amber => Pick(SlightlyOff),
            Rag.Red => Pick(OffTrack),
            _ => "",
        };
        return new ReturnEntry(value, null, null, null, $"{figure} {verdict}{travel} {next}".Trim(), Pick(Delivered), Pick(Planned));
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
