using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Generator;

/// <summary>The history: every period of every indicator in the last quarters, opened, answered and signed off as councils do.</summary>
public sealed partial class CouncilGenerator
{
    private static readonly string[] Commentary =
    [
        "On track: the improvement seen last quarter has held and work with partners is paying off.",
        "Just off track: demand was higher than expected; extra staff start next month and we expect to recover.",
        "Off track: a recovery plan has been agreed with the lead officer and goes to the board next month.",
        "Better than at the same time last year; the targeted work in the wards with the lowest results is helping.",
    ];

    private int AddReturns(PmfDbContext db)
    {
        if (_spec.Quarters <= 0)
        {
            return 0;
        }

        var first = Quarter;
        for (var q = 1; q < _spec.Quarters; q++)
        {
            first = first.Previous();
        }

        var count = 0;
        foreach (var indicator in _indicators)
        {
            var owner = _byId[indicator.OwnerId];
            var collator = indicator.Collators.FirstOrDefault() is { } c ? _byId[c.PersonId] : null;
            var directorate = _directorates.Single(d => d.Id == indicator.DirectorateId);
            var performanceLead = _byId[directorate.PerformanceLeadId!.Value];
            var last = IndicatorResults.PeriodFor(indicator.Frequency, Quarter);
            var start = Period.Containing(first.Start, indicator.Frequency.PeriodKindOf());
            var drift = _random.NextDouble() * 1.2 - 0.4;
            var position = drift;
            for (var period = start; period.CompareTo(last) <= 0; period = period.Next())
            {
                var window = _calendar.WindowFor(period);
                if (window.Opens > _today)
                {
                    break;
                }

                var ret = IndicatorReturn.Open(indicator, period, window.Due, At(window.Opens, 7));
                db.Returns.Add(ret);
                count++;

                position = 0.6 * position + 0.4 * drift + Normal() * 0.6;
                var target = indicator.TargetFor(period) ?? 50m;
                var band = Math.Max(indicator.Tolerance.For(target), 1m);
                var sign = indicator.Polarity == Polarity.HigherIsBetter ? 1m : -1m;
                var value = Math.Max(0m, Math.Round(target + sign * (decimal)position * band, 1));
                var entry = new ReturnEntry(value, null, null, null, Commentary[_random.Next(Commentary.Length)],
                    "Weekly checks of the figures with team managers.", "Keep the weekly checks going and report to the board next quarter.");
                var submitter = collator is not null && _random.NextDouble() < 0.35 ? collator : owner;
                var isCurrent = period.End > Quarter.Start;
                var dueHasPassed = window.Due < _today;
                var roll = _random.NextDouble();

                if (isCurrent && (dueHasPassed ? roll < 0.05 : roll < 0.25))
                {
                    continue; // not started: missing once the due date has passed
                }

                if (isCurrent && (dueHasPassed ? roll < 0.08 : roll < 0.45))
                {
                    ret.SaveDraft(submitter, entry, At(window.Due, 15, _random.Next(60)));
                    continue;
                }

                var late = roll > (isCurrent ? 0.93 : 0.96);
                var day = late ? _calendar.WorkingDays.Add(window.Due, 1 + _random.Next(3)) : _calendar.WorkingDays.Before(window.Due, _random.Next(5));
                if (day < window.Opens)
                {
                    day = window.Opens;
                }

                if (day > _today)
                {
                    day = _today;
                }

                var at = At(day, 9 + _random.Next(8), _random.Next(60));
                ret.Submit(submitter, entry, day, at);
                if (directorate.UsesSignOff && (!isCurrent || _random.NextDouble() < 0.6))
                {
                    ret.SignOff(performanceLead, directorate, at.AddHours(1));
                }
            }
        }

        return count;
    }

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
