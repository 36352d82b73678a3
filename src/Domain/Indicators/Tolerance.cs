namespace PmfBot.Domain.Indicators;

public enum ToleranceKind
{
    Absolute,
    Percent,
}

/// <summary>
/// How far from target an indicator may be and still be amber. A percentage tolerance is a
/// share of the target (d = t x p / 100); an absolute one is in the indicator's own unit.
/// </summary>
public sealed record Tolerance(decimal Amount, ToleranceKind Kind)
{
    public static Tolerance None { get; } = new(0m, ToleranceKind.Absolute);

    public static Tolerance Absolute(decimal amount) => new(amount, ToleranceKind.Absolute);

    public static Tolerance Percent(decimal percent) => new(percent, ToleranceKind.Percent);

    /// <summary>The tolerance in the indicator's unit for a given target.</summary>
    public decimal For(decimal target) =>
        Kind == ToleranceKind.Percent ? Math.Abs(target) * Amount / 100m : Amount;

    public override string ToString() => Kind == ToleranceKind.Percent ? $"{Amount}%" : $"{Amount}";
}
