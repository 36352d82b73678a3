using Hangfire;
using PmfBot.Scheduler.Graph;

namespace PmfBot.Scheduler.Jobs;

/// <summary>
/// Recurring: links unlinked people to their Teams accounts through the directory and installs PmfBot
/// for them (<see cref="ResolveTeamsAccounts"/>). Nothing without Graph. Safe to run twice.
/// </summary>
public sealed class LinkTeamsAccountsJob(ResolveTeamsAccounts accounts)
{
    [AutomaticRetry(Attempts = 0)]
    public Task<ResolveTeamsAccounts.Result> RunAsync(CancellationToken cancellationToken) => accounts.RunAsync(cancellationToken);
}
