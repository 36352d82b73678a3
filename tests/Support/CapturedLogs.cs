using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PmfBot.Tests.Support;

/// <summary>Every log line of the bot under test, formatted and with its structured properties, for assertions (e.g. that no token is logged).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Forgets every line so far (a shared bot, before its next test).</summary>
    public void Clear()
    {
        Entries.Clear();
        Lines.Clear();
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            owner.Entries.Enqueue(new CapturedLogEntry(logLevel, category, message, properties, exception));
            owner.Lines.Enqueue($"{logLevel} {category}: {message}{(exception is null ? "" : " | " + exception)}");
        }
    }
}

/// <summary>One log line as the logger got it: the properties are the message template's named values.</summary>
public sealed record CapturedLogEntry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);
