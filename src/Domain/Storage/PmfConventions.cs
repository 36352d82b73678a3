using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Risks;

namespace PmfBot.Domain.Storage;

/// <summary>How domain types are stored: enums as words, periods as keys, money-safe decimals.</summary>
internal static class PmfConventions
{
    public static void Apply(ModelConfigurationBuilder builder, string? provider)
    {
        builder.Properties<Period>().HaveConversion<PeriodConverter>().HaveMaxLength(12);
        builder.Properties<Tolerance>().HaveConversion<ToleranceConverter>().HaveMaxLength(32);
        builder.Properties<AnnualProfile>().HaveConversion<AnnualProfileConverter>().HaveMaxLength(64);
        builder.Properties<decimal>().HavePrecision(19, 4);
        StoreAsText<Rag>(builder);
        StoreAsText<ReturnState>(builder);
        StoreAsText<RatingState>(builder);
        StoreAsText<Polarity>(builder);
        StoreAsText<Frequency>(builder);
        StoreAsText<BoardKind>(builder);
        StoreAsText<PlanKind>(builder);
        StoreAsText<ActionStatus>(builder);
        StoreAsText<RiskLevel>(builder);

        if (provider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no date-time-with-offset type; as UTC ticks they still sort and compare.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    private static void StoreAsText<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum
    {
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
    }

    private sealed class PeriodConverter() : ValueConverter<Period, string>(p => p.Key, s => Period.Parse(s));

    private sealed class ToleranceConverter() : ValueConverter<Tolerance, string>(t => ToleranceText.Format(t), s => ToleranceText.Parse(s));

    private sealed class AnnualProfileConverter() : ValueConverter<AnnualProfile, string>(p => p.ToString(), s => AnnualProfile.Parse(s));
}
