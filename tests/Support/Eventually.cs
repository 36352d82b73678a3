using System.Diagnostics;

namespace PmfBot.Tests.Support;

/// <summary>
/// For an effect that lands after the one a test saw: the bot records a send only once Teams has
/// answered it, WireMock logs a request only after answering it. Reading at once races with the
/// effect; waiting with a deadline does not, and says what it waited for when the deadline passes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Asks <paramref name="holds"/> until it is true; fails naming <paramref name="what"/> after the deadline.</summary>
    public static Task HoldsAsync(Func<Task<bool>> holds, string what, TimeSpan? deadline = null) =>
        HoldsAsync(holds, () => what, deadline);

    /// <param name="what">Asked when the deadline passes, so it can say what was seen last.</param>
    public static async Task HoldsAsync(Func<Task<bool>> holds, Func<string> what, TimeSpan? deadline = null)
    {
        var within = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        while (!await holds())
        {
            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds:0.#} s for {what()}; it never happened.");
            }

            await Task.Delay(Pause);
        }
    }

    public static Task HoldsAsync(Func<bool> holds, string what, TimeSpan? deadline = null) =>
        HoldsAsync(() => Task.FromResult(holds()), what, deadline);
}
