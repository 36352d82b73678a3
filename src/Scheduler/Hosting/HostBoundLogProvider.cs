using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace PmfBot.Scheduler.Hosting;

/// <summary>
/// Hangfire's logging, which Hangfire keeps in a process-wide static: the last host configured wins.
/// With several hosts in one process (the tests), that host may already be gone while another still
/// creates Hangfire clients, and Hangfire's own provider then throws ObjectDisposedException from
/// whatever the other host was doing (a chair's approval, a proposal). This one logs to its host's
/// loggers while the host lives and says nothing afterwards.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
