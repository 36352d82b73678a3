using Microsoft.Extensions.Logging;

namespace PmfBot.Scheduler.Tests.Support;

/// <summary>
/// One logger factory for every host the tests build, never disposed. Hangfire keeps its log
/// provider (and loggers made from it) in static fields, so a factory disposed with one test's
/// host would break the next. PMF_TEST_LOG=Information shows the logs.
/// </summary>
public static class TestLogging
{
    public static ILoggerFactory Shared { get; } = LoggerFactory.Create(logging => logging
        .SetMinimumLevel(Environment.GetEnvironmentVariable("PMF_TEST_LOG") is { Length: > 0 } level ? Enum.Parse<LogLevel>(level) : LogLevel.Warning)
        .AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff "));
}
