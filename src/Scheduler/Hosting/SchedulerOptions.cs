namespace PmfBot.Scheduler.Hosting;

/// <summary>What this instance runs: the web host and a Hangfire server (default), the web host only, or only the server.</summary>
public enum SchedulerRole
{
    All,
    Web,
    Worker,
}

/// <summary>Scheduler settings, section `Scheduler`.</summary>
public sealed class SchedulerOptions : PmfBot.Domain.Settings.ISettings
{
    public const string Section = "Scheduler";

    /// <summary>`all` (web and scheduler), `web` (no Hangfire server) or `worker` (server only).</summary>
    public SchedulerRole Role { get; set; } = SchedulerRole.All;

    /// <summary>When the cycle job runs (it is idempotent: a run with nothing new queues nothing).</summary>
    public string CycleCron { get; set; } = "*/15 * * * *";

    /// <summary>When the delivery job runs; the cycle's own runs are followed by one too.</summary>
    public string DeliveryCron { get; set; } = "* * * * *";

    /// <summary>Finding unlinked people's Teams accounts in the directory (with Graph only); the cycle also does it the day returns open.</summary>
    public string LinkAccountsCron { get; set; } = "0 * * * *";

    /// <summary>How often a Hangfire server polls for queued and scheduled jobs (Hangfire's default is 15 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Hangfire worker threads per server.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>The dashboard's authorisation policy (the host defines it; Dashboard:SignIn sets PmfBot's performance-team one); without one the dashboard is loopback-only in local mode, otherwise not mapped.</summary>
    public string? DashboardAuthorizationPolicy { get; set; }

    public CycleOptions Cycle { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    public bool RunsServer => Role is SchedulerRole.All or SchedulerRole.Worker;

    public bool RunsWeb => Role is SchedulerRole.All or SchedulerRole.Web;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add("Scheduler:PollInterval must be positive.");
        }

        if (WorkerCount < 1)
        {
            problems.Add("Scheduler:WorkerCount must be at least 1.");
        }

        if (Cycle.SendUntil <= Cycle.SendFrom)
        {
            problems.Add("Scheduler:Cycle:SendUntil must be after SendFrom.");
        }

        if (Cycle.MaxCatchUpDays < 1)
        {
            problems.Add("Scheduler:Cycle:MaxCatchUpDays must be at least 1.");
        }

        if (Delivery.MaxParallelConversations < 1 || Delivery.BatchSize < 1 || Delivery.MaxAttempts < 1)
        {
            problems.Add("Scheduler:Delivery:MaxParallelConversations, BatchSize and MaxAttempts must be at least 1.");
        }

        if (Delivery.Timeout <= TimeSpan.Zero || Delivery.Timeout >= Domain.Outbox.OutboxStore.ClaimTimeout)
        {
            problems.Add($"Scheduler:Delivery:Timeout must be positive and shorter than the outbox claim timeout ({Domain.Outbox.OutboxStore.ClaimTimeout}).");
        }

        return problems;
    }
}

/// <summary>When the cycle may queue messages (UK time), and how far back it catches up.</summary>
public sealed class CycleOptions
{
    /// <summary>The cycle queues nothing before this UK time...</summary>
    public TimeOnly SendFrom { get; set; } = new(8, 0);

    /// <summary>...nor from this UK time on.</summary>
    public TimeOnly SendUntil { get; set; } = new(18, 0);

    /// <summary>Only on working days (weekends and bank holidays wait for the next working day).</summary>
    public bool WorkingDaysOnly { get; set; } = true;

    /// <summary>After downtime (or a pause) the cycle catches up at most this many days.</summary>
    public int MaxCatchUpDays { get; set; } = 14;
}

/// <summary>How the delivery job fans out.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Conversations sent to at once (each conversation's messages in order, one at a time).</summary>
    public int MaxParallelConversations { get; set; } = 16;

    /// <summary>Messages read per round.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A delivery still running after this is abandoned: the message stays claimed and is retried after the claim timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many attempts a message that keeps timing out, or is still not installed, is given up.</summary>
    public int MaxAttempts { get; set; } = 5;
}
